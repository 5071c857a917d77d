"""Governance changes go in the plan's audit trail like every other change."""

from __future__ import annotations

from oversight.plans.models import Action, Change, Plan
from oversight.plans.plan_import import Actor
from oversight.plans.updates import plan_changed


def record(
    plan: Plan, actor: Actor, kind: str, field: str, new: str, old: str = "", action: Action | None = None
) -> None:
    Change.objects.create(
        plan=plan,
        action=action,
        kind=kind,
        field=field,
        old_value=old,
        new_value=new,
        actor=actor.name,
        user_id=actor.user_id,
        source="governance",
    )
    plan_changed(plan.pk)
