"""The statuses' summary in the database, kept in the transaction of every save that changes them: each
action's current status and completion (CurrentStatus) and the plan's counts of actions per month,
priority and RAG (MonthCount). A save reads only the histories of the actions it changed, so it costs
what it changes; the pages read the summary and never the plan's whole history (plans/register.py).

Saves to one plan take its row lock first, so two saves never count the same month at once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from django.db import connection, transaction
from django.db.models import F

from oversight.lib.months import add_months, month_of
from oversight.plans import revisions
from oversight.plans.completion import RecordedStatus, completion
from oversight.plans.models import Action, CurrentStatus, MonthCount, Plan, StatusRecord
from oversight.plans.report_data import verified_days
from oversight.plans.status_summary import (
    Run,
    as_text,
    count_changes,
    counts_by_month,
    extended,
    from_text,
    month_end_runs,
)

BATCH = 1000
COLUMNS = ("action_id", "status_id", "rag", "commentary", "as_at", "completion", "runs")


class Current(NamedTuple):
    """An action's row of plans_currentstatus, as written (a model instance each cost more than the rest)."""

    action_id: int
    status_id: int | None
    rag: str
    commentary: str
    as_at: date | None
    completion: str
    runs: str


class Kept(NamedTuple):
    """What is kept of an action, as read back before a change."""

    action_id: int
    status_id: int | None
    rag: str
    as_at: date | None
    completion: str
    runs: str


def statuses_changed(plan_id: int, action_ids: Iterable[int], recorded: Sequence[StatusRecord] = ()) -> None:
    """Brings the summary up to date after statuses or verifications of these actions were recorded,
    in the same transaction. The statuses just `recorded` (saved, with their ids) extend what is kept
    of their actions when each is the action's latest; any other action's history is read again."""
    ids = sorted(set(action_ids) | {r.action_id for r in recorded})
    if not ids:
        return
    with transaction.atomic():
        plan = Plan.objects.select_for_update().only("pk", "summarised", "summary_month").get(pk=plan_id)
        if not plan.summarised:
            _rebuild(plan)
            return
        kept = {
            row[0]: Kept(*row)
            for row in CurrentStatus.objects.filter(action_id__in=ids).values_list(
                "action_id", "status_id", "rag", "as_at", "completion", "runs"
            )
        }
        stored = {pk: from_text(k.runs) for pk, k in kept.items()}
        following = _following(kept, recorded)
        current, latest = _current_statuses(plan_id, [pk for pk in ids if pk not in following])
        for record in following.values():
            before = kept[record.action_id]
            runs, completed = extended(
                stored[record.action_id],
                before.rag,
                before.completion,
                RecordedStatus(record.pk, record.as_at, record.rag),
            )
            current.append(
                Current(
                    action_id=record.action_id,
                    status_id=record.pk,
                    rag=record.rag,
                    commentary=record.commentary,
                    as_at=record.as_at,
                    completion=completed,
                    runs=as_text(runs),
                )
            )
            month = month_of(record.as_at)
            latest = month if latest is None else max(latest, month)
        last = plan.summary_month
        if latest is not None and (last is None or latest > last):
            _carry_forward(plan_id, last, latest)
            last = latest
        if last is not None:
            priority_of = dict(
                Action.objects.filter(pk__in=ids, in_plan=True).values_list("pk", "priority_id")
            )
            changes: Counter[tuple[date, int, str]] = Counter()
            for status in current:
                priority = priority_of.get(status.action_id)
                if priority is None:
                    continue  # not in the plan: not counted
                old = stored.get(status.action_id, [])
                for (month, rag), change in count_changes(old, from_text(status.runs), last).items():
                    changes[(month, priority, rag)] += change
            _apply(plan_id, changes)
        _save(current)
        revisions.stamp(plan_id, [c.action_id for c in current])
        if last != plan.summary_month:
            Plan.objects.filter(pk=plan_id).update(summary_month=last)


def _following(kept: dict[int, Kept], recorded: Sequence[StatusRecord]) -> dict[int, StatusRecord]:
    """The statuses just recorded that come after everything kept of their action, one per action."""
    latest: dict[int, StatusRecord] = {}
    for record in recorded:
        if record.action_id in latest:
            return {}  # two for one action: read the histories, as after any other change
        latest[record.action_id] = record
    return {
        pk: record
        for pk, record in latest.items()
        if pk in kept
        and record.pk is not None  # a database that gives no ids back from a bulk insert: read the history
        and (kept[pk].as_at is None or (record.as_at, record.pk) > (kept[pk].as_at, kept[pk].status_id or 0))
    }


def rebuild(plan_id: int) -> None:
    """Builds the plan's summary again from its whole history: after a plan import (actions added,
    leaving or coming back, or moved to another priority), or for a plan not summarised yet."""
    with transaction.atomic():
        _rebuild(Plan.objects.select_for_update().only("pk", "summarised", "summary_month").get(pk=plan_id))


def ensure_summarised(plan: Plan) -> None:
    """A plan that existed before the summary was kept is summarised on its first use."""
    if not plan.summarised:
        rebuild(plan.pk)
        plan.refresh_from_db(fields=["summarised", "summary_month"])


def _rebuild(plan: Plan) -> None:
    ids = list(Action.objects.filter(plan_id=plan.pk).values_list("pk", flat=True))
    current, last = _current_statuses(plan.pk, ids)
    for start in range(0, len(ids), BATCH):
        # by the actions' ids: a delete through the join to actions is planned badly on PostgreSQL
        CurrentStatus.objects.filter(action_id__in=ids[start : start + BATCH]).delete()
    _save(current)
    runs = {c.action_id: from_text(c.runs) for c in current}
    first = min((r[0][0] for r in runs.values() if r), default=None)
    MonthCount.objects.filter(plan_id=plan.pk).delete()
    if first is not None and last is not None:
        by_priority: dict[int, list[list[Run]]] = defaultdict(list)
        for pk, priority in Action.objects.filter(plan_id=plan.pk, in_plan=True).values_list(
            "pk", "priority_id"
        ):
            by_priority[priority].append(runs[pk])
        MonthCount.objects.bulk_create(
            [
                MonthCount(plan_id=plan.pk, month=month, priority_id=priority, rag=rag, actions=count)
                for priority, action_runs in by_priority.items()
                for (month, rag), count in counts_by_month(action_runs, first, last).items()
            ],
            batch_size=BATCH,
        )
    Plan.objects.filter(pk=plan.pk).update(summarised=True, summary_month=last)
    revisions.stamp(plan.pk)  # everything is read again


def _current_statuses(plan_id: int, ids: list[int]) -> tuple[list[Current], date | None]:
    """Each action's latest status, completion and runs, from its own history; and the latest month
    in which any of them had a status or a verification (the summary says how things stand from then)."""
    histories: dict[int, list[RecordedStatus]] = defaultdict(list)
    for start in range(0, len(ids), BATCH):
        for action_pk, record_id, as_at, rag in (
            StatusRecord.objects.filter(action_id__in=ids[start : start + BATCH])
            .order_by("action_id", "as_at", "id")
            .values_list("action_id", "id", "as_at", "rag")
        ):
            histories[action_pk].append(RecordedStatus(record_id, as_at, rag))
    latest_ids = [history[-1].record_id for history in histories.values()]
    commentary: dict[int, str] = {}
    for start in range(0, len(latest_ids), BATCH):
        commentary.update(
            StatusRecord.objects.filter(pk__in=latest_ids[start : start + BATCH]).values_list(
                "pk", "commentary"
            )
        )
    verified = verified_days(plan_id, set(ids))
    current = []
    for pk in ids:
        history = histories.get(pk, [])
        latest = history[-1] if history else None
        current.append(
            Current(
                action_id=pk,
                status_id=latest.record_id if latest else None,
                rag=latest.rag if latest else "",
                commentary=commentary.get(latest.record_id, "") if latest else "",
                as_at=latest.as_at if latest else None,
                completion=completion(history, verified, date.max) or "",
                runs=as_text(month_end_runs(history)),
            )
        )
    days = [h[-1].as_at for h in histories.values() if h] + list(verified.values())
    return current, month_of(max(days)) if days else None


def _save(current: list[Current]) -> None:
    """Writes each action's kept status in one statement per batch: Django's bulk upsert prepares
    every value of every row in Python, which took as long as the status import itself."""
    name = connection.ops.quote_name
    columns = ", ".join(name(c) for c in COLUMNS)
    changes = ", ".join(f"{name(c)} = excluded.{name(c)}" for c in COLUMNS[1:])
    sql = (
        f"INSERT INTO {name(CurrentStatus._meta.db_table)} ({columns}) "
        f"VALUES ({', '.join(['%s'] * len(COLUMNS))}) "
        f"ON CONFLICT ({name('action_id')}) DO UPDATE SET {changes}"
    )
    as_at = connection.ops.adapt_datefield_value
    rows = [
        (c.action_id, c.status_id, c.rag, c.commentary, as_at(c.as_at), c.completion, c.runs) for c in current
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


def _carry_forward(plan_id: int, last: date | None, latest: date) -> None:
    """A later month starts with the counts of the last month held: nothing changed in between."""
    if last is None:
        return
    held = list(
        MonthCount.objects.filter(plan_id=plan_id, month=last).values_list("priority_id", "rag", "actions")
    )
    month, rows = add_months(last, 1), []
    while month <= latest:
        rows += [
            MonthCount(plan_id=plan_id, month=month, priority_id=p, rag=r, actions=n) for p, r, n in held
        ]
        month = add_months(month, 1)
    MonthCount.objects.bulk_create(rows, batch_size=BATCH)


def _apply(plan_id: int, changes: Counter[tuple[date, int, str]]) -> None:
    for (month, priority, rag), change in sorted(changes.items()):
        if not change:
            continue
        counted = MonthCount.objects.filter(plan_id=plan_id, month=month, priority_id=priority, rag=rag)
        if not counted.update(actions=F("actions") + change):
            MonthCount.objects.create(
                plan_id=plan_id, month=month, priority_id=priority, rag=rag, actions=change
            )
