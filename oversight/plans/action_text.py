"""An action's words edited on the website by an improvement officer: its key action, lead and agencies,
each change in the audit log with its old and new value; refused if the action changed after the page
was loaded (its revision moved), as a status update is."""

from __future__ import annotations

from django.db import transaction

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.plans.models import Action
from oversight.plans.revisions import lock_plan, plan_changed
from oversight.plans.updates import claim

EDITABLE = {"key_action": "key action", "lead": "lead", "agencies": "agencies"}


def edit_action_text(
    action: Action, wanted: dict[str, str], seen_revision: int, seen_change: int, actor: Actor
) -> list[str]:
    """Saves the fields that changed (raising Conflict if the action moved since the page was made);
    returns the names of those changed."""
    with transaction.atomic():
        lock_plan(action.plan_id)
        claim(action, seen_revision, seen_change)
        action.refresh_from_db()
        changed = [
            name
            for name in EDITABLE
            if " ".join(wanted[name].split()) != " ".join(getattr(action, name).split())
        ]
        changes = []
        for name in changed:
            changes.append(
                trail.change(
                    action.plan_id,
                    actor,
                    "website",
                    Change.Kind.CHANGED,
                    EDITABLE[name],
                    getattr(action, name),
                    wanted[name].strip(),
                    action_id=action.pk,
                )  # fmt: skip
            )
            setattr(action, name, wanted[name].strip())
        if changed:
            action.save(update_fields=changed)
            trail.save(changes)
        plan_changed(action.plan_id)
    return [EDITABLE[name] for name in changed]
