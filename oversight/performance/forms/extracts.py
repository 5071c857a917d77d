"""Choosing which loaded Annex A extract a page shows, by its as-at date."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from oversight.govuk.forms import ChoiceInQuery


def extract_choice(extracts: Sequence[Any], chosen: Any, label_size: str = "") -> ChoiceInQuery:
    return ChoiceInQuery(
        "as_at",
        "Extract",
        [(e.as_at.isoformat(), f"As at {e.as_at.day} {e.as_at:%B %Y}") for e in extracts],
        chosen.as_at.isoformat(),
        label_size,
    )
