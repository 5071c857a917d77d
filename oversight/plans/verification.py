"""Board members verify an action's completion, or send it back to Amber with their reason."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from oversight.lib.lengths import LONG_TEXT, too_long
from oversight.plans import audit
from oversight.plans.models import RAG, Action, Change, StatusRecord, Verification
from oversight.plans.plan_import import Actor
from oversight.plans.updates import StatusUpdate, latest_change_id, record_status


class NotComplete(ValueError):
    pass


def latest_status(action: Action) -> StatusRecord | None:
    return StatusRecord.objects.filter(action=action).order_by("-as_at", "-id").first()


def _latest_green(action: Action) -> StatusRecord:
    status = latest_status(action)
    if status is None or status.rag != RAG.GREEN:
        raise NotComplete(f"action {action.action_id} is not Green, so there is no completion to verify")
    return status


def verify_completion(action: Action, actor: Actor) -> Verification:
    with transaction.atomic():
        Action.objects.select_for_update().filter(pk=action.pk).first()
        green = _latest_green(action)
        verification = Verification.objects.create(
            action=action,
            status=green,
            outcome=Verification.Outcome.VERIFIED,
            actor=actor.name,
            user_id=actor.user_id,
        )
        audit.record(
            action.plan_id,
            actor,
            "verification",
            Change.Kind.CHANGED,
            "completion",
            "Complete, awaiting verification",
            "Complete, verified",
            action_id=action.pk,
        )
    return verification


def send_back(action: Action, reason: str, actor: Actor, today: date) -> StatusRecord:
    """The action returns to Amber, with the reason as its commentary, and the lead sees why."""
    if not reason.strip():
        raise NotComplete("give the reason the completion is sent back, for the action's lead")
    if len(reason.strip()) > LONG_TEXT:
        raise NotComplete(too_long("the reason", LONG_TEXT))
    with transaction.atomic():
        Action.objects.select_for_update().filter(pk=action.pk).first()
        action.refresh_from_db()
        green = _latest_green(action)
        Verification.objects.create(
            action=action,
            status=green,
            outcome=Verification.Outcome.SENT_BACK,
            reason=reason.strip(),
            actor=actor.name,
            user_id=actor.user_id,
        )
        seen_change = latest_change_id(action)
        commentary = f"Sent back by {actor.name}: {reason.strip()}"
        update = StatusUpdate(RAG.AMBER, commentary, action.revision, seen_change)
        return record_status(action, update, actor, today)
