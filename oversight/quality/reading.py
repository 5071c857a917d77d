"""The programme's audits read as the figures take them (quality/figures.py): one row an audit, and the
domains' grades counted by the database by month, team and domain."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q

from oversight.quality.figures import AuditRow, GradeCount, Share
from oversight.quality.models import CaseAction, CaseAudit, Cohort, DomainGrade, ToolVersion
from oversight.quality.report import DeepDive, Extras
from oversight.quality.summary import Summary, summarise, trend_months


def audit_rows(plan_id: int, first: date, last: date) -> list[AuditRow]:
    """The audits of the plan's cohorts of the months from `first` to `last`."""
    rows = CaseAudit.objects.filter(cohort__plan_id=plan_id, cohort__month__range=(first, last)).values_list(
        "cohort__month",
        "cohort__kind",
        "team",
        "auditor_name",
        "due",
        "completed",
        "overall_good",
        "moderated",
        "overall_rank",
        "agreed_rank",
    )
    return [
        AuditRow(
            month,
            kind,
            team,
            auditor,
            due,
            completed,
            good,
            moderated is not None,
            moderated is not None and agreed is not None and agreed != rank,
        )
        for month, kind, team, auditor, due, completed, good, moderated, rank, agreed in rows
    ]


def grade_counts(plan_id: int, first: date, last: date) -> list[GradeCount]:
    counts = (
        DomainGrade.objects.filter(audit__cohort__plan_id=plan_id, audit__cohort__month__range=(first, last))
        .values_list("audit__cohort__month", "audit__team", "domain")
        .annotate(good=Count("id", filter=Q(good=True)), graded=Count("id"))
        .order_by()
    )
    return [GradeCount(month, team, domain, good, graded) for month, team, domain, good, graded in counts]


def summary(plan_id: int, month: date, day: date) -> Summary:
    months = trend_months(month)
    audits = audit_rows(plan_id, months[0], month)
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
