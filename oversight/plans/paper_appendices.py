"""Appendices another app adds to the board's papers (the exception report and the committee progress
report), so that the monthly paper to the board is one document: the improvement funding table, the
workforce section. Each app registers what it offers when it starts; a plan's administrators choose which
its papers carry (Plan.appendices, on the Settings page); plans imports neither app."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from oversight.lib.tables import Table


@dataclass(frozen=True)
class Appendix:
    title: str  # "Improvement funding"
    paragraphs: tuple[str, ...]
    tables: tuple[Table, ...]


@dataclass(frozen=True)
class Offer:
    key: str  # kept in Plan.appendices: "funding"
    label: str  # on the Settings page: "The improvement funding table"
    hint: str
    build: Callable[[int, date], Appendix | None]  # (plan id, the paper's day); None: nothing to show yet


_offers: dict[str, Offer] = {}


def offer(found: Offer) -> None:
    _offers[found.key] = found


def offered() -> list[Offer]:
    return list(_offers.values())


def label_of(key: str) -> str:
    return _offers[key].label if key in _offers else key


def appendices(plan_id: int, keys: Sequence[str], day: date) -> list[Appendix]:
    """The plan's chosen appendices as at `day`, in the order offered; one with nothing to show is
    left out."""
    return [
        built
        for key, found in _offers.items()
        if key in keys and (built := found.build(plan_id, day)) is not None
    ]


def numbered(found: Sequence[Appendix], first: int) -> list[tuple[str, Appendix]]:
    """Each appendix under its heading, numbered from `first`: ("Appendix 2: Improvement funding", …)."""
    return [(f"Appendix {n}: {a.title}", a) for n, a in enumerate(found, start=first)]
