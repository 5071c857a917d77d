"""Teams whose cases are audited, and their managers (told at once of a safeguarding concern)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from oversight.accounts.people import choices, name_of, people_in
from oversight.accounts.roles import Access
from oversight.audit.models import Change
from oversight.govuk.forms import error_summary
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.views.common import actor, render_plan_page
from oversight.quality.forms import TeamForm
from oversight.quality.models import Team
from oversight.quality.trail import record
from oversight.quality.views.common import CURRENT, quality_crumbs, runs_programme


@plan_page(runs_programme)
def teams(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    people = people_in(plan.pk)
    form = TeamForm(request.POST if request.method == "POST" else None, people=choices(people))
    if form.is_valid():
        name, manager = form.cleaned_data["name"], people.get(form.cleaned_data["manager"])
        team = Team.objects.filter(plan=plan, name__iexact=name).select_related("manager").first()
        new = name_of(manager) if manager else "no manager"
        if team is None:
            Team.objects.create(plan=plan, name=name, manager=manager)
            record(plan.pk, actor(request), Change.Kind.ADDED, f"team {name}", new)
            messages.success(request, f"{name} is added.")
        else:
            old = name_of(team.manager) if team.manager else "no manager"
            team.manager = manager
            team.save(update_fields=["manager"])
            record(plan.pk, actor(request), Change.Kind.CHANGED, f"team {team.name}: manager", new, old)
            messages.success(request, f"{team.name}'s manager is now {new}.")
        return redirect("qa-teams", plan.slug)
    return render_plan_page(
        request,
        "quality/teams.html",
        plan,
        access,
        CURRENT,
        {
            "crumbs": quality_crumbs(plan),
            "teams": Team.objects.filter(plan=plan).select_related("manager"),
            "form": form,
            "form_errors": error_summary(form),
        },
        status=400 if form.errors else 200,
    )
