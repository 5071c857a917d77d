"""A caseload band typed on the website: whole numbers, the most at least the fewest, a team type."""

from __future__ import annotations

import pytest

from oversight.annex_a.bands import Band
from oversight.performance.caseload_policy import BandFields, read_band

FIELDS = BandFields()


@pytest.mark.parametrize(
    ("low", "high", "band"),
    [
        ("12", "15", Band("Safeguarding", 12, 15)),
        ("", "20", Band("Safeguarding", None, 20)),
        (" 8 ", "8", Band("Safeguarding", 8, 8)),
    ],
)
def test_a_band_is_read_from_whole_numbers(low: str, high: str, band: Band) -> None:
    assert read_band("Safeguarding", low, high, FIELDS) == (band, {})


def test_a_team_types_spacing_is_tidied() -> None:
    band, _ = read_band("  Disabled   children ", "", "10", FIELDS)
    assert band == Band("Disabled children", None, 10)


LOW = {"low": "Enter the fewest cases for Court as a whole number, for example 12, or nothing"}
HIGH = {"high": "Enter the most cases for Court as a whole number of 1 or more, for example 15"}


@pytest.mark.parametrize(
    ("team_type", "low", "high", "problems"),
    [
        ("", "12", "15", {"team_type": "Enter the team type, for example Safeguarding"}),
        ("x" * 101, "12", "15", {"team_type": "Enter a team type of 100 characters or fewer"}),
        ("Court", "eight", "10", LOW),
        ("Court", "-1", "10", LOW),
        ("Court", "", "", HIGH),
        ("Court", "", "0", HIGH),
        ("Court", "", "10.5", HIGH),
        ("Court", "", "١٠", HIGH),  # Arabic-Indic digits are digits to Python, not to a council
        ("Court", "11", "10", {"high": "The most cases for Court must be at least the fewest (11)"}),
    ],
)
def test_what_is_wrong_with_a_band_is_said_by_field(
    team_type: str, low: str, high: str, problems: dict[str, str]
) -> None:
    assert read_band(team_type, low, high, FIELDS) == (None, problems)


def test_problems_are_keyed_by_the_forms_own_field_ids() -> None:
    fields = BandFields("team_type-2", "low-2", "high-2")
    assert set(read_band("Court", "x", "y", fields)[1]) == {"low-2", "high-2"}
