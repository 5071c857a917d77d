"""The emails an action's events send its leads: a completion sent back (with the board's reason) or
verified. Each is posted in the transaction of the event (notices/sending.py), once per event and lead."""

from __future__ import annotations

from typing import Any

from oversight.accounts.models import Membership
from oversight.accounts.roles import Access, Role
from oversight.notices.kinds import Kind
from oversight.notices.sending import Letter, one_line, post, site_address
from oversight.plans.models import Action, Verification


def leads_of(action: Action) -> list[Any]:
    """The people with the action lead role who answer for the action (its Lead column names them)."""
    members = Membership.objects.filter(plan_id=action.plan_id, role=Role.LEAD, user__is_active=True)
    return [
        m.user
        for m in members.select_related("user").order_by("user__username")
        if Access.of(m.role, m.leads).leads_action(action.lead)
    ]


def _context(action: Action) -> dict[str, object]:
    return {
        "title": one_line(action.plan.title),
        "action_id": action.action_id,
        "key_action": one_line(action.key_action),
        "action_url": site_address("action", action.plan.slug, action.action_id),
        "update_url": site_address("update-status", action.plan.slug, action.action_id),
    }


def tell_leads(action: Action, verification: Verification) -> None:
    """Posts the email of a verification or a sending back to each of the action's leads."""
    sent_back = verification.outcome == Verification.Outcome.SENT_BACK
    kind = Kind.SENT_BACK if sent_back else Kind.VERIFIED
    title = one_line(action.plan.title)
    subject = (
        f"{title}: the completion of action {action.action_id} was sent back"
        if sent_back
        else f"{title}: the completion of action {action.action_id} is verified"
    )
    context = {**_context(action), "by": verification.actor, "reason": verification.reason}
    told = f"sent back: {verification.reason}" if sent_back else "verified"
    post(
        Letter(
            f"{kind}:{verification.pk}:{user.pk}",
            kind,
            action.plan_id,
            user,
            subject,
            "sent_back" if sent_back else "verified",
            context,
            f"action {action.action_id} {told}",
        )
        for user in leads_of(action)
    )
