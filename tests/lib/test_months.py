from __future__ import annotations

from datetime import date

from oversight.lib.months import add_months, months_between, range_name, short_month_name


def test_months_add_across_years() -> None:
    assert add_months(date(2016, 11, 1), 3) == date(2017, 2, 1)
    assert add_months(date(2017, 1, 1), -1) == date(2016, 12, 1)
    assert months_between(date(2016, 5, 1), date(2017, 1, 1)) == 8


def test_ranges_are_named_as_councils_write_them() -> None:
    assert range_name(date(2017, 3, 1), date(2017, 3, 1)) == "March 2017"
    assert range_name(date(2017, 1, 1), date(2017, 3, 1)) == "January - March 2017"
    assert range_name(date(2016, 12, 1), date(2017, 3, 1)) == "December 2016 - March 2017"
    assert short_month_name(date(2017, 1, 1)) == "Jan 17"
