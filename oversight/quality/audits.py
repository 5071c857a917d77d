"""Doing an audit, and moderating it: the grades recorded with the tool's version they were given on, a
safeguarding concern sent to the team's manager at once, and the moderated grade kept beside the
auditor's. Each change moves the audit's revision on, and a save from a page that did not see the last
change is refused."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.plans import programme_figures
from oversight.quality.emails import tell_team_manager
from oversight.quality.models import CaseAudit, DomainGrade
from oversight.quality.trail import record


class AuditRefused(Exception):
    """The audit cannot be changed so: the message says why."""


@dataclass(frozen=True)
class Grading:
    domains: Sequence[int]  # each domain's grade, as its place on the scale (0 the best)
    overall: int
    strengths: str
    development: str
    impact: str
    concern: str = ""


def _locked(audit: CaseAudit, seen_revision: int) -> CaseAudit:
    now = (
        CaseAudit.objects.select_for_update()
        .select_related("cohort__tool_version", "cohort__plan")
        .get(pk=audit.pk)
    )
    if now.revision != seen_revision:
        raise AuditRefused(
            "Someone changed this audit after you opened it. What you entered is below: check the audit"
            " as it is now, then save again."
        )
    return now


def _grades_text(audit: CaseAudit) -> str:
    scale = audit.cohort.tool_version.scale
    return "; ".join(f"{g.domain}: {scale.grades[g.rank]}" for g in audit.grades.all())


@transaction.atomic
def complete(audit: CaseAudit, grading: Grading, actor: Actor, seen_revision: int, today: date) -> CaseAudit:
    """Records the auditor's grades (again, until the audit is moderated)."""
    audit = _locked(audit, seen_revision)
    if audit.moderated is not None:
        raise AuditRefused("This audit has been moderated: its grades can no longer be changed")
    version = audit.cohort.tool_version
    scale, domains = version.scale, version.domain_list
    if len(grading.domains) != len(domains) or not all(
        0 <= r < len(scale.grades) for r in [*grading.domains, grading.overall]
    ):
        raise AuditRefused("Grade every domain on the tool's scale")
    plan_id = audit.cohort.plan_id
    old_grades, old_overall = _grades_text(audit), audit.overall_rank
    DomainGrade.objects.filter(audit=audit).delete()
    DomainGrade.objects.bulk_create(
        DomainGrade(audit=audit, position=n, domain=d.name, rank=rank, good=scale.is_good(rank))
        for n, (d, rank) in enumerate(zip(domains, grading.domains, strict=True))
    )
    audit.overall_rank = grading.overall
    audit.overall_good = scale.is_good(grading.overall)
    audit.strengths, audit.development, audit.impact = grading.strengths, grading.development, grading.impact
    first_time = audit.state != CaseAudit.State.COMPLETED
    audit.state = CaseAudit.State.COMPLETED
    audit.completed = audit.completed or today
    concern = grading.concern.strip()
    raised = bool(concern) and audit.concern_raised is None
    if concern != audit.concern.strip() and audit.concern_raised is not None and not concern:
        raise AuditRefused("A safeguarding concern once raised cannot be taken back: add to it instead")
    old_concern = audit.concern
    audit.concern = concern
    if raised:
        audit.concern_raised = timezone.now()
    audit.revision += 1
    audit.save()
    name = f"case audit {audit.pk}"
    new_grades = _grades_text(audit)
    if first_time:
        record(
            plan_id,
            actor,
            Change.Kind.CHANGED,
            f"{name}: completed",
            f"overall {scale.grades[grading.overall]}; {new_grades}",
        )
    else:
        if old_overall != grading.overall:
            record(
                plan_id,
                actor,
                Change.Kind.CHANGED,
                f"{name}: overall grade",
                scale.grades[grading.overall],
                scale.grades[old_overall] if old_overall is not None else "",
            )
        if old_grades != new_grades:
            record(plan_id, actor, Change.Kind.CHANGED, f"{name}: domain grades", new_grades, old_grades)
        if old_concern != concern and not raised:
            record(plan_id, actor, Change.Kind.CHANGED, f"{name}: safeguarding concern", "changed")
    if raised:
        told = tell_team_manager(audit, actor.name)
        record(
            plan_id,
            actor,
            Change.Kind.ADDED,
            f"{name}: immediate safeguarding concern",
            f"raised for {audit.team}"
            + ("; its manager emailed" if told else "; the team has no manager on Oversight to email"),
        )
    programme_figures.changed(plan_id)
    return audit


@transaction.atomic
def moderate(
    audit: CaseAudit, agreed: int, note: str, actor: Actor, user: object, seen_revision: int, today: date
) -> CaseAudit:
    """The moderator's agreed overall grade replaces the auditor's in every figure; both are kept."""
    audit = _locked(audit, seen_revision)
    if audit.state != CaseAudit.State.COMPLETED or audit.overall_rank is None:
        raise AuditRefused("An audit can be moderated only once it is completed")
    if audit.auditor_id is not None and audit.auditor_id == getattr(user, "pk", None):
        raise AuditRefused("An audit is moderated by a second auditor, not by the one who did it")
    scale = audit.cohort.tool_version.scale
    if not 0 <= agreed < len(scale.grades):
        raise AuditRefused("Choose the agreed grade on the tool's scale")
    old = audit.rank_in_force
    audit.agreed_rank = agreed
    audit.overall_good = scale.is_good(agreed)
    audit.moderation_note = note
    audit.moderated = today
    audit.moderator = user  # type: ignore[assignment]
    audit.moderator_name = actor.name
    audit.revision += 1
    audit.save()
    record(
        audit.cohort.plan_id,
        actor,
        Change.Kind.CHANGED,
        f"case audit {audit.pk}: moderated grade",
        scale.grades[agreed],
        scale.grades[old] if old is not None else "",
    )
    programme_figures.changed(audit.cohort.plan_id)
    return audit
