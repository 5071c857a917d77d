"""Ofsted's monitoring visits: when, who, the focus, what they found, and the published letter."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from oversight.accounts.roles import Access
from oversight.audit.models import Change
from oversight.governance.audit import record
from oversight.governance.models import MonitoringVisit
from oversight.governance.views.boards import governance_crumbs
from oversight.lib.lengths import LONG_TEXT, length_problems, limit_of
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.views.common import actor, render_plan_page

FIELDS = ("visited", "inspectors", "focus", "findings", "letter_url")


def visit_problems(values: dict[str, str]) -> dict[str, str]:
    problems = length_problems(
        values,
        {
            "inspectors": ("The inspectors' names", limit_of(MonitoringVisit, "inspectors")),
            "focus": ("What the visit looked at", LONG_TEXT),
            "findings": ("The findings", LONG_TEXT),
            "letter_url": ("The letter's address", limit_of(MonitoringVisit, "letter_url")),
        },
    )
    try:
        date.fromisoformat(values["visited"])
    except ValueError:
        problems["visited"] = "Enter the date of the visit as YYYY-MM-DD"
    if not values["inspectors"]:
        problems["inspectors"] = "Enter the inspectors' names"
    if not values["focus"]:
        problems["focus"] = "Enter what the visit looked at"
    if values["letter_url"] and not values["letter_url"].startswith(("https://", "http://")):
        problems.setdefault("letter_url", "Enter the letter's address, starting https://")
    return problems


@plan_page()
def visits(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    values = dict.fromkeys(FIELDS, "")
    problems: dict[str, str] = {}
    if request.method == "POST":
        if not access.manages:
            raise Http404
        values = {name: request.POST.get(name, "").strip() for name in FIELDS}
        problems = visit_problems(values)
        if not problems:
            visit = MonitoringVisit.objects.create(
                plan=plan, **{**values, "visited": date.fromisoformat(values["visited"])}
            )
            record(
                plan, actor(request), Change.Kind.ADDED, "monitoring visit", f"{visit.visited}: {visit.focus}"
            )
            messages.success(request, f"The monitoring visit of {visit.visited:%d %B %Y} is recorded.")
            return redirect("visit", plan.slug, visit.pk)
    return render_plan_page(
        request,
        "governance/visits.html",
        plan,
        access,
        "governance",
        {
            "crumbs": governance_crumbs(plan),
            "visits": plan.monitoring_visits.all(),
            "values": values,
            "problems": problems,
            "form_errors": list(problems.items()),
        },
        status=400 if problems else 200,
    )


@plan_page()
def visit_page(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    visit = get_object_or_404(MonitoringVisit, plan=plan, pk=pk)
    return render_plan_page(
        request,
        "governance/visit.html",
        plan,
        access,
        "governance",
        {
            "crumbs": governance_crumbs(plan, ("Monitoring visits", reverse("visits", args=[plan.slug]))),
            "visit": visit,
        },
    )
