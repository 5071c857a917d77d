"""An action's month-end statuses, and what a new status does to the plan's monthly counts."""

from __future__ import annotations

from collections import Counter
from datetime import date

from oversight.plans.completion import RecordedStatus
from oversight.plans.status_summary import (
    as_text,
    count_changes,
    counts_by_month,
    extended,
    first_difference,
    from_text,
    month_end_runs,
    rag_at_end_of,
)

JAN, FEB, MAR, APR = date(2017, 1, 1), date(2017, 2, 1), date(2017, 3, 1), date(2017, 4, 1)


def statuses(*recorded: tuple[date, str]) -> list[RecordedStatus]:
    return [RecordedStatus(n, as_at, rag) for n, (as_at, rag) in enumerate(recorded, start=1)]


def test_the_last_status_of_a_month_is_its_month_end_status_and_unchanged_months_are_one_run():
    runs = month_end_runs(
        statuses(
            (date(2017, 1, 10), "A"),
            (date(2017, 1, 31), "R"),  # Red at January's end, not Amber
            (date(2017, 2, 28), "R"),  # still Red: no new run
            (date(2017, 4, 3), "G"),
        )
    )
    assert runs == [(JAN, "R"), (APR, "G")]
    assert [rag_at_end_of(runs, m) for m in (date(2016, 12, 1), JAN, FEB, MAR, APR, date(2018, 1, 1))] == [
        None, "R", "R", "R", "G", "G",
    ]  # fmt: skip


def test_a_new_red_this_month_moves_one_action_from_green_to_red_in_this_month_only():
    old = [(JAN, "G")]
    new = [(JAN, "G"), (MAR, "R")]
    assert count_changes(old, new, until=MAR) == Counter({(MAR, "R"): 1, (MAR, "G"): -1})


def test_a_status_given_for_an_earlier_month_changes_every_month_from_it_up_to_the_last_counted():
    old = [(MAR, "A")]
    new = [(JAN, "R"), (MAR, "A")]  # a status file as at January's end, imported later
    assert count_changes(old, new, until=APR) == Counter({(JAN, "R"): 1, (FEB, "R"): 1})
    assert count_changes([], [(FEB, "G")], until=APR) == Counter(
        {(FEB, "G"): 1, (MAR, "G"): 1, (APR, "G"): 1}
    )


def test_runs_that_are_the_same_change_nothing():
    assert first_difference([(JAN, "R")], [(JAN, "R")]) is None
    assert count_changes([(JAN, "R")], [(JAN, "R")], until=APR) == Counter()


def test_the_counts_of_every_month_come_from_the_runs():
    counts = counts_by_month([[(JAN, "R"), (MAR, "G")], [(FEB, "A")], []], JAN, APR)
    assert counts == Counter(
        {
            (JAN, "R"): 1,
            (FEB, "R"): 1,
            (FEB, "A"): 1,
            (MAR, "G"): 1,
            (MAR, "A"): 1,
            (APR, "G"): 1,
            (APR, "A"): 1,
        }
    )


def test_runs_are_kept_as_text_and_read_back():
    runs = [(JAN, "R"), (APR, "G")]
    assert as_text(runs) == "2017-01-01R 2017-04-01G"
    assert from_text(as_text(runs)) == runs
    assert from_text("") == []


def test_a_status_after_the_latest_extends_the_runs_without_the_history():
    march_red = RecordedStatus(9, date(2017, 3, 20), "R")
    assert extended([(JAN, "G"), (MAR, "A")], "A", "", march_red) == ([(JAN, "G"), (MAR, "R")], "")
    assert extended([(JAN, "R")], "R", "", march_red) == ([(JAN, "R")], "")  # still Red: the same run
    april_green = RecordedStatus(10, date(2017, 4, 2), "G")
    assert extended([(JAN, "R")], "R", "", april_green) == ([(JAN, "R"), (APR, "G")], "awaiting")
    assert extended([(JAN, "G")], "G", "verified", april_green) == ([(JAN, "G")], "verified")
