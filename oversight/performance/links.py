"""Indicators linked to plan actions and Ofsted recommendations: saving the links, and reading the
linked indicators' latest values in a fixed number of queries however many there are."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery

from oversight.performance.indicator_form import DETAILS, Details
from oversight.performance.latest import LatestValue
from oversight.performance.models import Indicator, IndicatorValue
from oversight.performance.scorecard import Polarity, Unit
from oversight.plans import plan_links
from oversight.plans.linked_measures import Measure
from oversight.plans.models import Action, Plan
from oversight.plans.register import register
from oversight.plans.revisions import actions_changed

LATEST_FIELDS = ("name", "unit", "polarity", "target", "tolerance", "frequency")


def _latest(indicator: str, as_at: date, field: str) -> Subquery:
    """The given field of the indicator's latest value on or before `as_at` (a period with no data
    recorded is passed over: the latest figure there is)."""
    return Subquery(
        IndicatorValue.objects.filter(indicator=OuterRef(indicator), period__lte=as_at, value__isnull=False)
        .order_by("-period")
        .values(field)[:1]
    )


def _latest_value(pk: int, row: tuple) -> LatestValue:  # type: ignore[type-arg]
    name, unit, polarity, target, tolerance, frequency, period, value = row
    return LatestValue(pk, name, Unit(unit), Polarity(polarity), target, tolerance, frequency, period, value)


def latest_values(indicators: QuerySet[Indicator], as_at: date) -> list[LatestValue]:
    """Each indicator's latest value, in one query."""
    rows = (
        indicators.annotate(period=_latest("pk", as_at, "period"), latest=_latest("pk", as_at, "value"))
        .order_by("name")
        .values_list("pk", *LATEST_FIELDS, "period", "latest")
    )
    return [_latest_value(row[0], row[1:]) for row in rows]


def _latest_by(link: Any, column: str, linked: Iterable[int], as_at: date) -> dict[int, list[LatestValue]]:
    """The latest values of the indicators linked (through `link`'s `column`) to each of `linked`."""
    rows = (
        link.objects.filter(**{f"{column}__in": list(linked)})
        .annotate(
            period=_latest("indicator_id", as_at, "period"), latest=_latest("indicator_id", as_at, "value")
        )
        .order_by("indicator__name")
        .values_list(
            column,
            "indicator_id",
            *(f"indicator__{f}" for f in LATEST_FIELDS),
            "period",
            "latest",
        )
    )
    found: dict[int, list[LatestValue]] = defaultdict(list)
    for row in rows:
        found[row[0]].append(_latest_value(row[1], row[2:]))
    return found


def latest_by_recommendation(recommendations: Iterable[int], as_at: date) -> dict[int, list[LatestValue]]:
    """The latest values of the indicators linked to each recommendation (by primary key), in one query."""
    return _latest_by(Indicator.recommendations.through, "recommendation_id", recommendations, as_at)


def measures_by_recommendation(recommendations: Collection[int], as_at: date) -> dict[int, list[Measure]]:
    """Each recommendation's linked indicators with their latest value on or before `as_at`, as
    governance's committee report reads them (plans/linked_measures.py), in one query."""
    latest = latest_by_recommendation(recommendations, as_at)
    return {pk: [measure(value) for value in values] for pk, values in latest.items()}


def measures_by_action(actions: Collection[int], as_at: date) -> dict[int, list[Measure]]:
    """Each action's linked indicators with their latest value on or before `as_at`, as the plan
    register reads them (plans/linked_measures.py), in one query."""
    latest = _latest_by(Indicator.actions.through, "action_id", actions, as_at)
    return {pk: [measure(value) for value in values] for pk, values in latest.items()}


def measure(value: LatestValue) -> Measure:
    return Measure(
        value.indicator_id,
        value.name,
        value.rag,
        value.value_text,
        value.period_text,
        value.target_text,
        value.sentence(),
    )


@dataclass(frozen=True)
class LinkedAction:
    action_id: str
    key_action: str
    rag: str | None  # its current status, None when it has none or has left the plan
    in_plan: bool


def linked_actions(plan: Plan, indicator: Indicator, today: date) -> list[LinkedAction]:
    """The actions an indicator is linked to, with their current status from the plan's register."""
    current = {row.pk: row.rag for row in register(plan, today).actions}
    return [
        LinkedAction(action_id, key_action, current.get(pk), in_plan)
        for pk, action_id, key_action, in_plan in indicator.actions.order_by("sort_key").values_list(
            "pk", "action_id", "key_action", "in_plan"
        )
    ]


def recommendation_choices(plan: Plan) -> dict[int, int]:
    """The latest inspection's recommendations, number: primary key (the numbers a form offers), as
    governance keeps them (read through plans/plan_links.py: performance never imports governance)."""
    return plan_links.latest_recommendations(plan)


def link(plan: Plan, indicator: Indicator, action_ids: Iterable[str], recommendations: Iterable[int]) -> None:
    """Links the indicator to exactly these actions of its plan and these recommendations of the
    latest inspection; links to recommendations of earlier inspections stay as they are."""
    before = set(indicator.actions.values_list("pk", flat=True))
    after = set(Action.objects.filter(plan=plan, action_id__in=list(action_ids)).values_list("pk", flat=True))
    indicator.actions.set(after)
    actions_changed(before ^ after)
    latest = recommendation_choices(plan)
    earlier = set(indicator.recommendations.values_list("pk", flat=True)) - set(latest.values())
    chosen = {latest[number] for number in recommendations if number in latest}
    indicator.recommendations.set(sorted(earlier | chosen))


def details_of(plan: Plan, indicator: Indicator) -> Details:
    """An indicator as its form (and an indicators file) gives it: its details, its linked action
    IDs and the numbers of its latest inspection's recommendations."""
    linked = set(indicator.recommendations.values_list("pk", flat=True))
    numbers = tuple(number for number, pk in recommendation_choices(plan).items() if pk in linked)
    return Details(
        **{name: getattr(indicator, name) for name in DETAILS},
        actions=tuple(indicator.actions.order_by("sort_key").values_list("action_id", flat=True)),
        recommendations=tuple(sorted(numbers)),
    )
