from __future__ import annotations

from datetime import date

from oversight.lib.months import (
    add_months,
    day_name,
    months_between,
    parse_iso_month,
    range_name,
    short_month_name,
)


def test_months_add_across_years() -> None:
    assert add_months(date(2016, 11, 1), 3) == date(2017, 2, 1)
    assert add_months(date(2017, 1, 1), -1) == date(2016, 12, 1)
    assert months_between(date(2016, 5, 1), date(2017, 1, 1)) == 8


def test_ranges_are_named_as_councils_write_them() -> None:
    assert range_name(date(2017, 3, 1), date(2017, 3, 1)) == "March 2017"
    assert range_name(date(2017, 1, 1), date(2017, 3, 1)) == "January - March 2017"
    assert range_name(date(2016, 12, 1), date(2017, 3, 1)) == "December 2016 - March 2017"
    assert short_month_name(date(2017, 1, 1)) == "Jan 17"


def test_a_month_before_1990_or_after_2100_is_a_typing_mistake() -> None:
    assert parse_iso_month("1990-01") == date(1990, 1, 1)
    assert parse_iso_month("2100-12") == date(2100, 12, 1)
    assert parse_iso_month("0001-01") is None
    assert parse_iso_month("1989-12") is None
    assert parse_iso_month("2101-01") is None


def test_a_day_is_named_as_a_committee_paper_writes_it() -> None:
    assert day_name(date(2017, 1, 31)) == "31 January 2017"
    assert day_name(date(2017, 3, 1)) == "1 March 2017"
    assert day_name(None) == ""
