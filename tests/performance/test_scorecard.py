"""RAG against target for both polarities, at the tolerance's edges, and with no data."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from oversight.performance.scorecard import (
    NO_DATA,
    Polarity,
    Target,
    Unit,
    formatted,
    ratings_text,
    scorecard_row,
    trend,
)

ICPCS = Target(D(90), Polarity.HIGHER, D(5))  # "ICPCs in timescale 86% against 90%"
CANCELLED = Target(D(0), Polarity.LOWER, D(2))  # "9% of contact sessions cancelled, target nil"


@pytest.mark.parametrize(
    ("actual", "rag"),
    [
        (D(95), "G"),
        (D(90), "G"),
        (D("89.9"), "A"),
        (D(86), "A"),
        (D(85), "A"),
        (D("84.9"), "R"),
        (D(48), "R"),
    ],
)
def test_higher_is_better(actual: D, rag: str) -> None:
    assert ICPCS.rag(actual) == rag


@pytest.mark.parametrize(
    ("actual", "rag"), [(D(0), "G"), (D("0.1"), "A"), (D(2), "A"), (D("2.1"), "R"), (D(9), "R")]
)
def test_lower_is_better(actual: D, rag: str) -> None:
    assert CANCELLED.rag(actual) == rag


def test_with_no_tolerance_anything_short_of_the_target_is_red() -> None:
    assert Target(D(70), Polarity.HIGHER).rag(D("69.9")) == "R"
    assert Target(D(70), Polarity.HIGHER).rag(D(70)) == "G"


def test_no_data_is_its_own_state_never_green() -> None:
    assert ICPCS.rag(None) == NO_DATA
    assert CANCELLED.rag(None) == NO_DATA


def test_the_trend_follows_the_polarity_over_the_last_two_known_periods() -> None:
    assert trend([D(80), None, D(86)], Polarity.HIGHER) == "improving"
    assert trend([D(80), D(86)], Polarity.LOWER) == "worsening"
    assert trend([D(5), D(5)], Polarity.LOWER) == "no change"
    assert trend([None, D(5)], Polarity.HIGHER) == NO_DATA


def test_values_are_written_in_their_unit() -> None:
    assert formatted(D(86), Unit.PERCENTAGE) == "86%"
    assert formatted(D("86.50"), Unit.PERCENTAGE) == "86.5%"
    assert formatted(D(1), Unit.DAYS) == "1 day"
    assert formatted(D(14), Unit.RATIO) == "1:14"
    assert formatted(None, Unit.NUMBER) == "No data"


def test_a_quarterly_indicator_shows_its_quarters_value_in_every_month_of_the_quarter() -> None:
    history = [D(70), None, None, D(80), None]  # July's quarter, then October's; this is November
    row = scorecard_row(1, "Audits good or better", "Quality", Unit.PERCENTAGE, Polarity.HIGHER, D(75),
                        D(0), history, months_into_period=1)  # fmt: skip
    assert (row.value, row.rag, row.trend) == (D(80), "G", "improving")
    assert scorecard_row(1, "x", "y", Unit.NUMBER, Polarity.HIGHER, None, D(0), [None], 2).value is None


def test_the_scorecard_counts_its_ratings_for_the_board() -> None:
    assert ratings_text(["G", "R", "A", "R", NO_DATA]) == "5 indicators: 1 Green, 1 Amber, 2 Red, 1 no data"
    assert ratings_text(["R"]) == "1 indicator: 1 Red"
    assert ratings_text([]) == ""
