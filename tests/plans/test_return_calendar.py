"""The monthly return's calendar: the first reminder on the plan's day, the second a set number of
working days before the return date, the officers' list after it; one stage a day."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.plans.return_calendar import ReturnCalendar, Stage, dates_in, stage_on

PLAN = ReturnCalendar(reminder_day=20, return_day=25, second_reminder_days=2)


def test_a_return_day_on_a_saturday_is_the_friday_before_and_the_second_reminder_two_days_earlier() -> None:
    dates = dates_in(date(2017, 2, 1), PLAN)
    assert dates.first == date(2017, 2, 20)
    assert (dates.second, dates.returns) == (date(2017, 2, 22), date(2017, 2, 24))


def test_christmas_day_moves_the_return_date_to_christmas_eve() -> None:
    dates = dates_in(date(2026, 12, 1), PLAN)
    assert (dates.second, dates.returns) == (date(2026, 12, 22), date(2026, 12, 24))


@pytest.mark.parametrize(
    ("day", "stage"),
    [
        (19, None),
        (20, Stage.FIRST),
        (21, Stage.FIRST),
        (22, Stage.SECOND),
        (24, Stage.SECOND),
        (25, Stage.MISSING),
        (28, Stage.MISSING),
    ],
)
def test_each_day_names_the_latest_stage_that_has_come(day: int, stage: Stage | None) -> None:
    assert stage_on(date(2017, 2, day), PLAN) is stage


def test_without_a_second_reminder_the_first_runs_to_the_return_date() -> None:
    plan = ReturnCalendar(20, 25, 0)
    assert dates_in(date(2017, 2, 1), plan).second is None
    assert stage_on(date(2017, 2, 24), plan) is Stage.FIRST


def test_a_second_reminder_that_would_come_before_the_first_is_not_sent() -> None:
    plan = ReturnCalendar(23, 24, 3)
    assert dates_in(date(2017, 2, 1), plan).second is None


def test_a_day_past_the_months_end_is_its_last_day() -> None:
    dates = dates_in(date(2017, 2, 1), ReturnCalendar(28, 31, 1))
    assert (dates.first, dates.returns) == (date(2017, 2, 28), date(2017, 2, 28))
    assert dates.second is None
