"""Giving a share of a cohort's completed audits to second auditors to moderate: drawn with a seed from
those completed and not yet given, shared out in turn, never to the audit's own auditor."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F

from oversight.accounts.people import name_of
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.quality.emails import tell_moderators
from oversight.quality.models import CaseAudit, Cohort
from oversight.quality.trail import record


def moderators_for(
    audits: Sequence[CaseAudit], moderators: Sequence[Any]
) -> list[tuple[CaseAudit, Any]] | None:
    """Each audit with its moderator, in turn, skipping its own auditor; None when one has nobody."""
    given = []
    turn = 0
    for audit in audits:
        for step in range(len(moderators)):
            candidate = moderators[(turn + step) % len(moderators)]
            if candidate.pk != audit.auditor_id:
                given.append((audit, candidate))
                turn += step + 1
                break
        else:
            return None
    return given


@transaction.atomic
def share_out_moderation(
    cohort: Cohort, share: Decimal, moderators: Sequence[Any], seed: int, actor: Actor
) -> int | None:
    """How many audits were given; None (nothing given) when one chosen could go to nobody but its auditor."""
    waiting = list(
        CaseAudit.objects.select_for_update()
        .filter(
            cohort=cohort, state=CaseAudit.State.COMPLETED, moderator__isnull=True, moderated__isnull=True
        )
        .order_by("pk")
    )
    count = min(len(waiting), math.ceil(share * len(waiting)))
    chosen = sorted(random.Random(seed).sample(waiting, count), key=lambda a: a.pk)
    given = moderators_for(chosen, moderators)
    if given is None:
        return None
    for audit, moderator in given:
        CaseAudit.objects.filter(pk=audit.pk).update(
            moderator=moderator, moderator_name=name_of(moderator), revision=F("revision") + 1
        )
        record(
            cohort.plan_id,
            actor,
            Change.Kind.CHANGED,
            f"case audit {audit.pk}: moderator",
            name_of(moderator),
        )
    tell_moderators(cohort, given)
    return len(given)
