"""Ofsted's recommendations on the website: progress for each, the actions that answer it, dated
updates and impact written by officers, and the committee report to download."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from oversight.accounts.roles import Access
from oversight.audit.models import Change
from oversight.governance.audit import record
from oversight.governance.committee_data import UnknownInspection, committee_report, find_inspection
from oversight.governance.committee_report import GROUPINGS
from oversight.governance.forms.recommendations import AnsweringActionsForm, ProgressUpdateForm
from oversight.governance.models import ProgressUpdate, Recommendation
from oversight.governance.pillars import Pillar
from oversight.governance.render.committee import render_docx, render_html, render_pdf
from oversight.governance.views.boards import governance_crumbs
from oversight.govuk.forms import error_summary
from oversight.plans.access import plan_page
from oversight.plans.action_ids import split_action_ids
from oversight.plans.linked_findings import RECOMMENDATION, findings_about
from oversight.plans.models import Action, Plan
from oversight.plans.paper_style import look_of
from oversight.plans.views.common import actor, render_plan_page, today

# each download: how it is made, and its type
COMMITTEE_DOWNLOADS = {
    "docx": (render_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": (render_pdf, "application/pdf"),
    "html": (render_html, "text/html; charset=utf-8"),
}
FORMAT_NAMES = {"docx": "Word", "pdf": "PDF", "html": "HTML"}


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
            "downloads": [(g, f, FORMAT_NAMES[f]) for g in GROUPINGS for f in COMMITTEE_DOWNLOADS],
        },
    )


@plan_page()
def committee_download(
    request: HttpRequest, plan: Plan, access: Access, grouping: str, fmt: str
) -> HttpResponse:
    if grouping not in GROUPINGS or fmt not in COMMITTEE_DOWNLOADS:
        raise Http404("No such report")
    try:
        report = committee_report(plan.slug, today(), grouping)
    except UnknownInspection as missing:
        raise Http404(str(missing)) from None
    render, content_type = COMMITTEE_DOWNLOADS[fmt]
    response = HttpResponse(render(report, look_of(plan)), content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{plan.slug}-committee-report-by-{grouping}.{fmt}"'
    )
    return response


@plan_page()
def recommendation_page(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    rec = get_object_or_404(Recommendation.objects.select_related("inspection"), inspection__plan=plan, pk=pk)
    answering = AnsweringActionsForm(
        initial={"actions": " ".join(a.action_id for a in rec.actions.order_by("sort_key"))}
    )
    update = ProgressUpdateForm(initial={"as_at": today()})
    if request.method == "POST":
        if not access.manages:
            raise Http404
        if "actions" in request.POST:
            answering = AnsweringActionsForm(request.POST)
            done = answering.is_valid() and _map_actions(request, plan, rec, answering)
        else:
            update = ProgressUpdateForm(request.POST)
            done = update.is_valid() and _add_update(request, plan, rec, update)
        if done:
            return redirect("recommendation", plan.slug, rec.pk)
    progress = committee_report(plan.slug, today(), "theme", rec.inspection.published)
    mine = next(r for r in progress.recommendations if r.number == rec.number)
    refused = bool(answering.errors or update.errors)
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
            "findings": findings_about(rec.pk, RECOMMENDATION),
            "updates": rec.updates.all(),
            "answering": answering,
            "update": update,
            "form_errors": error_summary(answering, update),
        },
        status=400 if refused else 200,
    )


def _map_actions(request: HttpRequest, plan: Plan, rec: Recommendation, form: AnsweringActionsForm) -> bool:
    wanted = split_action_ids(form.cleaned_data["actions"])
    found = dict(Action.objects.filter(plan=plan, action_id__in=wanted).values_list("action_id", "pk"))
    missing = [a for a in wanted if a not in found]
    if missing:
        form.add_error("actions", f"Not in this plan: {', '.join(missing)}. Enter Action IDs such as 5.8.3")
        return False
    before = " ".join(rec.actions.order_by("sort_key").values_list("action_id", flat=True))
    rec.actions.set(found.values())
    after = " ".join(rec.actions.order_by("sort_key").values_list("action_id", flat=True))
    if before != after:
        record(
            plan, actor(request), Change.Kind.CHANGED, f"recommendation {rec.number} actions", after, before
        )
    messages.success(request, f"Recommendation {rec.number} is answered by: {after or 'no actions'}.")
    return True


def _add_update(request: HttpRequest, plan: Plan, rec: Recommendation, form: ProgressUpdateForm) -> bool:
    data = form.cleaned_data
    who = actor(request)
    ProgressUpdate.objects.create(
        recommendation=rec,
        as_at=data["as_at"],
        progress=data["progress"],
        impact=data["impact"],
        actor=who.name,
        user_id=who.user_id,
        source="website",
    )
    record(
        plan,
        who,
        Change.Kind.ADDED,
        f"recommendation {rec.number} update",
        f"{data['as_at']}: {data['progress']}",
    )
    messages.success(request, f"The update at {data['as_at']:%d %B %Y} is recorded.")
    return True
