"""The kinds of email Oversight sends, who may turn each off, and who may not. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from oversight.accounts.roles import Role


class Kind(StrEnum):
    RETURN_REMINDER = "return-reminder"
    MISSING_RETURNS = "missing-returns"
    SENT_BACK = "sent-back"
    VERIFIED = "verified"
    TASK_SET = "task-set"
    TASK_OVERDUE = "task-overdue"
    CHANGE_REQUESTED = "change-requested"
    CHANGE_DECIDED = "change-decided"
    INVITATION = "invitation"
    AUDIT_ASSIGNED = "audit-assigned"
    AUDIT_OVERDUE = "audit-overdue"
    AUDIT_CONCERN = "audit-concern"


@dataclass(frozen=True)
class KindOfEmail:
    kind: Kind
    label: str  # as the "Your emails" page names it
    about: str
    required_for: frozenset[Role]  # a person with one of these roles in a plan cannot turn it off
    choosable: bool = True  # False: nobody chooses it (an invitation goes to someone not yet signed in)


KINDS = {
    k.kind: k
    for k in (
        KindOfEmail(
            Kind.RETURN_REMINDER,
            "Monthly return reminders",
            "The actions you lead that still need this month's update, on the plan's reminder day and "
            "again before the return date.",
            frozenset({Role.LEAD}),
        ),
        KindOfEmail(
            Kind.MISSING_RETURNS,
            "Missing monthly returns",
            "After the return date, the leads who have not updated their actions, and which actions.",
            frozenset({Role.OFFICER}),
        ),
        KindOfEmail(
            Kind.SENT_BACK,
            "A completion sent back",
            "When an action you lead is sent back rather than verified as complete, with the reason.",
            frozenset({Role.LEAD}),
        ),
        KindOfEmail(
            Kind.VERIFIED,
            "A completion verified",
            "When an action you lead is verified as complete.",
            frozenset(),
        ),
        KindOfEmail(
            Kind.TASK_SET,
            "A remedial task set for you",
            "When a board sets a remedial task that you own.",
            frozenset(Role),
        ),
        KindOfEmail(
            Kind.TASK_OVERDUE,
            "A remedial task overdue",
            "When a remedial task that you own passes its due date and is still open.",
            frozenset(),
        ),
        KindOfEmail(
            Kind.CHANGE_REQUESTED,
            "A revised timescale or withdrawal to decide",
            "When someone asks for an action's timescale to be revised, or for it to be withdrawn.",
            frozenset({Role.OFFICER}),
        ),
        KindOfEmail(
            Kind.CHANGE_DECIDED,
            "A decision on a revised timescale or withdrawal",
            "When a request you made, or one about an action you lead, is approved or refused.",
            frozenset({Role.LEAD}),
        ),
        KindOfEmail(
            Kind.AUDIT_ASSIGNED,
            "Case audits given to you",
            "When cases are given to you to audit or to moderate, with their due dates.",
            frozenset({Role.AUDITOR}),
        ),
        KindOfEmail(
            Kind.AUDIT_OVERDUE,
            "Case audits overdue",
            "Once, when case audits given to you pass their due date and are not yet done.",
            frozenset({Role.AUDITOR}),
        ),
        KindOfEmail(
            Kind.AUDIT_CONCERN,
            "A safeguarding concern from a case audit",
            "At once, when an audit of a case in a team you manage raises an immediate safeguarding concern.",
            frozenset(Role),
        ),
        KindOfEmail(Kind.INVITATION, "An invitation", "A link to choose a password.", frozenset(), False),
    )
}
CHOOSABLE = [k for k in KINDS.values() if k.choosable]


def required(kind: Kind, roles: Iterable[Role]) -> bool:
    """Whether a person with these roles (one per plan) must have this kind of email."""
    about = KINDS[kind]
    return not about.choosable or bool(about.required_for & set(roles))


def wanted(kind: Kind, roles: Iterable[Role], choice: bool | None) -> bool:
    """Whether to send it: what the role requires, else the person's choice (yes unless they said no)."""
    return required(kind, roles) or choice is not False
