"""The revisions every write to a plan moves on: the plan's, which retires its cached pages, and each
changed action's, so that an edit form opened before the change is refused on save. The audit trail
moves them as it records changes (this module is registered with it in PlansConfig.ready); an import
moves its plan's once, at its end."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import F

from oversight.plans.models import Action, Plan

BATCH = 1000


def plan_changed(plan_id: int) -> None:
    """Every write to a plan moves its revision on, which also retires cached pages."""
    Plan.objects.filter(pk=plan_id).update(revision=F("revision") + 1)


def actions_changed(action_ids: Iterable[int]) -> None:
    """Moves each action's revision on, whoever or whatever changed it (a status file, a plan file, a
    link to a recommendation), so that an edit form opened before the change is refused on save."""
    ids = sorted(set(action_ids))
    for start in range(0, len(ids), BATCH):
        Action.objects.filter(pk__in=ids[start : start + BATCH]).update(revision=F("revision") + 1)
