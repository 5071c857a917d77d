"""What else a person has to do in a plan, beside the actions they lead, for their My actions page:
other apps (governance's remedial tasks) register where it comes from, so that plans imports none."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from oversight.plans.models import Plan


@dataclass(frozen=True)
class WorkItem:
    kind: str  # e.g. "Remedial task"
    what: str
    set_by: str  # e.g. "Improvement Board, 12 January 2017"
    due: date
    overdue: bool
    action_id: str = ""  # the action it is about, if any


Source = Callable[[Plan, Any, date], list[WorkItem]]
SOURCES: list[Source] = []


def register(source: Source) -> None:
    """Called by an app that gives people work in a plan, when it starts."""
    if source not in SOURCES:
        SOURCES.append(source)


def work_of(plan: Plan, user: Any, today: date) -> list[WorkItem]:
    """The person's open work in the plan from every registered source, soonest due first."""
    return sorted((item for source in SOURCES for item in source(plan, user, today)), key=lambda i: i.due)
