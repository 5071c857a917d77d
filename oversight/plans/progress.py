"""How a plan is going: RAG counts per priority and the pace of completion, from plain rows."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from oversight.lib.months import add_months, last_day, months_between
from oversight.plans.action_rows import ActionRow
from oversight.plans.models import RAG

RAG_ORDER = ("R", "A", "G", "W", "none")


@dataclass(frozen=True)
class PriorityCounts:
    number: int
    title: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def rag_counts(actions: Iterable[ActionRow], titles: dict[int, str]) -> list[PriorityCounts]:
    """Each priority's actions by current RAG status ("none": no status yet), in priority order."""
    by_priority: dict[int, Counter[str]] = {number: Counter() for number in titles}
    for action in actions:
        counts = by_priority.get(action.priority)
        if counts is None:  # not setdefault(..., Counter()), which made a Counter for every action
            counts = by_priority[action.priority] = Counter()
        counts[action.rag or "none"] += 1
    return [
        PriorityCounts(number, titles.get(number, ""), {rag: by_priority[number][rag] for rag in RAG_ORDER})
        for number in sorted(by_priority)
    ]


@dataclass(frozen=True)
class PacePoint:
    month: date
    due: int
    completed: int


def pace(
    actions: Sequence[ActionRow],
    history: dict[int, tuple[tuple[date, str], ...]],
    started: date,
    month: date,
) -> list[PacePoint]:
    """For each month from the plan's start to `month`: actions due by its end (their timescale
    over), and actions completed by its end (Green in their latest status on its last day)."""
    months = [add_months(started, i) for i in range(months_between(started, month) + 1)]
    points = []
    for m in months:
        end = last_day(m)
        due = sum(1 for a in actions if a.last_month <= m)
        completed = sum(1 for a in actions if _status_on(history.get(a.pk, ()), end) == RAG.GREEN)
        points.append(PacePoint(m, due, completed))
    return points


def _status_on(statuses: tuple[tuple[date, str], ...], day: date) -> str | None:
    """The latest status on or before `day`; statuses are in the order they were recorded."""
    index = bisect_right(statuses, day, key=lambda status: status[0])
    return statuses[index - 1][1] if index else None


def pace_from_counts(
    actions: Sequence[ActionRow],
    green: dict[date, int],
    counted_until: date | None,
    started: date,
    month: date,
) -> list[PacePoint]:
    """The same pace from the number of actions Green at each month's end (plans/summaries.py), counted
    up to `counted_until`: a month without a count had none, and a later month has that month's."""
    last_months = sorted(a.last_month for a in actions)
    points = []
    for m in (add_months(started, i) for i in range(months_between(started, month) + 1)):
        due = bisect_right(last_months, m)
        counted = m if counted_until is None or m <= counted_until else counted_until
        points.append(PacePoint(m, due, green.get(counted, 0)))
    return points
