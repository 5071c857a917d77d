"""The scorecard's rows read from the database: what the page, its downloads and the email share."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from oversight.lib.months import add_months, month_of, months_between
from oversight.performance.models import Indicator, IndicatorValue
from oversight.performance.periods import period_of
from oversight.performance.scorecard import Polarity, ScorecardRow, Unit, scorecard_row
from oversight.plans.models import Plan

HISTORY_MONTHS = 12


def history_months(month: date, count: int = HISTORY_MONTHS) -> list[date]:
    """The months a row's history covers, oldest first, ending with `month`."""
    return [add_months(month, i - (count - 1)) for i in range(count)]


def scorecard_rows(
    plan: Plan, month: date, only: Indicator | None = None, count: int = HISTORY_MONTHS
) -> list[ScorecardRow]:
    """The scorecard's rows for a month with `count` months of history: every indicator of the plan
    (in service area and name order), or just `only`. Two queries, however many indicators there are."""
    indicators: Iterable[Indicator] = Indicator.objects.filter(plan=plan) if only is None else [only]
    months = history_months(month, count)
    values: dict[int, dict[date, Decimal | None]] = defaultdict(dict)
    found = IndicatorValue.objects.filter(
        indicator__plan=plan, period__gte=months[0], period__lt=add_months(month, 1)
    )
    if only is not None:
        found = found.filter(indicator=only)
    stories: dict[int, dict[date, str]] = defaultdict(dict)
    for indicator_id, period, value, story in found.values_list(
        "indicator_id", "period", "value", "commentary"
    ):
        values[indicator_id][month_of(period)] = value
        stories[indicator_id][month_of(period)] = story
    return [
        scorecard_row(
            indicator.pk,
            indicator.name,
            indicator.service_area,
            Unit(indicator.unit),
            Polarity(indicator.polarity),
            indicator.target,
            indicator.tolerance,
            [values[indicator.pk].get(m) for m in months],
            # a quarterly value sits in its quarter's first month (a weekly one in its own month)
            months_between(period_of(indicator.frequency, month), month)
            if indicator.frequency == Indicator.Frequency.QUARTERLY
            else 0,
            [stories[indicator.pk].get(m, "") for m in months],
        )
        for indicator in indicators
    ]


def by_service_area(rows: Iterable[ScorecardRow]) -> list[tuple[str, list[ScorecardRow]]]:
    """Rows grouped by service area, the areas in alphabetical order."""
    areas: dict[str, list[ScorecardRow]] = defaultdict(list)
    for row in rows:
        areas[row.service_area].append(row)
    return sorted(areas.items())
