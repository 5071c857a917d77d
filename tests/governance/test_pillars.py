"""Reading the Putting Children First pillars as councils write them."""

from __future__ import annotations

import pytest

from oversight.governance.pillars import Pillar, PillarError, parse_pillars


@pytest.mark.parametrize(
    ("text", "pillars"),
    [
        ("People and Leadership; Practice and Systems; Governance and Accountability", list(Pillar)),
        ("Practice and systems", [Pillar.PRACTICE]),
        ("People and LeadershipPractice and Systems", [Pillar.PEOPLE, Pillar.PRACTICE]),  # copied from a PDF
        ("Governance & Accountability,\nPeople and Leadership", [Pillar.PEOPLE, Pillar.GOVERNANCE]),
        ("", []),
    ],
)
def test_pillars_are_read_in_the_dfes_order(text: str, pillars: list[Pillar]) -> None:
    assert parse_pillars(text) == pillars


def test_anything_else_is_refused_with_what_was_expected() -> None:
    with pytest.raises(
        PillarError, match="'Finance' is not a Putting Children First pillar: expected People"
    ):
        parse_pillars("Practice and Systems; Finance")
