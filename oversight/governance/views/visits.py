"""Ofsted's monitoring visits: when, who, the focus, what they found, and the published letter."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from oversight.accounts.roles import Access
from oversight.audit.models import Change
from oversight.governance.audit import record
from oversight.governance.forms.visits import VisitForm
from oversight.governance.models import MonitoringVisit
from oversight.governance.views.boards import governance_crumbs
from oversight.govuk.forms import error_summary
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.views.common import actor, render_plan_page


@plan_page()
def visits(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    form = VisitForm(request.POST if request.method == "POST" else None)
    if form.is_bound and not access.manages:
        raise Http404
    if form.is_valid():
        visit = MonitoringVisit.objects.create(plan=plan, **form.cleaned_data)
        record(plan, actor(request), Change.Kind.ADDED, "monitoring visit", f"{visit.visited}: {visit.focus}")
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
            "form": form,
            "form_errors": error_summary(form),
        },
        status=400 if form.errors else 200,
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
