"""Governance changes go in the plan's audit trail like every other change."""

from __future__ import annotations

from oversight.plans.models import Action, Change, ImportRun, Plan
from oversight.plans.plan_import import Actor
from oversight.plans.updates import plan_changed


def change(
    plan: Plan,
    actor: Actor,
    source: str,
    kind: str,
    field: str,
    old: str,
    new: str,
    action: Action | None = None,
    run: ImportRun | None = None,
) -> Change:
    """An unsaved audit record, for saving alone or in bulk."""
    return Change(
        plan=plan,
        action=action,
        kind=kind,
        field=field,
        old_value=old,
        new_value=new,
        actor=actor.name,
        user_id=actor.user_id,
        source=source,
        import_run=run,
    )


def record(
    plan: Plan, actor: Actor, kind: str, field: str, new: str, old: str = "", action: Action | None = None
) -> None:
    """Saves a change made on the governance pages, and moves the plan's revision on."""
    change(plan, actor, "governance", kind, field, old, new, action).save()
    plan_changed(plan.pk)
