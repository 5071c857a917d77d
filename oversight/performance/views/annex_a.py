"""Annex A on the scorecard: refreshing indicators from the loaded extracts, an indicator's figure by
team, and the child records behind a team's figure (analysts only, and every viewing is logged)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from oversight.accounts.roles import Access
from oversight.annex_a.extracts import LoadedExtract, extract_as_at, loaded_extracts
from oversight.annex_a.measures import drill_down
from oversight.audit import trail
from oversight.audit.log import CHILD_RECORDS, child_records_viewed
from oversight.audit.models import Change
from oversight.lib.months import iso_month, month_of, parse_iso_date
from oversight.performance.annex_a_breakdown import rated, team_breakdown
from oversight.performance.annex_a_engine import annex_a_engine, annex_a_measures, extract_measures
from oversight.performance.annex_a_values import no_rows, refresh_from_annex_a
from oversight.performance.forms.extracts import extract_choice
from oversight.performance.models import Indicator
from oversight.performance.scorecard import Polarity, Target, Unit, formatted
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page

RECORDS_PAGE_SIZE = 100
PROBLEMS_SHOWN = 5


@require_POST
@plan_page(lambda access: access.can_manage_indicators)
def refresh(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    result = refresh_from_annex_a(annex_a_engine(), plan, actor(request))
    messages.success(request, result.summary())
    if result.problems:
        more = len(result.problems) - PROBLEMS_SHOWN
        messages.warning(
            request,
            "Not recorded: "
            + "; ".join(result.problems[:PROBLEMS_SHOWN])
            + (f"; and {more} more" if more > 0 else "")
            + ".",
        )
    url = reverse("scorecard", args=[plan.slug])
    return redirect(f"{url}?month={iso_month(month_of(result.latest))}" if result.latest else url)


def _chosen(extracts: list[LoadedExtract], text: str) -> tuple[LoadedExtract, str]:
    """The extract named by ?as_at=, else the newest, with a word when the one named is not loaded."""
    day = parse_iso_date(text) if text else None
    found = extract_as_at(extracts, day)
    if found is not None or not text:
        return found or extracts[0], ""
    return extracts[0], f"No extract as at {text} is loaded, so the newest is shown."


def _target(indicator: Indicator) -> Target | None:
    if indicator.target is None:
        return None
    return Target(indicator.target, Polarity(indicator.polarity), indicator.tolerance)


def annex_a_section(request: HttpRequest, plan: Plan, access: Access, indicator: Indicator) -> dict[str, Any]:
    """The indicator page's Annex A section (nothing for an indicator entered or imported)."""
    if indicator.source != Indicator.Source.ANNEX_A:
        return {}
    section: dict[str, Any] = {"problem": ""}
    engine = annex_a_engine()
    definition = annex_a_measures().get(indicator.measure)
    extracts = loaded_extracts(engine, plan.council)
    if definition is None:
        section["problem"] = (
            f"The measure '{indicator.measure}' is not an Annex A measure."
            if indicator.measure
            else "The indicator does not name its Annex A measure."
        )
    elif not extracts:
        section["problem"] = (
            f"No Annex A extract has been loaded for {plan.council}."
            if plan.council
            else "The plan does not name its council, so no Annex A extract is matched to it."
        )
    if section["problem"]:
        return {"annex_a": section}
    assert definition is not None
    extract, section["notice"] = _chosen(extracts, request.GET.get("as_at", "").strip())
    found = extract_measures(engine, extract, only={definition.key})
    measure = found[0] if found else None
    section.update(definition=definition, extract=extract, extracts=extracts, measure=measure)
    section["extract_form"] = extract_choice(extracts, extract, label_size="s")
    if measure is None or not measure.denominator:
        why = no_rows(definition, extract, measure)
        section["problem"] = f"{why[0].upper()}{why[1:]}."
        return {"annex_a": section}
    target = _target(indicator)
    breakdown = team_breakdown(measure.by_team, target)
    records = reverse("child-records", args=[plan.slug, indicator.pk])

    def link(**names: str) -> str | None:
        if not access.can_see_child_records:
            return None
        return f"{records}?{urlencode({'as_at': extract.as_at.isoformat(), **names})}"

    section.update(
        breakdown=breakdown,
        teams=[(team, link(team=team.name)) for team in breakdown.teams],
        workers=(
            [(worker, link(worker=worker.name)) for worker in rated(measure.by_worker, target)]
            if access.can_see_worker_names
            else []
        ),
        all_records=link(),
        rated=target is not None,
        target_text=formatted(indicator.target, Unit.PERCENTAGE),
        team_caption=f"{definition.name}, by team, as at {extract.as_at:%d %B %Y}",
        worker_caption=f"{definition.name}, by allocated worker, as at {extract.as_at:%d %B %Y}",
        met_label="Met" if measure.higher_is_better else "Counted",
    )
    return {"annex_a": section}


@plan_page(lambda access: access.can_see_child_records)
def child_records(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator, plan=plan, pk=pk, source=Indicator.Source.ANNEX_A)
    engine = annex_a_engine()
    definition = annex_a_measures().get(indicator.measure)
    day = parse_iso_date(request.GET.get("as_at", ""))
    extract = extract_as_at(loaded_extracts(engine, plan.council), day)
    if definition is None or extract is None:
        raise Http404("No such extract or measure")
    team = request.GET.get("team", "").strip()
    worker = request.GET.get("worker", "").strip()
    rows = drill_down(
        engine, plan.council, extract.as_at, definition.key, team=team or None, worker=worker or None
    )
    page = Paginator(rows, RECORDS_PAGE_SIZE).get_page(request.GET.get("page"))
    trail.change(
        plan.pk,
        actor(request),
        "website",
        Change.Kind.VIEWED,
        CHILD_RECORDS,
        new=child_records_viewed(
            f"{definition.name} ({definition.key}); Annex A extract for {plan.council} as at"
            f" {extract.as_at:%d %B %Y}",
            team,
            worker,
            len(rows),
            page.number,
            page.paginator.num_pages,
        ),
        indicator_id=indicator.pk,
    ).save()  # a viewing changes nothing, so the plan's revision (and its cached pages) stay as they are
    query = request.GET.copy()
    query.pop("page", None)
    indicator_url = reverse("indicator", args=[plan.slug, indicator.pk])
    return render_plan_page(
        request,
        "performance/child_records.html",
        plan,
        access,
        "scorecard",
        {
            "crumbs": plan_crumbs(
                plan,
                ("Scorecard", reverse("scorecard", args=[plan.slug])),
                (indicator.name, f"{indicator_url}?{urlencode({'as_at': extract.as_at.isoformat()})}"),
            ),
            "indicator": indicator,
            "definition": definition,
            "extract": extract,
            "team": team,
            "worker": worker,
            "page": page,
            "records": page.object_list,
            "query": query.urlencode(),
            "with_days": any(row["days"] is not None for row in rows),
            "counted": sum(1 for row in rows if row["left_out"] is None),
            "left_out": sum(1 for row in rows if row["left_out"] is not None),
        },
    )
