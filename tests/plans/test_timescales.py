from __future__ import annotations

from datetime import date, datetime

import pytest

from oversight.plans.timescales import Timescale, TimescaleError, parse_timescale


def months(first: tuple[int, int], last: tuple[int, int]) -> Timescale:
    return Timescale(date(*first, 1), date(*last, 1))


DEC_16 = months((2016, 12), (2016, 12))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dec-16", DEC_16),
        ("Dec 16", DEC_16),
        ("Dec 2016", DEC_16),
        ("December 2016", DEC_16),
        ("DECEMBER 2016", DEC_16),
        ("  dec-16 ", DEC_16),
        ("Dec16", DEC_16),
        ("Dec '16", DEC_16),
        ("Sept-16", months((2016, 9), (2016, 9))),
        ("Sep 16", months((2016, 9), (2016, 9))),
        ("Oct - Dec 16", months((2016, 10), (2016, 12))),
        ("Oct–Dec 16", months((2016, 10), (2016, 12))),
        ("Oct — Dec 16", months((2016, 10), (2016, 12))),
        ("oct-dec 16", months((2016, 10), (2016, 12))),
        ("Jan – Mar 17", months((2017, 1), (2017, 3))),
        ("Oct 16 - Jan 17", months((2016, 10), (2017, 1))),
        ("Nov 16–Jun 17", months((2016, 11), (2017, 6))),
        ("October to December 2016", months((2016, 10), (2016, 12))),
        ("December 2016 to March 2017", months((2016, 12), (2017, 3))),
        ("Q1 2016/17", months((2016, 4), (2016, 6))),
        ("Q3 2016/17", months((2016, 10), (2016, 12))),
        ("Q4 2016/17", months((2017, 1), (2017, 3))),
        ("q4 2016-2017", months((2017, 1), (2017, 3))),
        ("31/12/2016", DEC_16),
        ("1/12/2016", DEC_16),
        ("2016-12-31", DEC_16),
        ("2016-12", DEC_16),
        ("Nov - Feb 17", months((2016, 11), (2017, 2))),
        ("Sept. - Oct. 16", months((2016, 9), (2016, 10))),
    ],
)
def test_it_reads_what_councils_write(text: str, expected: Timescale) -> None:
    assert parse_timescale(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a range whose months are the same is that one month, not a year and a month
        ("Oct - Oct 16", months((2016, 10), (2016, 10))),
        ("Oct to October 2016", months((2016, 10), (2016, 10))),
        ("Jan - Jan 17", months((2017, 1), (2017, 1))),
        ("Dec - Dec 16", months((2016, 12), (2016, 12))),
        ("Oct 16 - Oct 16", months((2016, 10), (2016, 10))),
        # the year written is the last month's: a range that runs past December began the year before
        ("Dec - Jan 17", months((2016, 12), (2017, 1))),
        ("Dec–Jan 2017", months((2016, 12), (2017, 1))),
        ("Feb - Jan 17", months((2016, 2), (2017, 1))),
        ("Nov - Mar 17", months((2016, 11), (2017, 3))),
        # a range within the year stays in it, to its very ends
        ("Jan - Dec 16", months((2016, 1), (2016, 12))),
        ("Nov - Dec 16", months((2016, 11), (2016, 12))),
        ("Jan - Feb 17", months((2017, 1), (2017, 2))),
        # both years written
        ("Dec 16 - Jan 17", months((2016, 12), (2017, 1))),
        ("Dec 2015 - Jan 2017", months((2015, 12), (2017, 1))),
    ],
)
def test_a_range_of_months_with_one_year_ends_in_that_year(text: str, expected: Timescale) -> None:
    assert parse_timescale(text) == expected


def test_a_same_month_range_is_named_as_its_one_month() -> None:
    assert parse_timescale("Oct - Oct 16").name == "October 2016"
    assert parse_timescale("Dec - Jan 17").name == "December 2016 - January 2017"


def test_a_date_cell_from_excel_is_its_month() -> None:
    assert parse_timescale(datetime(2016, 12, 1)) == DEC_16
    assert parse_timescale(date(2016, 12, 31)) == DEC_16


@pytest.mark.parametrize(
    "text",
    [
        "Ongoing",
        "",
        "TBC",
        "Dec",
        "2016",
        "Q5 2016/17",
        "Q3 2016/18",
        "31/02/2017",
        "13/2016",
        "Dec 16 - Oct 16",
        "Decembre 2016",
        "Spring 2017",
        "Dec 16 - Mar",
    ],
)
def test_it_refuses_anything_else_naming_the_text(text: str) -> None:
    with pytest.raises(TimescaleError) as error:
        parse_timescale(text)
    assert f"'{text}'" in str(error.value)


def test_a_range_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(TimescaleError, match="ends before it starts"):
        parse_timescale("Dec 16 - Oct 16")


def test_a_timescale_has_the_name_table_3_uses() -> None:
    assert parse_timescale("Mar-17").name == "March 2017"
    assert parse_timescale("Jan - Mar 17").name == "January - March 2017"
    assert parse_timescale("Dec 16 - Mar 17").name == "December 2016 - March 2017"
