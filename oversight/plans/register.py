"""The plan as the website shows it today: every action with its current status, read once per change.

Reading the statuses of thousands of actions is the expensive part of most pages, so the result is
kept in memory per process, keyed by the plan's revision: any change to the plan moves the revision
on, so a page never shows a stale status, and the cache costs one small query to check.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache

from oversight.lib.months import last_day, month_of
from oversight.plans.action_filters import lead_choices
from oversight.plans.action_rows import ActionRow
from oversight.plans.completion import RecordedStatus, completion
from oversight.plans.models import Action, Plan, StatusRecord
from oversight.plans.progress import PacePoint, pace
from oversight.plans.report_data import latest_status_on, verified_days


@dataclass(frozen=True)
class Register:
    plan_id: int
    today: date
    actions: tuple[ActionRow, ...]
    history: dict[int, tuple[tuple[date, str], ...]]
    pace: tuple[PacePoint, ...]

    @property
    def month(self) -> date:
        return month_of(self.today)

    @cached_property
    def leads(self) -> list[str]:
        """The action list's choice of leads, worked out once per register rather than per page."""
        return lead_choices(self.actions)


def register(plan: Plan, today: date) -> Register:
    return _register(plan.pk, plan.revision, plan.created, plan.started, today)


def forget() -> None:
    """Empties this process's cache (tests reuse primary keys across rolled-back databases)."""
    _register.cache_clear()


@lru_cache(maxsize=32)
def _register(plan_id: int, revision: int, created: object, started: date | None, today: date) -> Register:
    # a status file imported as at this month's end counts from the day it is imported
    month_end = last_day(month_of(today))
    rows = (
        Action.objects.filter(plan_id=plan_id, in_plan=True)
        .annotate(
            rag=latest_status_on(month_end, "rag"),
            commentary=latest_status_on(month_end, "commentary"),
            updated=latest_status_on(month_end, "as_at"),
        )
        .values_list(
            "pk",
            "action_id",
            "sort_key",
            "priority__number",
            "key_action",
            "lead",
            "agencies",
            "timescale",
            "first_month",
            "last_month",
            "rag",
            "commentary",
            "updated",
        )
        .order_by("sort_key")
    )
    history: dict[int, list[RecordedStatus]] = defaultdict(list)
    for action_pk, record_id, as_at, rag in (
        StatusRecord.objects.filter(action__plan_id=plan_id, action__in_plan=True, as_at__lte=month_end)
        .order_by("action_id", "as_at", "id")
        .values_list("action_id", "id", "as_at", "rag")
    ):
        history[action_pk].append(RecordedStatus(record_id, as_at, rag))
    verified = verified_days(plan_id)
    actions = tuple(
        ActionRow(*row[:11], row[11] or "", row[12], completion(history.get(row[0], ()), verified, month_end))
        for row in rows
    )
    statuses = {pk: tuple((s.as_at, s.rag) for s in records) for pk, records in history.items()}
    start = started or min((a.first_month for a in actions), default=month_of(today))
    points = tuple(pace(actions, statuses, start, month_of(today))) if actions else ()
    return Register(plan_id, today, actions, statuses, points)
