"""RAG counts per priority and the pace of completion, from plain rows."""

from __future__ import annotations

from datetime import date

from oversight.plans.action_rows import ActionRow
from oversight.plans.charts import pace_line_chart, rag_bar_chart
from oversight.plans.progress import pace, pace_from_counts, rag_counts
from oversight.plans.timescale_history import InForce, TimescaleHistory


def row(pk: int, priority: int, last: date, rag: str | None = None, updated: date | None = None) -> ActionRow:
    return ActionRow(
        pk, f"{priority}.{pk}", "", priority, "", "HOS LS", "", "", date(2016, 5, 1), last, rag, "", updated
    )


def test_rag_counts_per_priority_include_actions_with_no_status_and_empty_priorities() -> None:
    actions = [
        row(1, 1, date(2016, 6, 1), "R"),
        row(2, 1, date(2016, 6, 1), "G"),
        row(3, 2, date(2016, 6, 1)),
    ]
    counts = rag_counts(actions, {1: "Leadership", 2: "Practice", 3: "Partnerships"})
    assert [(p.number, p.counts, p.total) for p in counts] == [
        (1, {"R": 1, "A": 0, "G": 1, "W": 0, "none": 0}, 2),
        (2, {"R": 0, "A": 0, "G": 0, "W": 0, "none": 1}, 1),
        (3, {"R": 0, "A": 0, "G": 0, "W": 0, "none": 0}, 0),
    ]


def test_pace_counts_actions_due_and_green_at_each_months_end() -> None:
    actions = [row(1, 1, date(2016, 5, 1)), row(2, 1, date(2016, 6, 1)), row(3, 1, date(2016, 8, 1))]
    history = {
        1: ((date(2016, 5, 31), "A"), (date(2016, 6, 10), "G")),
        2: ((date(2016, 6, 30), "G"), (date(2016, 7, 15), "A")),  # went back to Amber in July
        3: ((date(2016, 5, 31), "G"),),  # completed early
    }
    points = pace(actions, history, date(2016, 5, 1), date(2016, 8, 1))
    assert [(p.month, p.due, p.completed) for p in points] == [
        (date(2016, 5, 1), 1, 1),
        (date(2016, 6, 1), 2, 3),
        (date(2016, 7, 1), 2, 2),
        (date(2016, 8, 1), 3, 2),
    ]


def test_an_action_counts_as_due_against_the_deadline_in_force_in_each_month() -> None:
    # 1: due in June 2016, re-timed in August to October; 2: due in June, withdrawn from August
    actions = [row(1, 1, date(2016, 10, 1)), row(2, 1, date(2016, 6, 1)), row(3, 1, date(2016, 7, 1))]
    june, october = date(2016, 6, 1), date(2016, 10, 1)
    timescales = {
        1: TimescaleHistory(
            InForce(date.min, "Jun 16", date(2016, 5, 1), june),
            (InForce(date(2016, 8, 1), "Oct 16", date(2016, 5, 1), october),),
        ),
        2: TimescaleHistory(InForce(date.min, "Jun 16", date(2016, 5, 1), june), (), date(2016, 8, 1)),
    }
    # June: 1 and 2; July: and 3; August: 1 no longer due, 2 withdrawn; October: 1 due again
    expected = [(date(2016, 5, 1), 0), (june, 2), (date(2016, 7, 1), 3), (date(2016, 8, 1), 1)]
    expected += [(date(2016, 9, 1), 1), (october, 2)]
    points = pace(actions, {}, date(2016, 5, 1), october, timescales)
    assert [(p.month, p.due) for p in points] == expected
    from_counts = pace_from_counts(actions, {}, None, date(2016, 5, 1), october, timescales)
    assert [(p.month, p.due) for p in from_counts] == expected


def test_the_latest_of_several_statuses_on_the_same_day_counts() -> None:
    actions = [row(1, 1, date(2016, 5, 1))]
    history = {1: ((date(2016, 5, 31), "G"), (date(2016, 5, 31), "R"))}
    assert pace(actions, history, date(2016, 5, 1), date(2016, 5, 1))[0].completed == 0


def test_an_action_is_overdue_after_its_timescale_ends_unless_green() -> None:
    january = date(2017, 1, 1)
    assert row(1, 1, date(2016, 12, 1), "A").overdue(january)
    assert not row(1, 1, date(2016, 12, 1), "G").overdue(january)
    assert not row(1, 1, date(2017, 1, 1), "R").overdue(january)  # due this month, not yet overdue
    assert row(1, 1, date(2017, 1, 1)).due(january)


def test_the_bar_chart_stacks_each_rag_in_order_with_widths_in_proportion() -> None:
    actions = [
        row(1, 1, date(2016, 6, 1), "R"),
        row(2, 1, date(2016, 6, 1), "G"),
        row(3, 2, date(2016, 6, 1), "G"),
    ]
    chart = rag_bar_chart(rag_counts(actions, {1: "", 2: ""}))
    first, second = chart.bars
    assert [(s.rag, s.count) for s in first.segments] == [("R", 1), ("G", 1)]
    assert first.segments[1].x == first.segments[0].x + first.segments[0].width
    assert second.segments[0].width == first.segments[0].width
    assert (first.label, first.total) == ("Priority 1", 2)


def test_the_pace_chart_draws_one_point_per_month_on_both_lines() -> None:
    points = pace([row(1, 1, date(2016, 6, 1))], {}, date(2016, 5, 1), date(2016, 7, 1))
    chart = pace_line_chart(points)
    assert len(chart.due.split()) == len(chart.completed.split()) == 3
    assert [t.label for t in chart.x_ticks] == ["May 16", "Jun 16", "Jul 16"]


def test_the_pace_charts_last_month_label_fits_inside_the_chart() -> None:
    points = pace([row(1, 1, date(2016, 6, 1))], {}, date(2016, 5, 1), date(2016, 12, 1))
    chart = pace_line_chart(points)
    last = chart.x_ticks[-1]
    # centred on its x, a label of six characters at 14 px is about 45 px wide
    assert last.label == "Dec 16" and last.x + 45 / 2 <= chart.width
