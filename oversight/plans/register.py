"""The plan as the website shows it today: every action with its current status, and the pace of
completion, read from the statuses' summary (plans/summaries.py) in two queries that do not grow with
the plan's history, and a third that checks no save landed in between (else it reads them again, so
that the counts on a page always add up); a fourth reads the revised timescales and withdrawals, so
that the pace counts what was due as the exception report does.

A day before the plan's latest status (the demo's history, a test) is worked out from the history
instead. Either is kept in the cache that every worker shares (settings.CACHES) with the plan's revision
it was read at: any change to the plan moves the revision on, so a page never shows a stale status, and
the first page after a change reads the summary again and keeps it in place of the one before.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from django.db.models import Sum

from oversight.lib.months import last_day, month_of
from oversight.plans.action_filters import agency_choices, lead_choices
from oversight.plans.action_rows import ActionRow
from oversight.plans.completion import RecordedStatus, completion
from oversight.plans.kept import kept_at
from oversight.plans.models import RAG, Action, MonthCount, Plan, StatusRecord
from oversight.plans.progress import PacePoint, pace, pace_from_counts
from oversight.plans.report_data import latest_status_on, timescale_histories, verified_days
from oversight.plans.summaries import ensure_summarised
from oversight.plans.timescale_history import TimescaleHistory


@dataclass(frozen=True)
class Register:
    plan_id: int
    today: date
    actions: tuple[ActionRow, ...]
    pace: tuple[PacePoint, ...]
    revision: int = 0  # the plan's revision it was read at; 0 when it cannot be brought up to date

    @property
    def month(self) -> date:
        return month_of(self.today)

    @cached_property
    def leads(self) -> list[str]:
        """The action list's choice of leads, worked out once per register rather than per page."""
        return lead_choices(self.actions)

    @cached_property
    def agencies(self) -> list[str]:
        """The action list's choice of partner agencies, likewise."""
        return agency_choices(self.actions)


def register(plan: Plan, today: date) -> Register:
    ensure_summarised(plan)
    # the plan's creation too: a database restored from a backup, or a test's, reuses primary keys
    key = f"register:{plan.pk}:{plan.created.timestamp()}:{today.isoformat()}"
    if plan.summary_month is not None and plan.summary_month > month_of(today):
        return kept_at(key, plan.revision, lambda: _from_history(plan.pk, plan.started, today))
    return kept_at(
        key,
        plan.revision,
        lambda: _from_summary(plan.pk, plan.revision, plan.started, plan.summary_month, today),
        update=lambda before: _brought_up_to_date(
            before, plan.pk, plan.revision, plan.started, plan.summary_month, today
        ),
    )


READS = 3  # times the summary is read while saves land in between, before it is shown as read
CURRENT = ("current__rag", "current__commentary", "current__as_at", "current__completion")
ROW_FIELDS = (
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
    "withdrawn_from",
)


def action_row(
    details: Sequence[Any], rag: str | None, commentary: str, updated: date | None, completion: str | None
) -> ActionRow:
    """An action's details as ROW_FIELDS reads them, with its current status."""
    pk, action_id, sort_key, priority, key_action, lead, agencies, timescale, first, last, withdrawn = details
    return ActionRow(
        pk,
        action_id,
        sort_key,
        priority,
        key_action,
        lead,
        agencies,
        timescale,
        first,
        last,
        rag,
        commentary,
        updated,
        completion,
        withdrawn,
    )


def _from_summary(
    plan_id: int, revision: int, started: date | None, counted_until: date | None, today: date
) -> Register:
    month = month_of(today)
    read_at = 0
    for _ in range(READS):
        actions, green = _read_summary(plan_id, month)
        now, now_counted_until = _plan_now(plan_id)
        if now == revision:
            read_at = revision
            break
        # a save landed between the two reads: read both again, so that the counts add up
        revision, counted_until = now, now_counted_until
    return _with_pace(plan_id, today, actions, green, started, counted_until, read_at)


def _plan_now(plan_id: int) -> tuple[int, date | None]:
    """The plan's revision and the last month its summary counts, as they are now."""
    return Plan.objects.filter(pk=plan_id).values_list("revision", "summary_month").get()


def _with_pace(
    plan_id: int,
    today: date,
    actions: Sequence[ActionRow],
    green: dict[date, int],
    started: date | None,
    counted_until: date | None,
    read_at: int,
) -> Register:
    month = month_of(today)
    start = started or min((a.first_month for a in actions), default=month)
    points: tuple[PacePoint, ...] = ()
    if actions:
        timescales = _timescales(plan_id, actions)
        points = tuple(pace_from_counts(actions, green, counted_until, start, month, timescales))
    return Register(plan_id, today, tuple(actions), points, read_at)


def _timescales(plan_id: int, actions: Sequence[ActionRow]) -> dict[int, TimescaleHistory]:
    current = {a.pk: (a.timescale, a.first_month, a.last_month, a.withdrawn_from) for a in actions}
    return timescale_histories(plan_id, current)[0]


def _brought_up_to_date(
    before: Register,
    plan_id: int,
    revision: int,
    started: date | None,
    counted_until: date | None,
    today: date,
) -> Register:
    """The plan as read at an earlier revision, with the actions changed since read again (each is
    stamped with the revision it changed at: plans/revisions.py) and the pace from the counts: what a
    save changed, not the whole plan. Actions added or taken out of the plan (a plan file) stamp every
    action, and the whole plan is read again."""
    if not before.revision or before.plan_id != plan_id or before.today != today:
        return _from_summary(plan_id, revision, started, counted_until, today)
    month = month_of(today)
    at = {action.pk: n for n, action in enumerate(before.actions)}
    for _ in range(READS):
        changed = list(
            Action.objects.filter(plan_id=plan_id, changed_at__gt=before.revision).values_list(
                *ROW_FIELDS, *CURRENT, "in_plan"
            )
        )
        if len(changed) > len(at) // 4 or any(row[0] not in at or not row[-1] for row in changed):
            return _from_summary(plan_id, revision, started, counted_until, today)
        green = _greens(plan_id, month)
        now, now_counted_until = _plan_now(plan_id)
        if now == revision:
            break
        revision, counted_until = now, now_counted_until
    else:
        return _from_summary(plan_id, revision, started, counted_until, today)
    actions = list(before.actions)
    for row in changed:
        actions[at[row[0]]] = _summary_row(row)
    return _with_pace(plan_id, today, actions, green, started, counted_until, revision)


def _read_summary(plan_id: int, month: date) -> tuple[tuple[ActionRow, ...], dict[date, int]]:
    rows = (
        Action.objects.filter(plan_id=plan_id, in_plan=True)
        .values_list(*ROW_FIELDS, *CURRENT)
        .order_by("sort_key")
    )
    return tuple(_summary_row(row) for row in rows), _greens(plan_id, month)


def _summary_row(row: Sequence[Any]) -> ActionRow:
    """An action as ROW_FIELDS and CURRENT read it."""
    n = len(ROW_FIELDS)
    return action_row(row[:n], row[n] or None, row[n + 1] or "", row[n + 2], row[n + 3] or None)


def _greens(plan_id: int, month: date) -> dict[date, int]:
    """How many of the plan's actions ended each month up to this one Green."""
    return dict(
        MonthCount.objects.filter(plan_id=plan_id, rag=RAG.GREEN, month__lte=month)
        .values("month")
        .annotate(actions=Sum("actions"))
        .values_list("month", "actions")
    )


def _from_history(plan_id: int, started: date | None, today: date) -> Register:
    # a status file imported as at this month's end counts from the day it is imported
    month_end = last_day(month_of(today))
    rows = (
        Action.objects.filter(plan_id=plan_id, in_plan=True)
        .annotate(
            rag=latest_status_on(month_end, "rag"),
            commentary=latest_status_on(month_end, "commentary"),
            updated=latest_status_on(month_end, "as_at"),
        )
        .values_list(*ROW_FIELDS, "rag", "commentary", "updated")
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
        action_row(
            row[: len(ROW_FIELDS)],
            row[-3],
            row[-2] or "",
            row[-1],
            completion(history.get(row[0], ()), verified, month_end),
        )
        for row in rows
    )
    statuses = {pk: tuple((s.as_at, s.rag) for s in records) for pk, records in history.items()}
    start = started or min((a.first_month for a in actions), default=month_of(today))
    points: tuple[PacePoint, ...] = ()
    if actions:
        points = tuple(pace(actions, statuses, start, month_of(today), _timescales(plan_id, actions)))
    return Register(plan_id, today, actions, points)
