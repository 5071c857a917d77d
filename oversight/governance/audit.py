"""Changes made on the governance pages go in the plan's audit trail like every other change."""

from __future__ import annotations

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.plans.models import Action, Plan


def record(
    plan: Plan, actor: Actor, kind: str, field: str, new: str, old: str = "", action: Action | None = None
) -> None:
    trail.record(plan.pk, actor, "governance", kind, field, old, new, action_id=action.pk if action else None)
