"""What case audits found about plan actions and Ofsted's recommendations (quality assurance's themes),
for the action's and the recommendation's pages to show. Quality assurance keeps the themes and their
links and registers a reader of each here when it starts; neither plans nor governance imports it.
With no reader registered an action or a recommendation simply has no findings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    text: str
    source: str  # "November case audits, November 2026": where it was found
    url: str  # the page that tells more, "" when none


Reader = Callable[[int], list[Finding]]  # a primary key: its findings, newest first
ACTION, RECOMMENDATION = "action", "recommendation"
_readers: dict[str, list[Reader]] = {ACTION: [], RECOMMENDATION: []}


def register(reader: Reader, about: str = ACTION) -> None:
    if reader not in _readers[about]:
        _readers[about].append(reader)


def findings_about(pk: int, about: str = ACTION) -> list[Finding]:
    """An action's (or a recommendation's) findings."""
    return [finding for reader in _readers[about] for finding in reader(pk)]
