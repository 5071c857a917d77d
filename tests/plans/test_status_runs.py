"""How long an action has been Red: the start of its unbroken run of Red statuses."""

from __future__ import annotations

from datetime import date

from oversight.plans.status_runs import Run, current_run, red_since

AUG, SEP, OCT, NOV = date(2016, 8, 31), date(2016, 9, 30), date(2016, 10, 31), date(2016, 11, 30)


def test_an_action_red_every_month_since_august_is_red_since_august_not_since_its_latest_return() -> None:
    history = [(AUG, "R"), (SEP, "R"), (OCT, "R"), (NOV, "R")]
    assert red_since(history) == AUG


def test_an_amber_month_breaks_the_run() -> None:
    assert red_since([(AUG, "R"), (SEP, "A"), (OCT, "R"), (NOV, "R")]) == OCT


def test_white_and_green_break_the_run_too() -> None:
    assert red_since([(AUG, "R"), (SEP, "W"), (OCT, "R")]) == OCT
    assert red_since([(AUG, "R"), (SEP, "G"), (OCT, "R")]) == OCT


def test_a_first_record_that_is_red_starts_the_run() -> None:
    assert red_since([(OCT, "R")]) == OCT
    assert red_since([(SEP, "R"), (OCT, "R")]) == SEP


def test_an_action_that_is_not_red_now_has_no_red_since() -> None:
    assert red_since([(AUG, "R"), (SEP, "R"), (OCT, "A")]) is None
    assert red_since([]) is None


def test_a_month_with_no_return_does_not_break_the_run() -> None:
    assert red_since([(AUG, "R"), (NOV, "R")]) == AUG


def test_a_corrected_return_for_the_same_date_counts_and_the_earlier_one_does_not() -> None:
    # September was first returned Amber, then corrected to Red the same day: the run is unbroken
    assert red_since([(AUG, "R"), (SEP, "A"), (SEP, "R"), (OCT, "R")]) == AUG
    # October was returned Red, then corrected to Green: not Red now
    assert red_since([(AUG, "R"), (OCT, "R"), (OCT, "G")]) is None


def test_red_since_as_at_a_day_reads_only_the_statuses_up_to_it() -> None:
    history = [(AUG, "A"), (SEP, "R"), (OCT, "R"), (NOV, "G")]
    assert red_since(history, OCT) == SEP
    assert red_since(history, date(2016, 9, 1)) is None  # Amber on 1 September
    assert red_since(history) is None


def test_the_current_run_of_any_status_has_its_start() -> None:
    assert current_run([(AUG, "A"), (SEP, "A"), (OCT, "G")]) == Run("G", OCT)
    assert current_run([(AUG, "A"), (SEP, "A")]) == Run("A", AUG)
    assert current_run([(OCT, "R")], SEP) is None
