"""The courses a plan action requires staff to do, and how many have, for the action's page. The
workforce app keeps the courses and the staff records and registers a reader here when it starts; plans
does not import it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Training:
    course: str  # "Threshold briefing"
    trained: str  # "4 of 10 staff (40%) by November 2026", or "no staff records yet"
    url: str  # the workforce page


Reader = Callable[[int], list[Training]]
_readers: list[Reader] = []


def register(reader: Reader) -> None:
    if reader not in _readers:
        _readers.append(reader)


def training_for(action_pk: int) -> list[Training]:
    return [found for reader in _readers for found in reader(action_pk)]
