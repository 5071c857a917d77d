"""Annex A cells as real extracts write them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from oversight.annex_a.cells import (
    CellError,
    clean_text,
    match_headers,
    parse_date,
    parse_number,
    parse_yes_no,
    strip_code,
)
from oversight.annex_a.lists import LISTS


def test_headers_match_ignoring_case_spacing_punctuation_and_curly_quotes() -> None:
    headers = [
        "Child unique ID",
        "Sex",  # the 2026 name of Gender
        "Ethnicity",
        "Date of birth",
        "Age",  # a short name some systems use
        "Date of Referral",
        "Referral source",
        "Referral NFA",
        "Number of referrals in last 12 months",
        "Allocated\u00a0Team",
        "Worker name",
    ]
    found = match_headers(LISTS[3], headers)
    assert found.positions["child_unique_id"] == 0 and found.positions["gender"] == 1
    assert found.positions["age_of_child_years"] == 4 and found.positions["allocated_team"] == 9
    assert found.missing_required == []
    assert found.missing == ["Allocated Worker"]
    assert found.unrecognised == ["Worker name"]


def test_list_8s_headers_with_a_stray_bracket_and_curly_quotes() -> None:
    headers = [
        "Child Unique ID",
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))",
        "Date Started to be Looked After",
        "Number of Episodes the Child has been \u2018Missing\u2019 from their Placement "
        "in the last 12 months",
    ]
    found = match_headers(LISTS[8], headers)
    uasc = LISTS[8].column("Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)")
    missing = LISTS[8].column(
        "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months"
    )
    assert (found.positions[uasc.key], found.positions[missing.key]) == (1, 3)
    assert found.unrecognised == []


def test_a_list_without_its_required_columns_says_which() -> None:
    found = match_headers(LISTS[4], ["Child Unique ID", "Gender"])
    assert found.missing_required == ["Continuous Assessment Start Date"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(2022, 9, 16, 0, 0), date(2022, 9, 16)),
        (date(2022, 9, 16), date(2022, 9, 16)),
        ("16/09/2022", date(2022, 9, 16)),
        ("6/9/2022", date(2022, 9, 6)),
        ("2022-09-16", date(2022, 9, 16)),
        ("\u00a016/09/2022 ", date(2022, 9, 16)),
        ("", None),
        (None, None),
    ],
)
def test_dates_as_spreadsheets_and_text_give_them(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("#N/A", "'#N/A' is not a date"),
        ("=H2+5", r"a formula \(=H2\+5\) with no value saved"),
        ("31/02/2022", "not a date that exists"),
        ("16/09/22", "'16/09/22' is not a date"),  # a two-digit year is not guessed
        ("September 2022", "is not a date"),
    ],
)
def test_anything_else_in_a_date_column_is_an_error_with_the_reason(value: str, reason: str) -> None:
    with pytest.raises(CellError, match=reason):
        parse_date(value)


def test_codes_with_or_without_their_letter_prefix() -> None:
    assert strip_code("b) Female") == strip_code("Female") == "Female"
    assert parse_yes_no("a) Yes") is parse_yes_no("Y") is True
    assert parse_yes_no("b) No") is False
    assert parse_yes_no("") is None
    with pytest.raises(CellError, match="expected Yes or No"):
        parse_yes_no("Maybe")


def test_text_and_numbers() -> None:
    assert clean_text("Jo\u00a0 Smith ") == "Jo Smith"
    assert clean_text(3.0) == "3"
    assert parse_number("3") == 3 and parse_number(" ") is None
    with pytest.raises(CellError, match="'three' is not a whole number"):
        parse_number("three")
