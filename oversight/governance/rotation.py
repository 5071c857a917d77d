"""The weekly board's rotation: two priorities a meeting, every priority within a maximum gap, and
the spare places given to the priorities with most Red and overdue actions. Deterministic."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class PriorityLoad:
    """A priority and how much it needs the board: its Red and overdue actions now."""

    number: int
    red: int = 0
    overdue: int = 0

    @property
    def weight(self) -> int:
        return 1 + self.red + self.overdue


@dataclass(frozen=True)
class Pick:
    priority: int
    reason: str


@dataclass(frozen=True)
class Meeting:
    week: int  # 0 for the first meeting
    picks: tuple[Pick, ...]

    @property
    def priorities(self) -> tuple[int, ...]:
        return tuple(pick.priority for pick in self.picks)


def default_max_gap(priorities: int, per_meeting: int = 2) -> int:
    """One week more than a plain round-robin needs: 6 weeks for 10 priorities two at a time."""
    return math.ceil(priorities / per_meeting) + 1


def feasible(deadlines: list[int], now: int, per_meeting: int, places_left_now: int) -> bool:
    """Can every priority still be seen by its deadline (the last week it may next be seen), with
    `places_left_now` places left this week and `per_meeting` in each week after? Earliest deadline
    first shows it can exactly when, for every week t, no more priorities have deadlines by t than
    there are places from now to t."""
    for count, deadline in enumerate(sorted(deadlines), start=1):
        if count > places_left_now + per_meeting * (deadline - now):
            return False
    return True


def schedule(
    loads: list[PriorityLoad],
    weeks: int,
    max_gap: int | None = None,
    per_meeting: int = 2,
    last_seen: dict[int, int] | None = None,
    waiting_since: int = -1,
) -> list[Meeting]:
    """Meetings for `weeks` weeks. `max_gap` is the most weeks from one meeting on a priority to the
    next (so every run of `max_gap` weeks has each priority); `last_seen` gives the week, counted back
    from 0, a priority was last discussed before this schedule starts (default -1: just before).
    A priority never discussed has waited since `waiting_since` (e.g. the board's first meeting).
    A priority that has waited longer than the gap already is due at once; if more are due than there
    are places, the longest waiting go first."""
    gap = max_gap or default_max_gap(len(loads), per_meeting)
    if len(loads) > per_meeting * gap:
        raise ValueError(
            f"{len(loads)} priorities cannot all be seen every {gap} weeks, {per_meeting} a week"
        )
    by_number = {load.number: load for load in loads}
    earlier = last_seen or {}
    last = {load.number: earlier.get(load.number, waiting_since) for load in loads}
    seen = {number: max(week, -gap) for number, week in last.items()}  # a wait past the gap is due now
    discussed = set(earlier)
    meetings = []
    for week in range(weeks):
        chosen: list[int] = []
        # the spare places go to the greatest need: Red and overdue actions times the weeks waited
        for number in sorted(seen, key=lambda n: (-by_number[n].weight * (week - seen[n]), seen[n], n)):
            if len(chosen) == per_meeting:
                break
            trial = [*chosen, number]
            deadlines = [week + gap if n in trial else seen[n] + gap for n in seen]
            if feasible(deadlines, week, per_meeting, per_meeting - len(trial)):
                chosen.append(number)
        # only when the board is already behind: the longest waiting, then the greatest need
        for number in sorted(seen, key=lambda n: (seen[n], -by_number[n].weight, n)):
            if len(chosen) < per_meeting and number not in chosen:
                chosen.append(number)
        picks = tuple(
            Pick(
                n,
                _reason(by_number[n], week - last[n] if n in discussed else None, seen[n] + gap <= week, gap),
            )
            for n in chosen
        )
        for number in chosen:
            seen[number] = last[number] = week
            discussed.add(number)
        meetings.append(Meeting(week, picks))
    return meetings


def _reason(load: PriorityLoad, waited: int | None, due: bool, gap: int) -> str:
    when = (
        "not discussed yet"
        if waited is None
        else f"last discussed {waited} week{'s' if waited != 1 else ''} ago"
    )
    if due:
        return f"due: {when}, and no priority waits more than {gap} weeks"
    overdue = f"{load.overdue} overdue action{'s' if load.overdue != 1 else ''}"
    return f"{load.red} Red and {overdue}; {when}"
