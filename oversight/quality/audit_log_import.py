"""Imports a council's existing case audit log: all or nothing, each audit in the audit trail, into a
cohort of its month and kind marked as imported. A second import of the same audits is refused (each
child's audit of a month and kind is already on Oversight), so a file is never counted twice."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from oversight.accounts.models import Membership
from oversight.accounts.people import name_of
from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.months import month_name
from oversight.lib.problems import ImportFailed, Problem
from oversight.plans import programme_figures
from oversight.plans.models import Plan
from oversight.plans.revisions import plan_changed
from oversight.plans.uploads import PendingImport
from oversight.quality.audit_log_file import AuditLog, LoggedAudit, Tool, read_audit_log
from oversight.quality.models import AuditTool, CaseAudit, Cohort, DomainGrade
from oversight.quality.trail import SOURCE


@dataclass
class AuditLogImportSummary:
    plan: str
    file: str
    title: str = ""
    audits: int = 0
    completed: int = 0
    moderated: int = 0
    cohorts: list[str] = field(default_factory=list)

    def lines(self, done: bool = True) -> list[str]:
        into = f"case audits into '{self.title or self.plan}' from {self.file}:"
        return [
            f"{'Imported' if done else 'Will import'} {into}",
            f"  case audits: {self.audits} ({self.completed} completed, {self.moderated} moderated)",
            *(f"  {'into' if done else 'in'} the cohort {name}" for name in self.cohorts),
        ]


def _tools(plan: Plan) -> dict[str, Tool]:
    found = {}
    for tool in AuditTool.objects.filter(plan=plan).prefetch_related("versions"):
        latest = max(tool.versions.all(), key=lambda v: v.number)
        found[tool.name] = Tool(latest.pk, tool.name, latest.scale, latest.domain_list)
    return found


def _people(plan: Plan) -> dict[str, Any]:
    """The plan's people by their full name and their username, compared without regard to case."""
    people: dict[str, Any] = {}
    for membership in Membership.objects.filter(plan=plan).select_related("user"):
        user = membership.user
        for name in (user.get_full_name(), user.get_username()):
            if name:
                people.setdefault(" ".join(name.split()).casefold(), user)
    return people


def import_audit_log(path: Path, slug: str, actor: Actor, sheet: str | None = None) -> AuditLogImportSummary:
    plan = Plan.objects.filter(slug=slug).first()
    if plan is None:
        raise ImportFailed([Problem(path.name, f"there is no plan '{slug}'")])
    recorded = {
        (month, kind, ref.casefold())
        for month, kind, ref in CaseAudit.objects.filter(cohort__plan=plan).values_list(
            "cohort__month", "cohort__kind", "case_ref"
        )
    }
    log = read_audit_log(path, _tools(plan), recorded, sheet)
    with transaction.atomic():
        summary = _apply(plan, log, actor)
        programme_figures.changed(plan.pk)
    return summary


def _apply(plan: Plan, log: AuditLog, actor: Actor) -> AuditLogImportSummary:
    summary = AuditLogImportSummary(plan.slug, log.file, plan.title, audits=len(log.audits))
    people = _people(plan)
    groups: dict[tuple[date, str, int], list[LoggedAudit]] = defaultdict(list)
    for logged in log.audits:
        groups[(logged.month, logged.kind, logged.tool.version_id)].append(logged)
    source = f"{SOURCE} import: {log.file}"
    changes: list[Change] = []

    def added(field: str, new: str) -> Change:
        return trail.change(plan.pk, actor, source, Change.Kind.ADDED, field, "", new)

    for (month, kind, version_id), audits in sorted(groups.items()):
        label = dict(Cohort.Kind.choices)[kind]
        cohort = Cohort.objects.create(
            plan=plan,
            kind=kind,
            month=month,
            title=f"{label}, {month_name(month)} (imported)",
            tool_version_id=version_id,
            chosen=f"imported from {log.file}"[:500],
        )
        summary.cohorts.append(f"{cohort.title}: {len(audits)} audits")
        made = CaseAudit.objects.bulk_create(_audit(cohort, logged, people) for logged in audits)
        grades = []
        for audit, logged in zip(made, audits, strict=True):
            scale, domains = logged.tool.scale, logged.tool.domains
            if logged.completed is not None:  # an audit not yet done has no grades
                grades += [
                    DomainGrade(audit=audit, position=n, domain=d.name, rank=rank, good=scale.is_good(rank))
                    for n, (d, rank) in enumerate(zip(domains, logged.domains, strict=True))
                ]
            summary.completed += logged.completed is not None
            summary.moderated += logged.agreed is not None
            changes.append(added(f"case audit {audit.pk}", _described(logged)))
        DomainGrade.objects.bulk_create(grades)
        changes.append(added("audit cohort", f"{cohort.title}: {len(audits)} cases"))
    trail.save(changes)
    plan_changed(plan.pk)  # changes saved in bulk move no revision: the import moves the plan's once
    return summary


def _audit(cohort: Cohort, logged: LoggedAudit, people: dict[str, Any]) -> CaseAudit:
    scale = logged.tool.scale
    in_force = logged.agreed if logged.agreed is not None else logged.overall
    return CaseAudit(
        cohort=cohort,
        case_ref=logged.case,
        team=logged.team,
        worker=logged.worker,
        auditor=people.get(logged.auditor.casefold()),
        auditor_name=name_of(found) if (found := people.get(logged.auditor.casefold())) else logged.auditor,
        agency=logged.agency,
        due=logged.due,
        state=CaseAudit.State.COMPLETED if logged.completed else CaseAudit.State.ASSIGNED,
        completed=logged.completed,
        overall_rank=logged.overall,
        overall_good=scale.is_good(in_force) if in_force is not None else None,
        strengths=logged.strengths,
        development=logged.development,
        impact=logged.impact,
        moderator=people.get(logged.moderator.casefold()) if logged.moderator else None,
        moderator_name=logged.moderator,
        moderated=logged.moderated,
        agreed_rank=logged.agreed,
    )


def _described(logged: LoggedAudit) -> str:
    """The audit as the audit log keeps it: its dates and grades, never the child's ID."""
    grades = logged.tool.scale.grades
    if logged.completed is None:
        return f"{logged.team}, due {logged.due:%-d %B %Y}, not yet done"
    said = (
        [f"{logged.team}, completed {logged.completed:%-d %B %Y}", f"overall {grades[logged.overall]}"]
        if logged.overall is not None
        else [f"{logged.team}"]
    )
    said += [f"{d.name}: {grades[r]}" for d, r in zip(logged.tool.domains, logged.domains, strict=True)]
    if logged.agreed is not None:
        said.append(f"moderated by {logged.moderator}: {grades[logged.agreed]}")
    return "; ".join(said)


def import_uploaded(pending: PendingImport, slug: str, actor: Actor) -> AuditLogImportSummary:
    """An audit log uploaded on the quality assurance import page (plans/uploads.py)."""
    return import_audit_log(pending.path, slug, actor, sheet=pending.sheet)
