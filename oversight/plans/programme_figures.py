"""Figures another app computes month by month (quality assurance's case audits: "case audits graded good
or better"; the workforce's returns: "vacancy rate"), for the scorecard to record as an indicator's
values. Neither app imports the other: the app with the figures registers what it offers here, and the
scorecard (performance) registers what to do when they change; plans knows nothing of either."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol


@dataclass(frozen=True)
class Figure:
    key: str  # kept as the indicator's measure: "audits-good", "domain-good:Voice of the child"
    name: str  # "Case audits graded good or better"
    polarity: str = "higher"
    per: int = 100  # a percentage; 1: an average ("days lost a post", "cases a worker")


@dataclass(frozen=True)
class Monthly:
    """A figure for one month: `part` of `whole` (a share, or an average's total and count); `whole` 0
    when nothing was counted. Posts and staff are full-time equivalents, so either may be a Decimal."""

    part: int | Decimal
    whole: int | Decimal


class Figures(Protocol):
    def offered(self, plan_id: int) -> list[Figure]: ...

    def monthly(self, plan_id: int, keys: Collection[str], day: date) -> dict[str, dict[date, Monthly]]:
        """Each figure's part and whole in each month it has any, as at `day`."""
        ...


_figures: list[Figures] = []
_listeners: list[Callable[[int], None]] = []


def offer(figures: Figures) -> None:
    if figures not in _figures:
        _figures.append(figures)


def when_changed(listener: Callable[[int], None]) -> None:
    """`listener(plan_id)` runs, in the transaction of the change, whenever a plan's figures change."""
    if listener not in _listeners:
        _listeners.append(listener)


def offered(plan_id: int) -> list[Figure]:
    return [figure for source in _figures for figure in source.offered(plan_id)]


def monthly(plan_id: int, keys: Collection[str], day: date) -> dict[str, dict[date, Monthly]]:
    found: dict[str, dict[date, Monthly]] = {}
    for source in _figures:
        found |= source.monthly(plan_id, keys, day)
    return found


def changed(plan_id: int) -> None:
    for listener in _listeners:
        listener(plan_id)
