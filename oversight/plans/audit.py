"""The audit trail: every change to a plan's data as a Change record, who made it, when, the old
and the new value; and the revisions every write moves on: the plan's, and each changed action's."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from django.db.models import F

from oversight.plans.models import Action, Change, Plan

if TYPE_CHECKING:
    from oversight.plans.plan_import import Actor


def change(
    plan_id: int,
    actor: Actor,
    source: str,
    kind: str,
    field: str = "",
    old: str = "",
    new: str = "",
    *,
    action_id: int | None = None,
    priority_id: int | None = None,
    import_run_id: int | None = None,
    indicator_id: int | None = None,
) -> Change:
    """An unsaved audit record, for saving alone or in bulk."""
    return Change(
        plan_id=plan_id,
        action_id=action_id,
        priority_id=priority_id,
        kind=kind,
        field=field,
        old_value=old,
        new_value=new,
        actor=actor.name,
        user_id=actor.user_id,
        source=source,
        import_run_id=import_run_id,
        indicator_id=indicator_id,
    )


def plan_changed(plan_id: int) -> None:
    """Every write to a plan moves its revision on, which also retires cached pages."""
    Plan.objects.filter(pk=plan_id).update(revision=F("revision") + 1)


REVISION_BATCH = 1000


def actions_changed(action_ids: Iterable[int]) -> None:
    """Moves each action's revision on, whoever or whatever changed it (a status file, a plan file, a
    link to a recommendation), so that an edit form opened before the change is refused on save."""
    ids = sorted(set(action_ids))
    for start in range(0, len(ids), REVISION_BATCH):
        Action.objects.filter(pk__in=ids[start : start + REVISION_BATCH]).update(revision=F("revision") + 1)


def save(changes: Sequence[Change]) -> None:
    """Saves audit records in bulk, and moves on the revision of every action they are about."""
    Change.objects.bulk_create(changes, batch_size=REVISION_BATCH)
    actions_changed(c.action_id for c in changes if c.action_id is not None)


def record(
    plan_id: int,
    actor: Actor,
    source: str,
    kind: str,
    field: str = "",
    old: str = "",
    new: str = "",
    *,
    action_id: int | None = None,
    indicator_id: int | None = None,
) -> None:
    """Saves one change and moves the plan's revision on, and the action's if it is about one."""
    one = change(
        plan_id, actor, source, kind, field, old, new, action_id=action_id, indicator_id=indicator_id
    )
    save([one])
    plan_changed(plan_id)


CHILD_RECORDS = "child records"
WORKER_WITHHELD = "worker (name withheld)"
# the worker named in a viewing's description runs from its "worker " part to the count at the end; a
# team whose name holds "; worker " makes more than the name withheld, never less
_WORKER_PART = re.compile(r"(^|; )worker .*(?=; \d+ records, page \d+ of \d+$)", re.DOTALL)


def child_records_viewed(what: str, team: str, worker: str, records: int, page: int, pages: int) -> str:
    """The description of one viewing of child records: what, whose, how many, which page."""
    whose = "; ".join(
        part for part in (f"team {team}" if team else "", f"worker {worker}" if worker else "") if part
    )
    return f"{what}; {whose or 'every team'}; {records} records, page {page} of {pages}"


def without_worker_names(change: Change) -> str:
    """A change's new value as someone who may not see workers' names reads it."""
    if change.kind != Change.Kind.VIEWED or change.field != CHILD_RECORDS:
        return change.new_value
    return _WORKER_PART.sub(lambda match: match.group(1) + WORKER_WITHHELD, change.new_value, count=1)
