"""Setting up indicators: adding one, and (for officers and analysts) changing its details."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from oversight.accounts.access import plan_page
from oversight.accounts.roles import Access
from oversight.performance.models import Indicator
from oversight.performance.scorecard import Polarity, Unit
from oversight.plans import audit
from oversight.plans.models import Change, Plan
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page

INDICATOR_FIELDS = (
    "name",
    "service_area",
    "definition",
    "unit",
    "polarity",
    "target",
    "tolerance",
    "frequency",
)


def indicator_problems(values: dict[str, str]) -> dict[str, str]:
    problems = {}
    if not values["name"]:
        problems["name"] = "Enter the indicator's name"
    if not values["service_area"]:
        problems["service_area"] = "Enter the service area, for example Safeguarding"
    if values["unit"] not in {u.value for u in Unit}:
        problems["unit"] = "Select the unit"
    if values["polarity"] not in {p.value for p in Polarity}:
        problems["polarity"] = "Select whether higher or lower is better"
    for name in ("target", "tolerance"):
        try:
            if values[name]:
                Decimal(values[name].rstrip("%"))
        except InvalidOperation:
            problems[name] = f"Enter the {name} as a number, for example 90"
    return problems


@plan_page(lambda access: access.can_manage_indicators)
def new_indicator(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    values = {name: "" for name in INDICATOR_FIELDS} | {
        "unit": "percentage",
        "frequency": "monthly",
        "tolerance": "0",
    }
    problems: dict[str, str] = {}
    if request.method == "POST":
        values = {name: request.POST.get(name, "").strip() for name in INDICATOR_FIELDS}
        problems = indicator_problems(values)
        if not problems and Indicator.objects.filter(plan=plan, name=values["name"]).exists():
            problems["name"] = "There is already an indicator with that name"
        if not problems:
            indicator = Indicator.objects.create(
                plan=plan,
                name=values["name"],
                service_area=values["service_area"],
                definition=values["definition"],
                unit=values["unit"],
                polarity=values["polarity"],
                target=Decimal(values["target"].rstrip("%")) if values["target"] else None,
                tolerance=Decimal(values["tolerance"].rstrip("%") or "0"),
                frequency=values["frequency"]
                if values["frequency"] in Indicator.Frequency.values
                else "monthly",
            )
            audit.record(
                plan.pk, actor(request), "website", Change.Kind.ADDED, "indicator", new=indicator.name[:250]
            )
            messages.success(request, f"“{indicator.name}” is on the scorecard.")
            return redirect("indicator", plan.slug, indicator.pk)
    return render_plan_page(
        request,
        "performance/new_indicator.html",
        plan,
        access,
        "scorecard",
        {
            "crumbs": plan_crumbs(plan, ("Scorecard", reverse("scorecard", args=[plan.slug]))),
            "values": values,
            "problems": problems,
            "form_errors": list(problems.items()),
            "units": [u.value for u in Unit],
        },
        status=400 if problems else 200,
    )
