"""The indicator page's own parts: the chart of its last 12, 24 or 36 months with the figures' table
and a summary, its details, the actions and recommendations it is linked to, and its values' history."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from oversight.accounts.roles import Access
from oversight.audit.models import Change
from oversight.lib.months import month_name, month_of
from oversight.performance.annex_a_engine import annex_a_measures
from oversight.performance.charts import indicator_chart
from oversight.performance.links import linked_actions
from oversight.performance.models import Indicator, IndicatorValue
from oversight.performance.periods import period_of
from oversight.performance.scorecard import Polarity, ScorecardRow, Target, Unit, formatted
from oversight.performance.scorecard_data import history_months, scorecard_rows
from oversight.plans.models import Plan
from oversight.plans.views.common import today

CHART_MONTHS = (12, 24, 36)
COMPARATORS = (
    ("england", "England"),
    ("statistical_neighbours", "Statistical neighbours"),
    ("region", "Region"),
)


def comparators(indicator: Indicator, unit: Unit) -> list[tuple[str, str, Decimal | None]]:
    """(kind, label, value) of England, statistical neighbours and region: 'England 2022-23: 82%'."""
    year = f" {indicator.comparators_year}" if indicator.comparators_year else ""
    found = []
    for kind, name in COMPARATORS:
        value = getattr(indicator, kind)
        found.append((kind, f"{name}{year}: {formatted(value, unit)}", value))
    return found


def latest_known(months: list[date], history: tuple[Decimal | None, ...]) -> tuple[date, Decimal] | None:
    """The latest month in the history that has a value, with the value."""
    return next(
        ((m, v) for m, v in zip(reversed(months), reversed(history), strict=True) if v is not None), None
    )


def summary(indicator: Indicator, row: ScorecardRow, unit: Unit, latest: tuple[date, Decimal] | None) -> str:
    """The latest value against the target, the trend, and the comparators that are set."""
    target = formatted(indicator.target, unit) if indicator.target is not None else None
    if latest is None:
        text = f"No value has been recorded in the last {len(row.history)} months."
        text += f" The target is {target}." if target else " It has no target."
    else:
        against = f"against a target of {target}" if target else "(no target set)"
        better = "higher" if indicator.polarity == Polarity.HIGHER else "lower"
        text = f"{month_name(latest[0])}: {formatted(latest[1], unit)} {against} ({better} is better);"
        text += f" the trend is {row.trend}."
    known = [label for _, label, value in comparators(indicator, unit) if value is not None]
    return text + (f" Comparators: {'; '.join(known)}." if known else "")


def chart_months(request: HttpRequest) -> int:
    """12 unless ?months=24 or 36 asks for more."""
    asked = request.GET.get("months", "")
    return int(asked) if asked.isdigit() and int(asked) in CHART_MONTHS else CHART_MONTHS[0]


def indicator_section(
    request: HttpRequest, plan: Plan, access: Access, indicator: Indicator
) -> dict[str, Any]:
    count = chart_months(request)
    month = month_of(today())
    [row] = scorecard_rows(plan, month, only=indicator, count=count)
    months = history_months(month, count)
    unit = Unit(indicator.unit)
    target = None
    if indicator.target is not None:
        target = Target(indicator.target, Polarity(indicator.polarity), indicator.tolerance)
    target_text = formatted(indicator.target, unit) if target else "None set"
    latest = latest_known(months, row.history)
    stories = dict(
        IndicatorValue.objects.filter(indicator=indicator, period__gte=months[0]).exclude(commentary="")
        .values_list("period", "commentary")
    )  # fmt: skip
    return {
        "row": row,
        "count": count,
        "counts": CHART_MONTHS,
        "chart": indicator_chart(months, row.history, unit, target, comparators(indicator, unit)),
        "figures": [
            (
                month_name(m),
                formatted(v, unit),
                target_text,
                target.rag(v) if target else None,
                stories.get(period_of(indicator.frequency, m), ""),
            )
            for m, v in zip(months, row.history, strict=True)
        ],
        "summary": summary(indicator, row, unit, latest),
        "latest": (
            (month_name(latest[0]), formatted(latest[1], unit), target.rag(latest[1]) if target else None)
            if latest
            else None
        ),
        "target_text": target_text,
        "comparators": [label for _, label, value in comparators(indicator, unit) if value is not None],
        "measure_name": _measure_name(indicator.measure),
        "linked_actions": linked_actions(plan, indicator, today()),
        "linked_recommendations": indicator.recommendations.select_related("inspection").order_by(
            "-inspection__published", "number"
        ),
        "can_edit": access.can_manage_indicators,
        "history": value_history(indicator),
    }


def _measure_name(key: str) -> str:
    names = {key: d.name for key, d in annex_a_measures().items()}
    return names.get(key, key)


def value_history(indicator: Indicator) -> QuerySet[Change]:
    """The latest 50 changes to the indicator's values, under whatever name it had at the time."""
    return Change.objects.filter(indicator=indicator, field__startswith="indicator value: ").order_by(
        "-changed", "-id"
    )[:50]
