"""The improvement funding that pays for a plan action, for the action's page. The funding app keeps the
lines and their links and registers a reader here when it starts; plans does not import it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PaidBy:
    line: str  # "Phase three"
    money: str  # "£795k budgeted for 2017/18"
    url: str  # the funding page


Reader = Callable[[int], list[PaidBy]]
_readers: list[Reader] = []


def register(reader: Reader) -> None:
    if reader not in _readers:
        _readers.append(reader)


def paid_by(action_pk: int) -> list[PaidBy]:
    return [found for reader in _readers for found in reader(action_pk)]
