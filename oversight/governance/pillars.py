"""The DfE "Putting Children First" pillars, and reading them as councils write them."""

from __future__ import annotations

import re
from enum import StrEnum


class Pillar(StrEnum):
    PEOPLE = "people"
    PRACTICE = "practice"
    GOVERNANCE = "governance"

    @property
    def label(self) -> str:
        return PILLAR_LABELS[self]


PILLAR_LABELS = {
    Pillar.PEOPLE: "People and Leadership",
    Pillar.PRACTICE: "Practice and Systems",
    Pillar.GOVERNANCE: "Governance and Accountability",
}
_PATTERNS = {
    pillar: re.compile(r"\s*(?:&|and)\s*".join(re.escape(word) for word in label.split(" and ")), re.I)
    for pillar, label in PILLAR_LABELS.items()
}
_SEPARATORS = re.compile(r"^[\s;,/|+\-–]*$")


class PillarError(ValueError):
    pass


def parse_pillars(text: str) -> list[Pillar]:
    """The pillars named in a cell, in the DfE's order: separated by ';', ',', new lines, or not at
    all as in copies from PDF ('People and LeadershipPractice and Systems'); '&' for 'and'."""
    found: list[tuple[int, int, Pillar]] = []
    for pillar, pattern in _PATTERNS.items():
        found += [(m.start(), m.end(), pillar) for m in pattern.finditer(text)]
    found.sort()
    rest, position = [], 0
    for start, end, _ in found:
        rest.append(text[position:start])
        position = end
    rest.append(text[position:])
    leftover = "; ".join(part.strip(" \t\n;,/|+-–") for part in rest if not _SEPARATORS.match(part))
    if leftover:
        names = "; ".join(PILLAR_LABELS.values())
        raise PillarError(f"'{leftover}' is not a Putting Children First pillar: expected {names}")
    return [pillar for pillar in Pillar if pillar in {p for _, _, p in found}]
