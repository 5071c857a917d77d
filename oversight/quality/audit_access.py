"""Who may open an audit's case detail (personal data): the quality assurance lead, the audit's auditor
and moderator, the owner of a case action it set, and, once it has raised a safeguarding concern, the
manager of the case's team."""

from __future__ import annotations

from typing import Any

from oversight.accounts.roles import Access
from oversight.quality.models import CaseAction, CaseAudit, Team


def sees_audit(access: Access, user: Any, audit: CaseAudit) -> bool:
    if access.runs_quality_assurance:
        return True
    if user.pk is not None and user.pk in {audit.auditor_id, audit.moderator_id}:
        return True
    if CaseAction.objects.filter(audit=audit, owner_id=user.pk).exists():
        return True
    if audit.concern_raised is None:
        return False
    return Team.objects.filter(
        plan_id=audit.cohort.plan_id, name__iexact=audit.team, manager_id=user.pk
    ).exists()


def does_audit(user: Any, audit: CaseAudit) -> bool:
    """Its auditor, who grades it until it is moderated."""
    return audit.auditor_id is not None and audit.auditor_id == user.pk


def moderates(access: Access, user: Any, audit: CaseAudit) -> bool:
    """The second auditor given it to moderate, or the quality assurance lead (who did not do it)."""
    if does_audit(user, audit):
        return False
    return access.runs_quality_assurance or (audit.moderator_id is not None and audit.moderator_id == user.pk)


def sets_case_actions(access: Access, user: Any, audit: CaseAudit) -> bool:
    return access.runs_quality_assurance or does_audit(user, audit)
