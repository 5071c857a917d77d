"""The weekly performance summary as email: a plan's indicators read for weekly_summary, and one email
to each service area manager covering every area of theirs where something went Red."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from oversight.accounts.people import name_of
from oversight.notices.sending import one_line, site_address
from oversight.performance.models import Indicator, IndicatorValue, ServiceAreaManager
from oversight.performance.periods import period_name, period_of
from oversight.performance.render.shared import rag_word
from oversight.performance.scorecard import Polarity, Unit, formatted
from oversight.performance.weekly_summary import AreaSummary, RedIndicator, Series
from oversight.plans.models import Plan

WINDOW = timedelta(days=366)  # holds a quarterly indicator's latest quarter and the one before


def plan_series(plan: Plan, today: date) -> list[Series]:
    """Every indicator of the plan with its values of the last year up to today, in two queries."""
    indicators = list(Indicator.objects.filter(plan=plan))
    frequency = {indicator.pk: indicator.frequency for indicator in indicators}
    values: dict[int, dict[date, Decimal | None]] = defaultdict(dict)
    found = IndicatorValue.objects.filter(indicator__plan=plan, period__gt=today - WINDOW, period__lte=today)
    for indicator_id, period, value in found.order_by("period").values_list(
        "indicator_id", "period", "value"
    ):
        values[indicator_id][period_of(frequency[indicator_id], period)] = value
    return [
        Series(
            i.pk,
            i.name,
            i.service_area,
            Unit(i.unit),
            Polarity(i.polarity),
            i.target,
            i.tolerance,
            i.frequency,
            values[i.pk],
        )
        for i in indicators
    ]


def recipients(plan: Plan) -> dict[str, list[Any]]:
    """Each service area's managers who can be told: active, with an email address and a role in the plan."""
    managers = (
        ServiceAreaManager.objects.filter(plan=plan, user__is_active=True, user__memberships__plan=plan)
        .exclude(user__email="")
        .select_related("user")
    )
    found: dict[str, list[Any]] = defaultdict(list)
    for manager in managers:
        found[manager.service_area].append(manager.user)
    return found


def stories(areas: list[AreaSummary]) -> dict[tuple[int, date], str]:
    """The commentary given with each Red indicator's value in its latest period, in one query."""
    reds = [red for area in areas for red in (*area.went_red, *area.still_red)]
    if not reds:
        return {}
    found = IndicatorValue.objects.filter(
        indicator_id__in={red.series.indicator_id for red in reds}, period__in={red.period for red in reds}
    ).exclude(commentary="")
    return {
        (pk, period): words for pk, period, words in found.values_list("indicator_id", "period", "commentary")
    }


def _item(plan: Plan, red: RedIndicator, story: str = "") -> dict[str, str]:
    series = red.series
    return {
        "story": story,
        "name": series.name,
        "period": period_name(series.frequency, red.period),
        "value": formatted(red.value, series.unit),
        "target": formatted(series.target, series.unit),
        "previous_period": period_name(series.frequency, red.previous_period),
        "previous": formatted(red.previous_value, series.unit),
        "previous_rag": rag_word(red.previous_rag),
        "url": site_address("indicator", plan.slug, series.indicator_id),
    }


def message(plan: Plan, user: Any, areas: list[AreaSummary], today: date) -> EmailMultiAlternatives:
    """One manager's email: plain text, with the same as HTML."""
    went_red = sum(len(area.went_red) for area in areas)
    title = one_line(plan.title)
    told = stories(areas)

    def item(red: RedIndicator) -> dict[str, str]:
        return _item(plan, red, told.get((red.series.indicator_id, red.period), ""))

    context = {
        "title": title,
        "name": name_of(user),
        "today": today,
        "went_red": went_red,
        "areas": [
            {
                "name": area.service_area,
                "went_red": [item(red) for red in area.went_red],
                "still_red": [item(red) for red in area.still_red],
            }
            for area in areas
        ],
        "scorecard_url": site_address("scorecard", plan.slug),
        "service_areas_url": site_address("service-areas", plan.slug),
    }
    email = EmailMultiAlternatives(
        f"{title}: {went_red} indicator{'s' if went_red != 1 else ''} went Red",
        render_to_string("performance/email/weekly_summary.txt", context),
        to=[user.email],
    )
    email.attach_alternative(render_to_string("performance/email/weekly_summary.html", context), "text/html")
    return email
