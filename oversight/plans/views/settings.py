"""The plan's settings page: the council's own rules, for its administrators."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from oversight.accounts.roles import Access
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.plan_settings import SETTINGS, change_settings
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page


@plan_page(lambda access: access.can_change_settings)
def plan_settings(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    if request.method == "POST":
        chosen = set(request.POST.getlist("setting"))
        changed = change_settings(plan, {name: name in chosen for name in SETTINGS}, actor(request))
        messages.success(request, "The settings are saved." if changed else "No setting was changed.")
        return redirect("plan-settings", plan.slug)
    return render_plan_page(
        request,
        "plans/settings.html",
        plan,
        access,
        "plan-settings",
        {
            "crumbs": plan_crumbs(plan),
            "settings": [
                (name, label, hint, getattr(plan, name)) for name, (label, hint) in SETTINGS.items()
            ],
        },
    )
