"""The exception report's rules, on plain rows (no database)."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.plans.exception_report import ReportAction, compute, to_json

JAN, FEB, MAR = date(2017, 1, 1), date(2017, 2, 1), date(2017, 3, 1)
DEC, NOV = date(2016, 12, 1), date(2016, 11, 1)
PRIORITIES = {1: "Leadership and Governance", 2: "Safeguarding"}


def action(
    action_id: str,
    first: date,
    last: date,
    rags: dict[date, str | None],
    *,
    priority: int | None = None,
    commentary: str = "Because",
    updated: date | None = MAR,
) -> ReportAction:
    return ReportAction(
        action_id=action_id,
        priority=priority or int(action_id.split(".")[0]),
        key_action=f"Key action {action_id}",
        lead="DCS",
        agencies="Health",
        timescale=f"{first:%b %y} - {last:%b %y}",
        first_month=first,
        last_month=last,
        rag_by_month=rags,
        commentary=commentary,
        latest_update=updated,
    )


def report(actions: list[ReportAction], as_at: date = date(2017, 3, 31), months: int = 3):
    return compute(
        plan="p", title="Plan", council="", as_at=as_at, priorities=PRIORITIES, actions=actions, months=months
    )


def test_a_red_action_past_its_deadline_appears_in_table_3() -> None:
    r = report([action("1.1", DEC, DEC, {MAR: "R"})])
    assert [(row.deadline, row.count, row.percent) for row in r.by_deadline] == [("December 2016", 1, 100)]
    assert [a.action_id for a in r.red_actions] == ["1.1"]


def test_an_action_in_progress_but_not_yet_due_is_left_out_and_counted() -> None:
    r = report([action("1.1", FEB, date(2017, 6, 1), {MAR: "R"}), action("1.2", JAN, MAR, {MAR: "A"})])
    assert (r.due, r.red, r.in_progress_not_yet_due) == (1, 0, 1)
    assert r.red_actions == []


def test_an_action_not_started_is_neither_due_nor_in_progress() -> None:
    r = report([action("1.1", date(2017, 4, 1), date(2017, 5, 1), {MAR: "W"})])
    assert (r.due, r.in_progress_not_yet_due) == (0, 0)


def test_table_1_counts_due_and_red_per_priority_with_every_priority_listed() -> None:
    r = report(
        [
            action("1.1", DEC, DEC, {MAR: "R"}),
            action("1.2", DEC, JAN, {MAR: "G"}),
            action("1.3", MAR, MAR, {MAR: "A"}),
        ]
    )
    assert [(p.priority, p.due, p.red, p.red_percent) for p in r.by_priority] == [(1, 3, 1, 33), (2, 0, 0, 0)]
    assert (r.due, r.red, r.red_percent) == (3, 1, 33)


def test_table_2_counts_red_month_by_month_with_the_difference() -> None:
    r = report(
        [
            action("1.1", DEC, DEC, {JAN: "R", FEB: "R", MAR: "R"}),
            action("2.1", DEC, DEC, {JAN: "R", FEB: "R", MAR: "A"}),
            action("2.2", JAN, FEB, {JAN: "A", FEB: "R", MAR: "G"}),
            action("2.3", MAR, MAR, {JAN: "W", FEB: "A", MAR: "R"}),
        ]
    )
    assert r.trend_months == [JAN, FEB, MAR]
    assert [(t.priority, t.red, t.difference) for t in r.trend] == [(1, [1, 1, 1], 0), (2, [1, 2, 1], -1)]
    assert r.trend_total == [2, 3, 2] and r.trend_difference == -1


def test_an_action_red_before_its_deadline_is_not_counted_as_red() -> None:
    r = report([action("1.1", FEB, MAR, {FEB: "R", MAR: "R"})])
    assert r.trend_total == [0, 0, 1]


def test_movements_since_last_month() -> None:
    r = report(
        [
            action("1.1", DEC, DEC, {FEB: "R", MAR: "R"}),
            action("1.2", DEC, DEC, {FEB: "R", MAR: "A"}),
            action("1.3", JAN, FEB, {FEB: "R", MAR: "G"}),
            action("2.1", MAR, MAR, {FEB: "A", MAR: "R"}),
            action("2.2", MAR, MAR, {FEB: "A", MAR: "A"}),
        ]
    )
    assert r.newly_red == ["2.1"]
    assert r.no_longer_red == [("1.2", "Amber"), ("1.3", "Green")]
    assert (r.new_due, r.new_due_red, r.previously_red) == (2, 1, 3)


def test_an_action_red_before_it_fell_due_becomes_red_when_it_falls_due() -> None:
    r = report(
        [
            action("1.1", FEB, MAR, {FEB: "R", MAR: "R"}),  # Red last month too, but only due now
            action("1.2", DEC, DEC, {FEB: "R", MAR: "R"}),
        ]
    )
    assert r.newly_red == ["1.1"] and r.no_longer_red == []
    assert r.trend_difference == 1 == len(r.newly_red) - len(r.no_longer_red)


def test_table_3_puts_the_latest_deadline_first_and_a_shorter_range_before_a_longer() -> None:
    r = report(
        [
            action("1.1", NOV, NOV, {MAR: "R"}),
            action("1.2", JAN, MAR, {MAR: "R"}),
            action("1.3", MAR, MAR, {MAR: "R"}),
            action("1.4", DEC, MAR, {MAR: "R"}),
            action("1.5", MAR, MAR, {MAR: "R"}),
            action("1.6", JAN, JAN, {MAR: "R"}),
            action("1.7", JAN, JAN, {MAR: "R"}),
            action("1.8", DEC, DEC, {MAR: "R"}),
        ]
    )
    assert [(d.deadline, d.count, d.percent) for d in r.by_deadline] == [
        ("March 2017", 2, 25),
        ("January - March 2017", 1, 13),
        ("December 2016 - March 2017", 1, 13),
        ("January 2017", 2, 25),
        ("December 2016", 1, 13),
        ("November 2016", 1, 13),
    ]
    assert r.oldest_red == ["1.1"] and r.oldest_deadline == NOV


def test_a_month_status_is_the_latest_recorded_in_or_before_it() -> None:
    # the loader fills each month with the latest earlier status; an action with none is flagged
    r = report([action("1.1", DEC, DEC, {MAR: None}, updated=None)])
    assert r.red == 0
    assert [w.problem for w in r.warnings] == ["no status recorded by March 2017"]


def test_warnings_where_statuses_contradict_the_dates() -> None:
    r = report(
        [
            action("1.1", JAN, date(2017, 6, 1), {MAR: "W"}),
            action("1.2", DEC, DEC, {MAR: "R"}, commentary=" "),
            action("1.3", DEC, DEC, {MAR: "A"}, updated=JAN),
            action("1.4", date(2017, 4, 1), date(2017, 4, 1), {MAR: "W"}),
        ]
    )
    assert [(w.action_id, w.problem) for w in r.warnings] == [
        ("1.1", "White (not planned to start) but its timescale (Jan 17 - Jun 17) started in January 2017"),
        ("1.2", "Red without commentary"),
        ("1.3", "no update in March 2017; the latest status is from January 2017"),
    ]


def test_a_white_status_in_the_month_its_timescale_starts_is_flagged() -> None:
    r = report(
        [
            action("1.1", MAR, date(2017, 6, 1), {MAR: "W"}),
            action("1.2", date(2017, 4, 1), date(2017, 6, 1), {MAR: "W"}),  # starts next month: fine
        ]
    )
    assert [(w.action_id, w.problem) for w in r.warnings] == [
        ("1.1", "White (not planned to start) but its timescale (Mar 17 - Jun 17) started in March 2017")
    ]


def test_months_with_no_statuses_at_all_are_no_data_not_zero() -> None:
    r = report([action("1.1", DEC, DEC, {JAN: None, FEB: None, MAR: "R"})])
    assert r.trend_recorded == [False, False, True] and not r.previous_recorded
    data = to_json(r)
    assert data["trend"]["total"] == [None, None, 1]
    assert data["trend"]["difference"] is None


def test_the_json_has_the_issue_shape() -> None:
    data = to_json(report([action("1.1", DEC, DEC, {FEB: "R", MAR: "R"})]))
    assert data["as_at"] == "2017-03-31" and data["plan"] == "p"
    assert data["totals"] == {"due": 1, "red": 1, "red_percent": 100, "in_progress_not_yet_due": 0}
    assert data["by_priority"][0] == {
        "priority": 1,
        "title": "Leadership and Governance",
        "due": 1,
        "red": 1,
        "red_percent": 100,
    }
    assert data["trend"]["months"] == ["2017-01", "2017-02", "2017-03"]
    assert data["red_actions"][0]["action_id"] == "1.1"
    assert data["new_since_previous"] == {"due": 0, "red": 0}
    assert set(data) >= {"by_deadline", "oldest_red", "newly_red", "no_longer_red", "warnings"}


def test_months_must_be_at_least_one() -> None:
    with pytest.raises(ValueError):
        report([], months=0)
