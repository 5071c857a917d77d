"""The pack for a board meeting: for the priorities in focus, the Red and Amber actions with their
commentary and the completions awaiting verification; the remedial tasks due; and the decisions of the
board's last meeting. Pure: computed from plain rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from oversight.plans.completion import AWAITING
from oversight.plans.register import ActionRow

TASKS_AHEAD = timedelta(days=7)  # tasks due before the next weekly meeting come to this one


@dataclass(frozen=True)
class PackTask:
    description: str
    action_id: str
    owner: str
    due: date
    overdue: bool


@dataclass(frozen=True)
class MeetingPack:
    board: str
    held: date
    priorities: list[tuple[int, str]]
    red_amber: list[ActionRow]
    awaiting_verification: list[ActionRow]
    tasks_due: list[PackTask]
    last_meeting: date | None
    last_decisions: list[str]


@dataclass(frozen=True)
class OpenTask:
    description: str
    action_id: str
    owner: str
    due: date


def compute(
    board: str,
    held: date,
    priorities: list[tuple[int, str]],
    actions: Iterable[ActionRow],
    open_tasks: Iterable[OpenTask],
    last_meeting: date | None,
    last_decisions: list[str],
) -> MeetingPack:
    numbers = {number for number, _ in priorities}
    in_focus = [a for a in actions if a.priority in numbers]
    red_amber = sorted((a for a in in_focus if a.rag in {"R", "A"}), key=lambda a: (a.rag != "R", a.sort_key))
    tasks = sorted(
        (
            PackTask(t.description, t.action_id, t.owner, t.due, overdue=t.due < held)
            for t in open_tasks
            if t.due <= held + TASKS_AHEAD
        ),
        key=lambda t: (t.due, t.description),
    )
    return MeetingPack(
        board=board,
        held=held,
        priorities=sorted(priorities),
        red_amber=red_amber,
        awaiting_verification=[a for a in in_focus if a.completion == AWAITING],
        tasks_due=tasks,
        last_meeting=last_meeting,
        last_decisions=last_decisions,
    )
