"""How a plan is going: RAG counts per priority and the pace of completion, from plain rows."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from oversight.lib.months import add_months, last_day, months_between
from oversight.plans.action_rows import ActionRow
from oversight.plans.models import RAG
from oversight.plans.timescale_history import TimescaleHistory

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


Timescales = Mapping[int, TimescaleHistory]  # of the actions re-timed or withdrawn (plans/report_data.py)


def pace(
    actions: Sequence[ActionRow],
    history: dict[int, tuple[tuple[date, str], ...]],
    started: date,
    month: date,
    timescales: Timescales | None = None,
) -> list[PacePoint]:
    """For each month from the plan's start to `month`: actions due by its end (due_by_month), and
    actions completed by its end (Green in their latest status on its last day)."""
    months = _months(started, month)
    points = []
    for m, due in zip(months, due_by_month(actions, timescales or {}, months), strict=True):
        end = last_day(m)
        completed = sum(1 for a in actions if _status_on(history.get(a.pk, ()), end) == RAG.GREEN)
        points.append(PacePoint(m, due, completed))
    return points


def due_by_month(actions: Sequence[ActionRow], timescales: Timescales, months: Sequence[date]) -> list[int]:
    """How many actions were due by the end of each month as the exception report counts them: the
    deadline in force in that month over, and not withdrawn by then. An action re-timed later was due
    in the months before its new deadline was approved."""
    plain = sorted(a.last_month for a in actions if a.pk not in timescales and a.withdrawn_from is None)
    others = [a for a in actions if a.pk in timescales or a.withdrawn_from is not None]
    found = []
    for m in months:
        due = bisect_right(plain, m)
        for action in others:
            history = timescales.get(action.pk)
            if history is None:
                due += action.due(m)
            else:
                due += not history.withdrawn_in(m) and history.in_force(m).last <= m
        found.append(due)
    return found


def _months(started: date, month: date) -> list[date]:
    return [add_months(started, i) for i in range(months_between(started, month) + 1)]


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
    timescales: Timescales | None = None,
) -> list[PacePoint]:
    """The same pace from the number of actions Green at each month's end (plans/summaries.py), counted
    up to `counted_until`: a month without a count had none, and a later month has that month's."""
    months = _months(started, month)
    points = []
    for m, due in zip(months, due_by_month(actions, timescales or {}, months), strict=True):
        counted = m if counted_until is None or m <= counted_until else counted_until
        points.append(PacePoint(m, due, green.get(counted, 0)))
    return points
