"""The programme's audits read as the figures take them (quality/figures.py): one row an audit, and the
domains' grades counted by the database by month, team and domain."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q

from oversight.plans.kept import kept_at
from oversight.plans.models import Plan
from oversight.quality.figures import AuditCount, GradeCount, Share, Tally
from oversight.quality.models import CaseAction, CaseAudit, Cohort, DomainGrade, ToolVersion
from oversight.quality.report import DeepDive, Extras
from oversight.quality.summary import Summary, summarise, trend_months


def audit_counts(plan_id: int, first: date, last: date, day: date) -> list[AuditCount]:
    """The audits of the plan's cohorts of the months from `first` to `last`, counted as at `day` by
    month, kind, team and auditor (figures.counted, made by the database)."""
    done, not_done = Q(completed__isnull=False), Q(completed__isnull=True)
    moderated = Q(moderated__isnull=False)
    rows = (
        CaseAudit.objects.filter(cohort__plan_id=plan_id, cohort__month__range=(first, last))
        .values_list("cohort__month", "cohort__kind", "team", "auditor_name")
        # named n_…, not as the model's fields (due, moderated), which the filters refer to
        .annotate(
            n_planned=Count("id"),
            n_done=Count("id", filter=done),
            n_on_time=Count("id", filter=done & Q(completed__lte=F("due"), due__lte=day)),
            n_overdue=Count("id", filter=not_done & Q(due__lt=day)),
            n_due=Count("id", filter=Q(due__lte=day)),
            n_good=Count("id", filter=Q(overall_good=True)),
            n_graded=Count("id", filter=Q(overall_good__isnull=False)),
            n_moderated=Count("id", filter=moderated),
            n_changed=Count(
                "id", filter=moderated & Q(agreed_rank__isnull=False) & ~Q(agreed_rank=F("overall_rank"))
            ),
        )
        .order_by()
    )
    return [
        AuditCount(month, kind, team, auditor, Tally(*tally)) for month, kind, team, auditor, *tally in rows
    ]


def grade_counts(plan_id: int, first: date, last: date) -> list[GradeCount]:
    counts = (
        DomainGrade.objects.filter(audit__cohort__plan_id=plan_id, audit__cohort__month__range=(first, last))
        .values_list("audit__cohort__month", "audit__team", "domain")
        .annotate(good=Count("id", filter=Q(good=True)), graded=Count("id"))
        .order_by()
    )
    return [GradeCount(month, team, domain, good, graded) for month, team, domain, good, graded in counts]


@dataclass(frozen=True)
class ProgrammeMonth:
    """A month of the programme as its page and its report show it."""

    summary: Summary
    extras: Extras
    cohorts: tuple[tuple[int, str, str], ...]  # the month's cohorts: id, title, kind


def programme_month(plan: Plan, month: date, day: date) -> ProgrammeMonth:
    """Kept in the shared cache for the plan's revision, which every change to the programme moves on
    (each is recorded in its audit trail), and the day."""
    key = f"quality-month:{plan.pk}:{plan.created.timestamp()}:{month.isoformat()}:{day.isoformat()}"
    return kept_at(key, plan.revision, lambda: _programme_month(plan.pk, month, day))


def summary(plan: Plan, month: date, day: date) -> Summary:
    return programme_month(plan, month, day).summary


def _programme_month(plan_id: int, month: date, day: date) -> ProgrammeMonth:
    cohorts = Cohort.objects.filter(plan_id=plan_id, month=month).order_by("title")
    return ProgrammeMonth(
        _summary(plan_id, month, day),
        extras(plan_id, month, day),
        tuple((c.pk, c.title, c.get_kind_display()) for c in cohorts),
    )


def _summary(plan_id: int, month: date, day: date) -> Summary:
    months = trend_months(month)
    audits = audit_counts(plan_id, months[0], month, day)
    grades = grade_counts(plan_id, months[0], month)
    latest = (
        ToolVersion.objects.filter(cohorts__plan_id=plan_id, cohorts__month__lte=month)
        .order_by("-cohorts__month", "-number")
        .values_list("domains", flat=True)
        .first()
    )
    return summarise(month, day, audits, grades, [d["name"] for d in latest or []])


def extras(plan_id: int, month: date, day: date) -> Extras:
    """This month's deep dives with their findings, the concerns its audits raised, and the case actions
    open (and overdue) across every month."""
    dives = []
    for cohort in Cohort.objects.filter(plan_id=plan_id, month=month, kind=Cohort.Kind.DEEP_DIVE).order_by(
        "title"
    ):
        rows = list(cohort.audits.values_list("state", "overall_good"))
        graded = [good for _, good in rows if good is not None]
        dives.append(
            DeepDive(
                cohort.title,
                cohort.get_kind_display(),
                cohort.question,
                cohort.report,
                len(rows),
                sum(1 for state, _ in rows if state == CaseAudit.State.COMPLETED),
                Share(sum(graded), len(graded)),
            )
        )
    audits = CaseAudit.objects.filter(cohort__plan_id=plan_id)
    open_actions = CaseAction.objects.filter(audit__cohort__plan_id=plan_id, done__isnull=True)
    return Extras(
        tuple(dives),
        audits.filter(cohort__month=month, concern_raised__isnull=False).count(),
        open_actions.count(),
        open_actions.filter(due__lt=day).count(),
    )
