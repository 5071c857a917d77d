"""Board members verify an action's completion, or send it back to Amber with their reason.

A completion is verified on its evidence: it needs some, or a written reason why none is needed (kept
with the verification and in the audit log); a plan that requires verified evidence takes only
evidence already marked as verified. Several completions can be verified together: all or none."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db import transaction

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.lengths import LONG_TEXT, too_long
from oversight.plans.action_emails import tell_leads
from oversight.plans.completion import (
    VERIFIED,
    EvidenceSeen,
    RecordedStatus,
    completion,
    verification_problem,
    verified_words,
)
from oversight.plans.models import RAG, Action, Plan, StatusRecord, Verification
from oversight.plans.report_data import verified_days
from oversight.plans.revisions import lock_plan
from oversight.plans.summaries import statuses_changed
from oversight.plans.updates import StatusUpdate, latest_change_id, record_status


class NotComplete(ValueError):
    pass


class VerificationRefused(ValueError):
    """None of the completions was verified; holds what stopped each one, by Action ID."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems.values()))


def latest_status(action: Action) -> StatusRecord | None:
    return StatusRecord.objects.filter(action=action).order_by("-as_at", "-id").first()


def _latest_green(action: Action) -> StatusRecord:
    status = latest_status(action)
    if status is None or status.rag != RAG.GREEN:
        raise NotComplete(f"action {action.action_id} is not Green, so there is no completion to verify")
    return status


def completion_of(action: Action, day: date = date.max) -> str | None:
    """The action's completion on `day`: None unless Green, then awaiting or verified."""
    statuses = [
        RecordedStatus(pk, as_at, rag)
        for pk, as_at, rag in action.statuses.order_by("as_at", "id").values_list("id", "as_at", "rag")
    ]
    return completion(statuses, verified_days(action.plan_id, {action.pk}), day)


def evidence_seen(action: Action) -> list[EvidenceSeen]:
    return [
        EvidenceSeen(title, verified is not None)
        for title, verified in action.evidence.order_by("added", "id").values_list("title", "verified")
    ]


def verify_completions(plan: Plan, actions: Sequence[Action], reasons: dict[str, str], actor: Actor) -> None:
    """Verifies each action's completion, or none of them: VerificationRefused says why not, for each
    action that stops it. `reasons` holds, by Action ID, why no evidence is needed."""
    with transaction.atomic():
        lock_plan(plan.pk)
        locked = list(Action.objects.select_for_update().filter(pk__in=[a.pk for a in actions]))
        problems: dict[str, str] = {}
        planned = []
        for action in sorted(locked, key=lambda a: a.sort_key):
            reason = reasons.get(action.action_id, "").strip()
            evidence = evidence_seen(action)
            try:
                green = _latest_green(action)
            except NotComplete as refused:
                problems[action.action_id] = str(refused)
                continue
            if completion_of(action) == VERIFIED:
                problems[action.action_id] = (
                    f"the completion of action {action.action_id} is already verified"
                )
                continue
            problem = verification_problem(action.action_id, evidence, reason, plan.require_verified_evidence)
            if problem:
                problems[action.action_id] = problem
            else:
                planned.append((action, green, evidence, reason))
        if problems:
            raise VerificationRefused(problems)
        for action, green, evidence, reason in planned:
            verification = Verification.objects.create(
                action=action,
                status=green,
                outcome=Verification.Outcome.VERIFIED,
                reason="" if evidence else reason,
                actor=actor.name,
                user_id=actor.user_id,
            )
            trail.record(
                action.plan_id,
                actor,
                "verification",
                Change.Kind.CHANGED,
                "completion",
                "Complete, awaiting verification",
                verified_words(evidence, reason),
                action_id=action.pk,
            )
            tell_leads(action, verification)
        statuses_changed(plan.pk, [action.pk for action, *_ in planned])


def verify_completion(action: Action, actor: Actor, reason: str = "") -> None:
    """Verifies one completion: NotComplete says why it cannot be."""
    try:
        verify_completions(action.plan, [action], {action.action_id: reason}, actor)
    except VerificationRefused as refused:
        raise NotComplete(refused.problems[action.action_id]) from None


def send_back(action: Action, reason: str, actor: Actor, today: date) -> StatusRecord:
    """The action returns to Amber, with the reason as its commentary, and the lead sees why."""
    if not reason.strip():
        raise NotComplete("give the reason the completion is sent back, for the action's lead")
    if len(reason.strip()) > LONG_TEXT:
        raise NotComplete(too_long("the reason", LONG_TEXT))
    with transaction.atomic():
        lock_plan(action.plan_id)
        Action.objects.select_for_update().filter(pk=action.pk).first()
        action.refresh_from_db()
        green = _latest_green(action)
        verification = Verification.objects.create(
            action=action,
            status=green,
            outcome=Verification.Outcome.SENT_BACK,
            reason=reason.strip(),
            actor=actor.name,
            user_id=actor.user_id,
        )
        tell_leads(action, verification)
        seen_change = latest_change_id(action)
        commentary = f"Sent back by {actor.name}: {reason.strip()}"
        update = StatusUpdate(RAG.AMBER, commentary, action.revision, seen_change)
        return record_status(action, update, actor, today)
