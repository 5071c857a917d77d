"""Loads what the exception report needs from the register, in a fixed number of queries."""

from __future__ import annotations

from datetime import date

from django.db.models import OuterRef, Subquery

from oversight.lib.months import last_day
from oversight.plans.exception_report import ExceptionReport, ReportAction, compute, report_months
from oversight.plans.models import Action, Plan, StatusRecord


class UnknownPlan(LookupError):
    pass


def latest_status_on(day: date, field: str) -> Subquery:
    """The given field of an action's latest status recorded on or before `day`."""
    return Subquery(
        StatusRecord.objects.filter(action=OuterRef("pk"), as_at__lte=day)
        .order_by("-as_at", "-id")
        .values(field)[:1]
    )


def latest_status(month: date, field: str) -> Subquery:
    """The given field of an action's latest status recorded in or before `month`."""
    return latest_status_on(last_day(month), field)


def report_actions(plan: Plan, as_at: date, months: int) -> list[ReportAction]:
    month = as_at.replace(day=1)
    needed = report_months(month, months)
    annotations = {f"rag_{i}": latest_status(m, "rag") for i, m in enumerate(needed)}
    rows = (
        Action.objects.filter(plan=plan, in_plan=True)
        .annotate(
            **annotations,
            commentary=latest_status(month, "commentary"),
            latest_update=latest_status(month, "month"),
        )
        .values(
            "action_id",
            "priority__number",
            "key_action",
            "lead",
            "agencies",
            "timescale",
            "first_month",
            "last_month",
            "commentary",
            "latest_update",
            *annotations,
        )
    )
    return [
        ReportAction(
            action_id=row["action_id"],
            priority=row["priority__number"],
            key_action=row["key_action"],
            lead=row["lead"],
            agencies=row["agencies"],
            timescale=row["timescale"],
            first_month=row["first_month"],
            last_month=row["last_month"],
            rag_by_month={m: row[f"rag_{i}"] for i, m in enumerate(needed)},
            commentary=row["commentary"] or "",
            latest_update=row["latest_update"],
        )
        for row in rows
    ]


def exception_report(slug: str, as_at: date, months: int = 3) -> ExceptionReport:
    plan = Plan.objects.filter(slug=slug).first()
    if plan is None:
        raise UnknownPlan(f"there is no plan '{slug}'")
    priorities = dict(plan.priorities.values_list("number", "title"))
    return compute(
        plan=plan.slug,
        title=plan.title,
        council=plan.council,
        as_at=as_at,
        priorities=priorities,
        actions=report_actions(plan, as_at, months),
        months=months,
        period_start=plan.started,
    )
