"""Caseloads from the latest Annex A extract against the plan's caseload policy, and the policy:
its bands per team type and the types named for teams whose names do not tell them."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from oversight.accounts.roles import Access
from oversight.annex_a.bands import DEFAULT_POLICY, Band
from oversight.annex_a.caseloads import NO_TEAM, team_loads, team_type, worker_loads
from oversight.annex_a.extracts import extract_as_at, loaded_extracts
from oversight.govuk.forms import error_summary
from oversight.lib.months import parse_iso_date
from oversight.performance.annex_a_engine import annex_a_engine
from oversight.performance.caseload_chart import caseload_chart, caseload_summary, team_state
from oversight.performance.caseload_policy import (
    add_band,
    change_band,
    name_team_type,
    named_team_types,
    plan_policy,
    remove_band,
)
from oversight.performance.forms.caseloads import BandChangeForm, BandForm, TeamTypeForm
from oversight.performance.forms.extracts import extract_choice
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page


@plan_page()
def caseloads(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    engine = annex_a_engine()
    extracts = loaded_extracts(engine, plan.council)
    context: dict[str, Any] = {"crumbs": plan_crumbs(plan), "extracts": extracts}
    if extracts:
        chosen = extracts[0]
        if "as_at" in request.GET:
            named_extract = extract_as_at(extracts, parse_iso_date(request.GET["as_at"]))
            if named_extract is None:
                raise Http404("No extract of that date is loaded")
            chosen = named_extract
        policy, named = plan_policy(plan), named_team_types(plan)
        workers = worker_loads(engine, plan.council, chosen.as_at, policy=policy, named=named)
        teams = team_loads(workers)
        context |= {
            "chosen": chosen,
            "extract_form": extract_choice(extracts, chosen),
            "default_policy": policy is DEFAULT_POLICY,
            "teams": [(t, team_type(t.team, named), team_state(t)) for t in teams],
            "chart": caseload_chart(teams),
            "summary": caseload_summary(teams, workers),
            "above": [w for w in workers if w.above_band],
        }
    return render_plan_page(request, "performance/caseloads.html", plan, access, "caseloads", context)


def _policy_page(
    request: HttpRequest,
    plan: Plan,
    access: Access,
    new_band: BandForm | None = None,
    refused: BandChangeForm | None = None,
) -> HttpResponse:
    """The policy page; after a refused change, with what was typed (a new band, or a band's changed
    figures) and what is wrong with it."""
    policy, named = plan_policy(plan), named_team_types(plan)
    bands = [
        {
            "band": band,
            "form": refused
            if refused is not None and refused.data.get("band") == band.team_type
            else BandChangeForm(index=index, band=band),
        }
        for index, band in enumerate(policy)
    ]
    types = [band.team_type for band in policy]
    teams = [
        row
        | {
            "form": TeamTypeForm(
                index=row["index"],
                team=row["team"],
                from_name=row["from_name"],
                named=row["named"],
                types=types,
            )
        }
        for row in _teams(plan, policy, named)
    ]
    return render_plan_page(
        request,
        "performance/caseload_policy.html",
        plan,
        access,
        "caseloads",
        {
            "crumbs": plan_crumbs(plan, ("Caseloads", reverse("caseloads", args=[plan.slug]))),
            "default_policy": policy is DEFAULT_POLICY,
            "bands": bands,
            "new_band": new_band or BandForm(),
            "teams": teams,
            "form_errors": error_summary(refused, new_band),
        },
        status=400 if new_band is not None or refused is not None else 200,
    )


def _teams(plan: Plan, policy: tuple[Band, ...], named: dict[str, str]) -> list[dict[str, Any]]:
    """The teams of the latest extract, and any other the council has named, with the type read
    from each one's name and the type named for it."""
    engine = annex_a_engine()
    extracts = loaded_extracts(engine, plan.council)
    seen = set(named)
    if extracts:
        workers = worker_loads(engine, plan.council, extracts[0].as_at, policy=policy, named=named)
        seen |= {load.team for load in team_loads(workers) if load.team != NO_TEAM}
    return [
        {"team": team, "from_name": team_type(team), "named": named.get(team, ""), "index": index}
        for index, team in enumerate(sorted(seen))
    ]


@plan_page()
def caseload_policy(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    """Everyone reads the policy; administrators and officers add a band here."""
    if request.method != "POST":
        return _policy_page(request, plan, access)
    if not access.manages:
        raise PermissionDenied("Only an improvement officer or an administrator changes the caseload policy")
    form = BandForm(request.POST)
    if not form.is_valid() or form.typed is None:
        return _policy_page(request, plan, access, new_band=form)
    band = form.typed
    if not add_band(plan, band, actor(request)):
        form.add_error("team_type", f"The policy already has a band for {band.team_type}: change it above")
        return _policy_page(request, plan, access, new_band=form)
    messages.success(request, f"The band for {band.team_type} is added: {band.label} cases per worker.")
    return redirect("caseload-policy", plan.slug)


@require_POST
@plan_page(lambda access: access.manages)
def caseload_band(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    """Changes one band's fewest and most cases, or removes it."""
    kind = request.POST.get("band", "")
    policy = [band.team_type for band in plan_policy(plan)]
    if kind not in policy:
        messages.error(request, f"The policy has no band for {kind or 'that team type'}.")
        return redirect("caseload-policy", plan.slug)
    form = BandChangeForm(request.POST, index=policy.index(kind))
    if "remove" in request.POST:
        refused = remove_band(plan, kind, actor(request))
        if refused:
            form.is_valid()
            form.add_error("high", refused)
            return _policy_page(request, plan, access, refused=form)
        messages.success(request, f"The band for {kind} is removed.")
        return redirect("caseload-policy", plan.slug)
    if not form.is_valid() or form.typed is None:
        return _policy_page(request, plan, access, refused=form)
    change_band(plan, form.typed, actor(request))
    messages.success(request, f"The band for {kind} is now {form.typed.label} cases per worker.")
    return redirect("caseload-policy", plan.slug)


@require_POST
@plan_page(lambda access: access.manages)
def caseload_team(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    """Names a team's type, or (empty) goes back to reading it from the team's name."""
    team = request.POST.get("team", "").strip()
    named = named_team_types(plan).get(team, "")
    types = [band.team_type for band in plan_policy(plan)]
    form = TeamTypeForm(request.POST, index=0, team=team, from_name="", named=named, types=types)
    if not team or not form.is_valid():
        messages.error(request, "Select one of the policy's team types for the team.")
        return redirect("caseload-policy", plan.slug)
    kind = form.cleaned_data["team_type"]
    name_team_type(plan, team, kind, actor(request))
    said = f"is now {kind}" if kind else "is read from its name again"
    messages.success(request, f"The type of {team} {said}.")
    return redirect("caseload-policy", plan.slug)
