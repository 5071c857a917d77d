"""The plan's settings page: the council's own rules, for its administrators."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from oversight.accounts.roles import Access
from oversight.govuk.forms import error_summary
from oversight.plans.access import plan_page
from oversight.plans.forms.settings import PlanSettingsForm
from oversight.plans.models import Plan
from oversight.plans.plan_settings import change_settings
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page


@plan_page(lambda access: access.can_change_settings)
def plan_settings(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    form = PlanSettingsForm(request.POST if request.method == "POST" else None, plan=plan)
    if form.is_valid():
        changed = change_settings(plan, form.wanted(), actor(request))
        messages.success(request, "The settings are saved." if changed else "No setting was changed.")
        return redirect("plan-settings", plan.slug)
    return render_plan_page(
        request,
        "plans/settings.html",
        plan,
        access,
        "plan-settings",
        {"crumbs": plan_crumbs(plan), "form": form, "form_errors": error_summary(form)},
        status=400 if form.errors else 200,
    )
