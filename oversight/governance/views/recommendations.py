"""Ofsted's recommendations on the website: progress for each, the actions that answer it, dated
updates and impact written by officers, and the committee report to download."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from oversight.accounts.roles import Access
from oversight.audit.models import Change
from oversight.governance.audit import record
from oversight.governance.committee_data import UnknownInspection, committee_report, find_inspection
from oversight.governance.committee_report import GROUPINGS
from oversight.governance.models import ProgressUpdate, Recommendation
from oversight.governance.pillars import Pillar
from oversight.governance.render.committee import render_docx, render_html
from oversight.governance.views.boards import governance_crumbs
from oversight.lib.lengths import LONG_TEXT, length_problems
from oversight.plans.access import plan_page
from oversight.plans.action_ids import split_action_ids
from oversight.plans.models import Action, Plan
from oversight.plans.views.common import actor, render_plan_page, today


@plan_page()
def recommendations(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    try:
        inspection = find_inspection(plan, None)
    except UnknownInspection:
        inspection = None
    report = committee_report(plan.slug, today(), "theme", inspection.published) if inspection else None
    ids = dict(inspection.recommendations.values_list("number", "pk")) if inspection else {}
    return render_plan_page(
        request,
        "governance/recommendations.html",
        plan,
        access,
        "governance",
        {
            "crumbs": governance_crumbs(plan),
            "report": report,
            "rows": [
                (rec, ids.get(rec.number), ", ".join(p.label for p in rec.pillars))
                for rec in report.recommendations
            ]
            if report
            else [],
            "downloads": [(g, f) for g in GROUPINGS for f in ("docx", "html")],
        },
    )


@plan_page()
def committee_download(
    request: HttpRequest, plan: Plan, access: Access, grouping: str, fmt: str
) -> HttpResponse:
    if grouping not in GROUPINGS or fmt not in {"docx", "html"}:
        raise Http404("No such report")
    try:
        report = committee_report(plan.slug, today(), grouping)
    except UnknownInspection as missing:
        raise Http404(str(missing)) from None
    if fmt == "docx":
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        response = HttpResponse(render_docx(report), content_type=content_type)
    else:
        response = HttpResponse(render_html(report), content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{plan.slug}-committee-report-by-{grouping}.{fmt}"'
    )
    return response


@plan_page()
def recommendation_page(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    rec = get_object_or_404(Recommendation.objects.select_related("inspection"), inspection__plan=plan, pk=pk)
    problems: dict[str, str] = {}
    values = {
        "actions": " ".join(a.action_id for a in rec.actions.order_by("sort_key")),
        "as_at": str(today()),
        "progress": "",
        "impact": "",
    }
    if request.method == "POST":
        if not access.manages:
            raise Http404
        if "actions" in request.POST:
            values["actions"] = request.POST.get("actions", "")
            problems = _map_actions(request, plan, rec, values["actions"])
        else:
            values.update({k: request.POST.get(k, "").strip() for k in ("as_at", "progress", "impact")})
            problems = _add_update(request, plan, rec, values)
        if not problems:
            return redirect("recommendation", plan.slug, rec.pk)
    progress = committee_report(plan.slug, today(), "theme", rec.inspection.published)
    mine = next(r for r in progress.recommendations if r.number == rec.number)
    return render_plan_page(
        request,
        "governance/recommendation.html",
        plan,
        access,
        "governance",
        {
            "crumbs": governance_crumbs(
                plan, ("Recommendations", reverse("recommendations", args=[plan.slug]))
            ),
            "rec": rec,
            "progress": mine,
            "pillars": [Pillar(p).label for p in rec.pillars],
            "actions": rec.actions.order_by("sort_key"),
            "indicators": mine.indicators,
            "updates": rec.updates.all(),
            "values": values,
            "problems": problems,
            "form_errors": list(problems.items()),
        },
        status=400 if problems else 200,
    )


def _map_actions(request: HttpRequest, plan: Plan, rec: Recommendation, text: str) -> dict[str, str]:
    wanted = split_action_ids(text)
    found = dict(Action.objects.filter(plan=plan, action_id__in=wanted).values_list("action_id", "pk"))
    missing = [a for a in wanted if a not in found]
    if missing:
        return {"actions": f"Not in this plan: {', '.join(missing)}. Enter Action IDs such as 5.8.3"}
    before = " ".join(rec.actions.order_by("sort_key").values_list("action_id", flat=True))
    rec.actions.set(found.values())
    after = " ".join(rec.actions.order_by("sort_key").values_list("action_id", flat=True))
    if before != after:
        record(
            plan, actor(request), Change.Kind.CHANGED, f"recommendation {rec.number} actions", after, before
        )
    messages.success(request, f"Recommendation {rec.number} is answered by: {after or 'no actions'}.")
    return {}


def _add_update(
    request: HttpRequest, plan: Plan, rec: Recommendation, values: dict[str, str]
) -> dict[str, str]:
    problems = length_problems(
        values, {"progress": ("The progress made", LONG_TEXT), "impact": ("The impact seen", LONG_TEXT)}
    )
    try:
        as_at = date.fromisoformat(values["as_at"])
    except ValueError:
        problems["as_at"] = "Enter the date of the update as YYYY-MM-DD, for example 2017-12-31"
    if not values["progress"] and not values["impact"]:
        problems["progress"] = "Enter the progress made, the impact seen, or both"
    if problems:
        return problems
    who = actor(request)
    ProgressUpdate.objects.create(
        recommendation=rec,
        as_at=as_at,
        progress=values["progress"],
        impact=values["impact"],
        actor=who.name,
        user_id=who.user_id,
        source="website",
    )
    record(
        plan, who, Change.Kind.ADDED, f"recommendation {rec.number} update", f"{as_at}: {values['progress']}"
    )
    messages.success(request, f"The update at {as_at:%d %B %Y} is recorded.")
    return {}
