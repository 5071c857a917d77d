"""An action's statuses summed up for the pages, as plain data: its month-end status from each month in
which that changed (its "runs"), and what a change to its statuses does to the plan's monthly counts.

The month-end status of month M is the latest status recorded on or before M's last day, so a status
recorded in a month stands for every later month until the next one. Keeping these runs for each
action, and the counts per month, priority and RAG for the plan, lets a save change only the months it
changes instead of every page reading the plan's whole history.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from oversight.lib.months import add_months, month_of
from oversight.plans.completion import RecordedStatus

Run = tuple[date, str]  # from this month (its first day) on, this month-end status


def month_end_runs(statuses: Sequence[RecordedStatus]) -> list[Run]:
    """The month-end status from each month in which it changed. `statuses` are in the order they
    were recorded (as at, then id), so the last of a month's is its month-end status."""
    by_month: dict[date, str] = {}
    for status in statuses:
        by_month[month_of(status.as_at)] = status.rag
    runs: list[Run] = []
    for month in sorted(by_month):
        if not runs or runs[-1][1] != by_month[month]:
            runs.append((month, by_month[month]))
    return runs


def rag_at_end_of(runs: Sequence[Run], month: date) -> str | None:
    """The month-end status in `month`, or None before the first status."""
    index = bisect_right(runs, month, key=lambda run: run[0])
    return runs[index - 1][1] if index else None


def first_difference(old: Sequence[Run], new: Sequence[Run]) -> date | None:
    """The first month whose month-end status differs between two runs, or None if none does."""
    for before, after in zip(old, new, strict=False):
        if before != after:
            return min(before[0], after[0])
    if len(old) == len(new):
        return None
    return (old if len(old) > len(new) else new)[min(len(old), len(new))][0]


def count_changes(old: Sequence[Run], new: Sequence[Run], until: date) -> Counter[tuple[date, str]]:
    """What replacing an action's runs does to the counts of actions per month and RAG, for the
    months up to `until`: -1 for each month's old status, +1 for its new one, where they differ."""
    changes: Counter[tuple[date, str]] = Counter()
    month = first_difference(old, new)
    while month is not None and month <= until:
        before, after = rag_at_end_of(old, month), rag_at_end_of(new, month)
        if before != after:
            if before is not None:
                changes[(month, before)] -= 1
            if after is not None:
                changes[(month, after)] += 1
        month = add_months(month, 1)
    return changes


def counts_by_month(runs: Iterable[Sequence[Run]], first: date, last: date) -> Counter[tuple[date, str]]:
    """The number of actions ending each month from `first` to `last` at each status."""
    counts: Counter[tuple[date, str]] = Counter()
    for action_runs in runs:
        for (month, rag), following in zip(action_runs, [*action_runs[1:], None], strict=False):
            start = max(month, first)
            end = add_months(following[0], -1) if following else last
            while start <= min(end, last):
                counts[(start, rag)] += 1
                start = add_months(start, 1)
    return counts


def as_text(runs: Sequence[Run]) -> str:
    """Runs as they are kept: "2017-01-01R 2017-04-01G"."""
    return " ".join(f"{month.isoformat()}{rag}" for month, rag in runs)


def from_text(kept: str) -> list[Run]:
    return [(date.fromisoformat(run[:10]), run[10:]) for run in kept.split()]


def extended(
    runs: Sequence[Run], latest_rag: str, completed: str, status: RecordedStatus
) -> tuple[list[Run], str]:
    """An action's runs and completion after a status recorded after its latest one (as at the same
    day or later), worked out from what is kept instead of from its history: the new status is its
    month's month-end status from then on. A Green status after a Green keeps the completion as it
    was (the run of Greens goes on); a first Green awaits verification; any other status has none."""
    month = month_of(status.as_at)
    kept = [run for run in runs if run[0] < month]
    if not kept or kept[-1][1] != status.rag:
        kept.append((month, status.rag))
    if status.rag != "G":
        return kept, ""
    return kept, (completed or "awaiting") if latest_rag == "G" else "awaiting"
