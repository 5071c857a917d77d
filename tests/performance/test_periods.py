"""The period a value is for: the week's Monday, the month's or the quarter's first day."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.performance.periods import period_name, period_of


@pytest.mark.parametrize(
    ("frequency", "day", "period", "name"),
    [
        ("weekly", date(2023, 5, 31), date(2023, 5, 29), "week of 29 May 2023"),
        ("weekly", date(2023, 5, 29), date(2023, 5, 29), "week of 29 May 2023"),
        ("weekly", date(2023, 1, 1), date(2022, 12, 26), "week of 26 December 2022"),  # a Sunday
        ("monthly", date(2023, 5, 31), date(2023, 5, 1), "May 2023"),
        ("quarterly", date(2023, 5, 31), date(2023, 4, 1), "quarter from April 2023"),
        ("quarterly", date(2023, 3, 31), date(2023, 1, 1), "quarter from January 2023"),
        ("quarterly", date(2023, 12, 1), date(2023, 10, 1), "quarter from October 2023"),
    ],
)
def test_a_day_falls_in_the_period_of_its_frequency(frequency, day, period, name) -> None:
    assert period_of(frequency, day) == period
    assert period_name(frequency, period) == name
