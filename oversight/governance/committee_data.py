"""Loads the committee progress report from the database in a fixed number of queries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.db.models import Prefetch

from oversight.governance.committee_report import (
    CommitteeReport,
    LinkedAction,
    RecommendationProgress,
    compute,
)
from oversight.governance.models import Inspection, ProgressUpdate
from oversight.governance.pillars import Pillar
from oversight.lib.months import month_of
from oversight.plans import paper_appendices
from oversight.plans.linked_measures import RECOMMENDATION, linked_measures
from oversight.plans.models import RAG, Action, Plan
from oversight.plans.report_data import UnknownPlan, latest_status_on


class UnknownInspection(LookupError):
    pass


def find_inspection(plan: Plan, published: date | None) -> Inspection:
    inspections = plan.inspections.all()
    found = inspections.filter(published=published).first() if published else inspections.first()
    if found is None:
        when = f" published {published:%d %B %Y}" if published else ""
        raise UnknownInspection(
            f"plan '{plan.slug}' has no inspection{when}: import its recommendations first"
        )
    return found


def committee_report(
    slug: str, as_at: date, grouping: str = "theme", published: date | None = None
) -> CommitteeReport:
    plan = Plan.objects.filter(slug=slug).first()
    if plan is None:
        raise UnknownPlan(f"there is no plan '{slug}'")
    inspection = find_inspection(plan, published)
    recommendations = list(
        inspection.recommendations.prefetch_related(
            Prefetch("actions", queryset=Action.objects.order_by("sort_key")),
            Prefetch(
                "updates",
                queryset=ProgressUpdate.objects.filter(as_at__lte=as_at).order_by("-as_at", "-id"),
                to_attr="dated_updates",
            ),
        )
    )
    linked = {action.pk for rec in recommendations for action in rec.actions.all()}
    rags = dict(
        Action.objects.filter(pk__in=linked)
        .annotate(rag=latest_status_on(as_at, "rag"))
        .values_list("pk", "rag")
    )
    indicators = linked_measures([rec.pk for rec in recommendations], as_at, about=RECOMMENDATION)
    month = month_of(as_at)
    rows = []
    for rec in recommendations:
        update = rec.dated_updates[0] if rec.dated_updates else None  # type: ignore[attr-defined]
        actions = tuple(
            LinkedAction(a.action_id, rags.get(a.pk), a.last_month < month and rags.get(a.pk) != RAG.GREEN)
            for a in rec.actions.all()
        )
        rows.append(
            RecommendationProgress(
                number=rec.number,
                text=rec.text,
                theme=rec.theme,
                pillars=tuple(Pillar(code) for code in rec.pillars),
                actions=actions,
                update_as_at=update.as_at if update else None,
                progress=update.progress if update else "",
                impact=update.impact if update else "",
                indicators=tuple(indicators.get(rec.pk, ())),
            )
        )
    report = compute(plan.title, plan.council, str(inspection), as_at, rows, grouping)
    return replace(report, appendices=paper_appendices.appendices(plan.pk, plan.appendices, as_at))
