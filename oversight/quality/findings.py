"""A deep dive's findings: written by the quality assurance lead, read by the board, and added as
evidence to the plan actions it shows the effect of."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.notices.sending import site_address
from oversight.plans.evidence import add_link
from oversight.plans.models import Action
from oversight.quality.models import Cohort
from oversight.quality.trail import record


class FindingsRefused(Exception):
    pass


@transaction.atomic
def save_findings(
    cohort: Cohort, text: str, action_ids: Sequence[str], actor: Actor, seen_revision: int
) -> list[str]:
    """Saves the findings and links them as evidence on each action (once); the actions it was added to."""
    locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
    if locked.revision != seen_revision:
        raise FindingsRefused(
            "Someone changed these findings after you opened them. Check them, then save again."
        )
    actions = {
        a.action_id: a
        for a in Action.objects.filter(plan_id=cohort.plan_id, in_plan=True, action_id__in=action_ids)
    }
    missing = [a for a in action_ids if a not in actions]
    if missing:
        raise FindingsRefused(f"Not in this plan: {', '.join(missing)}")
    if locked.report != text:
        record(cohort.plan_id, actor, Change.Kind.CHANGED, f"findings of {cohort.title}", text, locked.report)
        locked.report = text
        locked.revision += 1
        locked.save(update_fields=["report", "revision"])
    url = site_address("deep-dive", cohort.plan.slug, cohort.pk)
    added = []
    for action_id in action_ids:
        action = actions[action_id]
        if not action.evidence.filter(url=url).exists():
            add_link(action, url, f"{cohort.get_kind_display()}: {cohort.title} (findings)", actor)
            added.append(action_id)
    return added
