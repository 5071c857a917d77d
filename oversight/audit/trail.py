"""Recording changes in the audit trail, one or many at a time. The records a change is about keep a
revision that every change moves on: the app that keeps them (plans, in PlansConfig.ready) registers
how, so that audit knows nothing of them. Changes saved in bulk move their actions' revisions (the
import that saves them moves its plan's once, at its end); one change recorded alone moves its
plan's too."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.lengths import limit_of, shortened

BATCH = 1000
FIELD_LIMIT = limit_of(Change, "field")  # what a change is about: a name in it may be long


class Revisions(Protocol):
    """What a change moves on, kept by the app that keeps the records changes are about."""

    def actions_changed(self, action_ids: Iterable[int]) -> None: ...

    def plan_changed(self, plan_id: int) -> None: ...


_revisions: list[Revisions] = []


def keep_revisions_with(revisions: Revisions) -> None:
    """Called by the app that keeps plans' and actions' revisions, when it starts."""
    if revisions not in _revisions:
        _revisions.append(revisions)


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
        field=shortened(field, FIELD_LIMIT),
        old_value=old,
        new_value=new,
        actor=actor.name,
        user_id=actor.user_id,
        source=source,
        import_run_id=import_run_id,
        indicator_id=indicator_id,
    )


def save(changes: Sequence[Change]) -> None:
    """Saves audit records in bulk, and moves on the revision of every action they are about."""
    Change.objects.bulk_create(changes, batch_size=BATCH)
    for revisions in _revisions:
        revisions.actions_changed(c.action_id for c in changes if c.action_id is not None)


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
    for revisions in _revisions:
        revisions.plan_changed(plan_id)
