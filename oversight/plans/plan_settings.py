"""A plan's own rules, which its administrators set: each change is in the audit log."""

from __future__ import annotations

from django.db import transaction

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.plans import revisions
from oversight.plans.models import Plan

# each setting: what it means when on, in the council's words
SETTINGS = {
    "require_verified_evidence": (
        "Completions are verified only on evidence already marked as verified",
        "Without this, a completion is verified when it has evidence, or with a written reason why none is"
        " needed.",
    ),
    "accept_red_without_commentary": (
        "Imported Red and Amber statuses without commentary are recorded, with a warning",
        "Without this, a status file with a Red or Amber status and no commentary is refused, as the"
        " website's form refuses it.",
    ),
}


def change_settings(plan: Plan, wanted: dict[str, bool], actor: Actor) -> list[str]:
    """Saves the settings that changed, each with its old and new value in the audit log; returns
    what changed."""
    changed = [name for name in SETTINGS if name in wanted and getattr(plan, name) != wanted[name]]
    if not changed:
        return []
    with transaction.atomic():
        for name in changed:
            old = getattr(plan, name)
            setattr(plan, name, wanted[name])
            trail.change(
                plan.pk, actor, "plan settings", Change.Kind.CHANGED, f"setting: {SETTINGS[name][0]}",
                _word(old), _word(wanted[name]),
            ).save()  # fmt: skip
        plan.save(update_fields=changed)
        revisions.plan_changed(plan.pk)
    return [SETTINGS[name][0] for name in changed]


def _word(on: bool) -> str:
    return "Yes" if on else "No"
