"""The pack for a board meeting: for the priorities in focus, the Red and Amber actions with their
commentary (and since when each Red one has been Red), the completions awaiting verification with their
evidence and measures, and the completions whose measure is Red; the remedial tasks due; and the
decisions of the board's last meeting. Pure: computed from plain rows.

A past meeting's pack is a record: `to_record` and `from_record` keep it as JSON, exactly as it was."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from oversight.plans.completion import AWAITING, VERIFIED
from oversight.plans.completion_cases import CompletionCase, EvidenceItem
from oversight.plans.linked_measures import Measure

TASKS_AHEAD = timedelta(days=7)  # tasks due before the next weekly meeting come to this one


@dataclass(frozen=True)
class PackAction:
    """An action in focus as the pack shows it."""

    action_id: str
    sort_key: str
    priority: int
    key_action: str
    lead: str
    timescale: str
    rag: str | None
    commentary: str
    red_since: date | None = None
    completion: str | None = None  # Green: "awaiting" or "verified"
    case: CompletionCase | None = None  # Green: its evidence and measures


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
    red_amber: list[PackAction]
    awaiting_verification: list[PackAction]
    tasks_due: list[PackTask]
    last_meeting: date | None
    last_decisions: list[str]
    complete_but_red: list[PackAction] = field(default_factory=list)  # verified, a linked measure Red
    as_it_stood: datetime | None = None  # a record: the moment it shows (the end of the meeting's day)
    recorded: datetime | None = None  # a record: when it was made


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
    actions: Iterable[PackAction],
    open_tasks: Iterable[OpenTask],
    last_meeting: date | None,
    last_decisions: list[str],
    as_it_stood: datetime | None = None,
) -> MeetingPack:
    numbers = {number for number, _ in priorities}
    in_focus = sorted((a for a in actions if a.priority in numbers), key=lambda a: a.sort_key)
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
        complete_but_red=[
            a for a in in_focus if a.completion == VERIFIED and a.case is not None and a.case.red_measures
        ],
        as_it_stood=as_it_stood,
    )


# The record: JSON, read back into the same pack


def to_record(pack: MeetingPack) -> dict[str, Any]:
    return {
        "board": pack.board,
        "held": pack.held.isoformat(),
        "priorities": [list(p) for p in pack.priorities],
        "red_amber": [_action_record(a) for a in pack.red_amber],
        "awaiting_verification": [_action_record(a) for a in pack.awaiting_verification],
        "complete_but_red": [_action_record(a) for a in pack.complete_but_red],
        "tasks_due": [
            {
                "description": t.description,
                "action_id": t.action_id,
                "owner": t.owner,
                "due": t.due.isoformat(),
            }
            | {"overdue": t.overdue}
            for t in pack.tasks_due
        ],
        "last_meeting": _iso(pack.last_meeting),
        "last_decisions": list(pack.last_decisions),
        "as_it_stood": _iso(pack.as_it_stood),
    }


def from_record(record: dict[str, Any], recorded: datetime | None = None) -> MeetingPack:
    return MeetingPack(
        board=record["board"],
        held=date.fromisoformat(record["held"]),
        priorities=[(number, title) for number, title in record["priorities"]],
        red_amber=[_action(a) for a in record["red_amber"]],
        awaiting_verification=[_action(a) for a in record["awaiting_verification"]],
        complete_but_red=[_action(a) for a in record["complete_but_red"]],
        tasks_due=[PackTask(**t | {"due": date.fromisoformat(t["due"])}) for t in record["tasks_due"]],
        last_meeting=_day(record["last_meeting"]),
        last_decisions=list(record["last_decisions"]),
        as_it_stood=datetime.fromisoformat(record["as_it_stood"]) if record["as_it_stood"] else None,
        recorded=recorded,
    )


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _action_record(action: PackAction) -> dict[str, Any]:
    record: dict[str, Any] = {
        "action_id": action.action_id,
        "sort_key": action.sort_key,
        "priority": action.priority,
        "key_action": action.key_action,
        "lead": action.lead,
        "timescale": action.timescale,
        "rag": action.rag,
        "commentary": action.commentary,
        "red_since": _iso(action.red_since),
        "completion": action.completion,
        "case": None,
    }
    if action.case is not None:
        record["case"] = {
            "evidence": [
                {
                    "evidence_id": e.evidence_id,
                    "title": e.title,
                    "kind": e.kind,
                    "file_name": e.file_name,
                    "url": e.url,
                    "added": e.added.isoformat(),
                    "added_by": e.added_by,
                    "verified_by": e.verified_by,
                    "verified": _iso(e.verified),
                }
                for e in action.case.evidence
            ],
            "measures": [
                {
                    "indicator_id": m.indicator_id,
                    "name": m.name,
                    "rag": m.rag,
                    "value_text": m.value_text,
                    "period_text": m.period_text,
                    "target_text": m.target_text,
                    "sentence": m.sentence,
                }
                for m in action.case.measures
            ],
        }
    return record


def _action(record: dict[str, Any]) -> PackAction:
    case = record["case"]
    return PackAction(
        **record
        | {
            "red_since": _day(record["red_since"]),
            "case": None
            if case is None
            else CompletionCase(
                tuple(
                    EvidenceItem(
                        **e | {"added": date.fromisoformat(e["added"]), "verified": _day(e["verified"])}
                    )
                    for e in case["evidence"]
                ),
                tuple(Measure(**m) for m in case["measures"]),
            ),
        }
    )
