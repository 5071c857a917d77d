"""The scorecard's service areas and their managers, who receive the weekly performance summary."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from oversight.accounts.models import Membership
from oversight.accounts.people import name_of
from oversight.accounts.roles import Access
from oversight.audit import trail
from oversight.audit.models import Change
from oversight.govuk.forms import error_summary
from oversight.performance.forms.service_areas import ManagerForm
from oversight.performance.models import Indicator, ServiceAreaManager
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page


def _record(request: HttpRequest, plan: Plan, kind: str, manager: ServiceAreaManager) -> None:
    who = manager.user.get_username()
    old, new = ("", who) if kind == Change.Kind.ADDED else (who, "")
    trail.record(
        plan.pk, actor(request), "website", kind, f"service area manager: {manager.service_area}", old, new
    )


@plan_page()
def service_areas(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    indicators = Counter(Indicator.objects.filter(plan=plan).values_list("service_area", flat=True))
    members = {m.user_id: m for m in Membership.objects.filter(plan=plan).select_related("user")}
    people = sorted(((str(pk), name_of(m.user), m.user.email) for pk, m in members.items()), key=_by_name)
    form = ManagerForm(
        request.POST if request.method == "POST" else None, areas=sorted(indicators), people=people
    )
    if form.is_bound and not access.manages:
        raise PermissionDenied("Only an improvement officer or administrator chooses service areas' managers")
    if form.is_valid() and _not_already(plan, form):
        area, person = form.cleaned_data["service_area"], members[int(form.cleaned_data["person"])]
        manager = ServiceAreaManager.objects.create(plan=plan, service_area=area, user=person.user)
        _record(request, plan, Change.Kind.ADDED, manager)
        messages.success(request, f"{name_of(manager.user)} now manages {manager.service_area}.")
        return redirect("service-areas", plan.slug)
    managers: dict[str, list[ServiceAreaManager]] = {area: [] for area in indicators}
    for manager in ServiceAreaManager.objects.filter(plan=plan).select_related("user"):
        managers.setdefault(manager.service_area, []).append(manager)
    return render_plan_page(
        request,
        "performance/service_areas.html",
        plan,
        access,
        "scorecard",
        {
            "crumbs": plan_crumbs(plan, ("Scorecard", reverse("scorecard", args=[plan.slug]))),
            "areas": [
                (area, indicators[area], [(m, name_of(m.user), m.user_id in members) for m in managers[area]])
                for area in sorted(managers)
            ],
            "area_names": sorted(indicators),
            "form": form,
            "form_errors": error_summary(form),
        },
        status=400 if form.errors else 200,
    )


def _by_name(person: tuple[str, str, str]) -> str:
    return person[1].casefold()


def _not_already(plan: Plan, form: ManagerForm) -> bool:
    """False, with the reason on the form, when the person already manages the area."""
    area, person = form.cleaned_data["service_area"], int(form.cleaned_data["person"])
    if ServiceAreaManager.objects.filter(plan=plan, service_area=area, user_id=person).exists():
        form.add_error("person", f"They already manage {area}")
        return False
    return True


@require_POST
@plan_page(lambda access: access.manages)
def remove_manager(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    manager = get_object_or_404(ServiceAreaManager.objects.select_related("user"), plan=plan, pk=pk)
    manager.delete()
    _record(request, plan, Change.Kind.REMOVED, manager)
    messages.success(request, f"{name_of(manager.user)} no longer manages {manager.service_area}.")
    return redirect("service-areas", plan.slug)
