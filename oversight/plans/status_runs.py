"""How long an action has held its status: the date its unbroken run of the same RAG began ("Red since
31 August"), from the history of its statuses. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Run:
    rag: str
    since: date  # the as-at date of the first status of the run


def current_run(history: Iterable[tuple[date, str]], day: date | None = None) -> Run | None:
    """The run the action's status on `day` (or its latest, without one) belongs to, or None if it
    had no status then. `history` is (as-at date, RAG) in the order recorded; where two statuses
    share an as-at date the later one counts (a corrected return), and a run goes on across months
    with no status recorded."""
    by_day: dict[date, str] = {}
    for as_at, rag in history:
        if day is None or as_at <= day:
            by_day[as_at] = rag  # a later record for the same date replaces the earlier one
    ordered = sorted(by_day.items())
    if not ordered:
        return None
    rag = ordered[-1][1]
    since = ordered[-1][0]
    for as_at, earlier in reversed(ordered[:-1]):
        if earlier != rag:
            break
        since = as_at
    return Run(rag, since)


def red_since(history: Iterable[tuple[date, str]], day: date | None = None) -> date | None:
    """The day the action's unbroken run of Red began, if it is Red on `day` (or now); else None."""
    run = current_run(history, day)
    return run.since if run is not None and run.rag == "R" else None
