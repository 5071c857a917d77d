"""The scorecard: every indicator for a month by service area, and each indicator's own page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Min
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from oversight.accounts.roles import Access
from oversight.govuk.forms import ChoiceInQuery, error_summary
from oversight.lib.months import (
    add_months,
    iso_month,
    month_name,
    month_of,
    months_between,
    parse_iso_month,
)
from oversight.performance.forms.values import IndicatorValueForm
from oversight.performance.models import Indicator, IndicatorValue
from oversight.performance.periods import period_name, period_of
from oversight.performance.scorecard import ScorecardRow, formatted, ratings_text, sparkline
from oversight.performance.scorecard_data import scorecard_rows
from oversight.performance.values import record_value
from oversight.performance.versions import indicators_version
from oversight.performance.views.annex_a import annex_a_section
from oversight.performance.views.indicator_chart import indicator_section
from oversight.plans.access import plan_page
from oversight.plans.kept import kept
from oversight.plans.models import Plan
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page, today


@plan_page()
def scorecard(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    this_month = month_of(today())
    version = indicators_version(plan.pk)
    found = kept(
        f"scorecard-months:{plan.pk}:{plan.created.timestamp()}:{version}:{this_month.isoformat()}",
        lambda: IndicatorValue.objects.filter(
            indicator__plan=plan, period__lt=add_months(this_month, 1)
        ).aggregate(first=Min("period"), last=Max("period")),
    )
    # a month's figures arrive during the next: by default, the latest month that has any
    latest = month_of(found["last"]) if found["last"] else this_month
    month = parse_iso_month(request.GET.get("month", "")) or latest
    earliest = month_of(found["first"]) if found["first"] else this_month
    return render_plan_page(
        request,
        "performance/scorecard.html",
        plan,
        access,
        "scorecard",
        {
            "crumbs": plan_crumbs(plan),
            "loads_annex_a": access.can_load_annex_a(plan.officers_load_annex_a),
            "month": month,
            "month_name": month_name(month),
            "chosen": iso_month(month),
            "month_form": ChoiceInQuery(
                "month",
                "Month",
                [(iso_month(m), month_name(m)) for m in months_to_choose(this_month, earliest, month)],
                iso_month(month),
            ),
            "scorecard_version": version,
            # called only when the page's tables are not in the cache (see scorecard.html)
            "scorecard_tables": lambda: _tables(plan, month),
        },
    )


def months_to_choose(this_month: date, earliest: date, chosen: date) -> list[date]:
    """This month back to the earliest month with a value (at least two years), newest first, and
    the month shown even if it is outside those."""
    first = min(add_months(this_month, -23), earliest, chosen)
    return ([chosen] if chosen > this_month else []) + [
        add_months(this_month, -i) for i in range(months_between(first, this_month) + 1)
    ]


@dataclass(frozen=True)
class ScorecardTables:
    areas: list[tuple[str, list[tuple[ScorecardRow, str, str, str]]]]
    ratings: str  # '26 indicators: 4 Green, 10 Amber, 11 Red, 1 no data'


def _tables(plan: Plan, month: date) -> ScorecardTables:
    """The rows by service area, each with its value and target in words and its sparkline, and
    how many indicators have each rating."""
    rows = scorecard_rows(plan, month)
    areas: dict[str, list[tuple[ScorecardRow, str, str, str]]] = defaultdict(list)
    for row in rows:
        areas[row.service_area].append(
            (row, formatted(row.value, row.unit), formatted(row.target, row.unit), sparkline(row.history))
        )
    return ScorecardTables(sorted(areas.items()), ratings_text([row.rag for row in rows]))


def _can_enter(access: Access, indicator: Indicator, user_id: int | None) -> bool:
    """The owner, administrators, officers and analysts; nobody for an indicator computed from
    Annex A or the case audits, whose values come from them (a value typed in would not survive a
    refresh)."""
    if indicator.source in {Indicator.Source.ANNEX_A, Indicator.Source.CASE_AUDITS}:
        return False
    return access.can_manage_indicators or (
        access.can_view and indicator.owner_id is not None and indicator.owner_id == user_id
    )


@plan_page()
def indicator_page(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator, plan=plan, pk=pk)
    can_enter = _can_enter(access, indicator, request.user.pk)
    posted = request.method == "POST"
    if posted and not can_enter:
        raise PermissionDenied(
            "Only the indicator's owner, an officer or an analyst enters its values,"
            " and an indicator computed from Annex A takes them from the extracts"
        )
    form = IndicatorValueForm(
        request.POST if posted else None, frequency=indicator.frequency, initial={"period": today()}
    )
    if form.is_valid():
        period = period_of(indicator.frequency, form.cleaned_data["period"])
        data = form.cleaned_data
        record_value(indicator, period, data["value"], actor(request), "website", data["commentary"].strip())
        messages.success(request, f"The value for {period_name(indicator.frequency, period)} is saved.")
        return redirect("indicator", plan.slug, indicator.pk)
    return render_plan_page(
        request,
        "performance/indicator.html",
        plan,
        access,
        "scorecard",
        {
            "crumbs": plan_crumbs(plan, ("Scorecard", reverse("scorecard", args=[plan.slug]))),
            "indicator": indicator,
            **indicator_section(request, plan, access, indicator),
            "can_enter": can_enter,
            "form": form,
            "form_errors": error_summary(form),
            **annex_a_section(request, plan, access, indicator),
        },
        status=400 if form.errors else 200,
    )
