"""The revisions every write to a plan moves on: the plan's, which retires its cached pages, and each
changed action's, so that an edit form opened before the change is refused on save. The audit trail
moves them as it records changes (this module is registered with it in PlansConfig.ready); an import
moves its plan's once, at its end.

A changed action is also stamped with the plan's revision the change will have (`Action.changed_at`),
so that the plan as read at an earlier revision can be brought up to date with the actions changed
since (register.py). The plan's row is locked first, in the same transaction that moves its revision
on before it ends: a stamp is always above every revision anyone could have read without the change.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F

from oversight.plans.models import Action, Plan

BATCH = 1000


def plan_changed(plan_id: int) -> None:
    """Every write to a plan moves its revision on, which also retires cached pages."""
    Plan.objects.filter(pk=plan_id).update(revision=F("revision") + 1)


def actions_changed(action_ids: Iterable[int]) -> None:
    """Moves each action's revision on, whoever or whatever changed it (a status file, a plan file, a
    link to a recommendation), so that an edit form opened before the change is refused on save; and
    stamps it with the revision its plan will have."""
    ids = sorted(set(action_ids))
    if not ids:
        return
    plans = set(Action.objects.filter(pk__in=ids).values_list("plan_id", flat=True).distinct())
    with transaction.atomic():  # a caller may write outside a transaction (the audit trail's record)
        for plan_id in sorted(plans):
            coming = _coming_revision(plan_id)
            for start in range(0, len(ids), BATCH):
                Action.objects.filter(pk__in=ids[start : start + BATCH], plan_id=plan_id).update(
                    revision=F("revision") + 1, changed_at=coming
                )


def stamp(plan_id: int, action_ids: Iterable[int] | None = None) -> None:
    """Stamps these actions of the plan (all of them when None) as changed at the revision the plan
    will have: for changes that leave the actions' own revisions as they are (a status kept in the
    summary)."""
    with transaction.atomic():
        coming = _coming_revision(plan_id)
        actions = Action.objects.filter(plan_id=plan_id)
        if action_ids is None:
            actions.update(changed_at=coming)
            return
        ids = sorted(set(action_ids))
        for start in range(0, len(ids), BATCH):
            actions.filter(pk__in=ids[start : start + BATCH]).update(changed_at=coming)


def lock_plan(plan_id: int) -> int:
    """Every write to a plan's actions takes the plan's row first, in its transaction: writers to one
    plan queue in one order (the plan, then its actions), so that two can never wait for each other.
    Returns the plan's revision as the lock finds it."""
    return Plan.objects.select_for_update().filter(pk=plan_id).values_list("revision", flat=True).get()


def _coming_revision(plan_id: int) -> int:
    """One above the plan's revision, its row locked until the transaction ends (every change moves
    the revision on before it ends), so that no other change can come in between."""
    return lock_plan(plan_id) + 1
