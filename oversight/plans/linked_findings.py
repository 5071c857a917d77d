"""What case audits found about plan actions (quality assurance's themes), for the action page to show.
Quality assurance keeps the themes and their links and registers a reader here when it starts; plans
does not import it. With no reader registered an action simply has no findings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    text: str
    source: str  # "November case audits, November 2026": where it was found
    url: str  # the page that tells more, "" when none


Reader = Callable[[int], list[Finding]]  # an action's primary key: its findings, newest first
_readers: list[Reader] = []


def register(reader: Reader) -> None:
    if reader not in _readers:
        _readers.append(reader)


def findings_about(action_pk: int) -> list[Finding]:
    return [finding for reader in _readers for finding in reader(action_pk)]
