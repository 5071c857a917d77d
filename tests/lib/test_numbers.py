"""Percentages as councils' tables show them: a report's whole numbers, and a figure rated against a
target kept to one decimal place, a half rounded up (as a council's spreadsheet rounds it), never to
the even digit or down, and never through a float."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from oversight.lib.numbers import exact_percent, percent


def test_percentages_round_half_up() -> None:
    assert [percent(1, 8), percent(2, 15), percent(1, 15), percent(5, 15), percent(0, 0)] == [
        13,
        13,
        7,
        33,
        0,
    ]
    assert percent(1, 200) == 1  # 0.5% rounds up, not to even


def test_figures_rated_against_a_target_keep_one_decimal_place() -> None:
    assert str(exact_percent(2, 3)) == "66.7"
    assert str(exact_percent(896, 1000)) == "89.6"  # misses a target of 90, where 90% would not
    assert str(exact_percent(9, 9)) == "100"
    assert exact_percent(0, 0) is None


@pytest.mark.parametrize(
    "numerator, denominator, shown",
    [
        (1, 16, "6.3"),  # 6.25: half up; to the even digit would give 6.2
        (5, 16, "31.3"),  # 31.25
        (3, 16, "18.8"),  # 18.75: half up; rounding halves down would give 18.7
        (15, 16, "93.8"),  # 93.75
        (1, 80, "1.3"),  # 1.25
        (1, 400, "0.3"),  # 0.25
        (1, 40, "2.5"),  # exactly one decimal place: no rounding
        (1, 3, "33.3"),  # 33.33...: down
        (2, 3, "66.7"),  # 66.66...: up
    ],
)
def test_a_share_on_a_half_is_rounded_up(numerator: int, denominator: int, shown: str) -> None:
    assert str(exact_percent(numerator, denominator)) == shown


def test_a_rounded_share_is_a_decimal_not_a_float() -> None:
    assert exact_percent(1, 16) == D("6.3")
    assert exact_percent(8, 16) == D(50) and str(exact_percent(8, 16)) == "50"


def test_an_average_is_rounded_half_up_from_whole_numbers_not_through_a_float() -> None:
    from decimal import Decimal

    from oversight.lib.numbers import average

    assert f"{65 / 4:.1f}" == "16.2"  # what a float gave the chart, beside the table's 16.3
    assert average(65, 4) == Decimal("16.3")
    assert [str(average(7, 3)), str(average(0, 5)), str(average(5, 0))] == ["2.3", "0.0", "0.0"]


def test_a_ratio_per_hundred_or_per_one_to_one_place() -> None:
    from oversight.lib.numbers import ratio

    assert str(ratio(D("6.5"), 47)) == "13.8"  # FTE parts: agency staff of staff in post
    assert str(ratio(35, D("40.5"), per=1)) == "0.9"  # days a post
    assert str(ratio(7, 28)) == "25" and ratio(1, 0) is None
