"""Corrective action on an audited case: set by its auditor or the quality assurance lead, with an
owner and a due date, and marked done by any of them or the owner."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from oversight.accounts.people import name_of
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.quality.models import CaseAction, CaseAudit
from oversight.quality.trail import record


@transaction.atomic
def add_case_action(audit: CaseAudit, text: str, owner: Any, due: date, actor: Actor) -> CaseAction:
    found = CaseAction.objects.create(
        audit=audit, action=text, owner=owner, owner_name=name_of(owner), due=due
    )
    record(
        audit.cohort.plan_id,
        actor,
        Change.Kind.ADDED,
        f"case audit {audit.pk}: case action {found.pk}",
        f"owned by {found.owner_name}, due {due:%-d %B %Y}",
    )
    return found


@transaction.atomic
def mark_done(found: CaseAction, actor: Actor, day: date) -> bool:
    """False when it was already done (by someone else, since the page was made)."""
    if not CaseAction.objects.filter(pk=found.pk, done__isnull=True).update(done=day):
        return False
    record(
        found.audit.cohort.plan_id,
        actor,
        Change.Kind.CHANGED,
        f"case audit {found.audit_id}: case action {found.pk}",
        f"done {day:%-d %B %Y}",
        "open",
    )
    return True
