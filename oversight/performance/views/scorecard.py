"""The scorecard: every indicator for a month by service area, and each indicator's own page."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from oversight.accounts.access import plan_page
from oversight.accounts.roles import Access
from oversight.lib.months import add_months, iso_month, month_name, month_of, parse_iso_month
from oversight.performance.models import Indicator
from oversight.performance.scorecard import ScorecardRow, Unit, formatted, sparkline
from oversight.performance.scorecard_data import HISTORY_MONTHS, scorecard_rows
from oversight.performance.values import record_value
from oversight.plans.models import Change, Plan
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page, today


def _rows(plan: Plan, month: date, only: Indicator | None = None) -> list[ScorecardRow]:
    """The scorecard's rows for a month: every indicator of the plan, or just `only`."""
    return scorecard_rows(plan, month, only)


@plan_page()
def scorecard(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    month = parse_iso_month(request.GET.get("month", "")) or month_of(today())
    areas: dict[str, list[tuple[ScorecardRow, str, str, str]]] = defaultdict(list)
    for row in _rows(plan, month):
        areas[row.service_area].append(
            (row, formatted(row.value, row.unit), formatted(row.target, row.unit), sparkline(row.history))
        )
    return render_plan_page(
        request,
        "performance/scorecard.html",
        plan,
        access,
        "scorecard",
        {
            "crumbs": plan_crumbs(plan),
            "month": month,
            "month_name": month_name(month),
            "chosen": iso_month(month),
            "months": [
                (iso_month(add_months(month_of(today()), -i)), month_name(add_months(month_of(today()), -i)))
                for i in range(24)
            ],
            "areas": sorted(areas.items()),
        },
    )


def _can_enter(access: Access, indicator: Indicator, user_id: int | None) -> bool:
    return access.can_manage_indicators or (
        access.can_view and indicator.owner_id is not None and indicator.owner_id == user_id
    )


@plan_page()
def indicator_page(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator, plan=plan, pk=pk)
    can_enter = _can_enter(access, indicator, request.user.pk)
    values = {"period": iso_month(month_of(today())), "value": ""}
    problems: dict[str, str] = {}
    if request.method == "POST":
        if not can_enter:
            raise PermissionDenied("Only the indicator's owner or an improvement officer enters its values")
        values = {name: request.POST.get(name, "").strip() for name in values}
        period = parse_iso_month(values["period"])
        if period is None:
            problems["period"] = "Enter the month the value is for, as YYYY-MM, for example 2018-01"
        try:
            number = Decimal(values["value"].rstrip("%")) if values["value"] else None
        except InvalidOperation:
            problems["value"] = "Enter the value as a number, for example 86 or 86.5"
        if not problems and period is not None:
            record_value(indicator, period, number, actor(request), "website")
            messages.success(request, f"The value for {month_name(period)} is saved.")
            return redirect("indicator", plan.slug, indicator.pk)
    month = month_of(today())
    [row] = _rows(plan, month, only=indicator)
    months = [add_months(month, -(HISTORY_MONTHS - 1 - i)) for i in range(HISTORY_MONTHS)]
    unit = Unit(indicator.unit)
    return render_plan_page(
        request,
        "performance/indicator.html",
        plan,
        access,
        "scorecard",
        {
            "crumbs": plan_crumbs(plan, ("Scorecard", reverse("scorecard", args=[plan.slug]))),
            "indicator": indicator,
            "row": row,
            "figures": [
                (month_name(m), formatted(v, unit)) for m, v in zip(months, row.history, strict=True)
            ],
            "summary": _summary(indicator, row, unit),
            "chart": sparkline(row.history, width=600, height=160),
            "history": Change.objects.filter(
                plan=plan, field__startswith=f"indicator value: {indicator.name[:250]},"
            ).order_by("-changed", "-id")[:50],
            "can_enter": can_enter,
            "values": values,
            "problems": problems,
            "form_errors": list(problems.items()),
            "target_text": formatted(indicator.target, unit),
        },
        status=400 if problems else 200,
    )


def _summary(indicator: Indicator, row: ScorecardRow, unit: Unit) -> str:
    if row.value is None:
        return (
            f"No value has been recorded for this month. The target is {formatted(indicator.target, unit)}."
        )
    return (
        f"This month {formatted(row.value, unit)} against a target of {formatted(indicator.target, unit)} "
        f"({'higher' if indicator.polarity == 'higher' else 'lower'} is better); the trend is {row.trend}."
    )
