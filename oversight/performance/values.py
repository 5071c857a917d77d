"""Recording indicators' values for their periods, keeping the history of every change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.performance.models import Indicator, IndicatorValue
from oversight.performance.periods import period_name
from oversight.performance.versions import indicators_changed


def _text(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


@dataclass(frozen=True)
class Recorded:
    added: int = 0
    changed: int = 0
    unchanged: int = 0


def record_values(
    values: Sequence[tuple[Indicator, date, Decimal | None]], actor: Actor, source: str
) -> Recorded:
    """Sets each (indicator, period)'s value, in bulk and in one transaction: a few queries however
    many values. Each value that changes gets an audit record with who, when, the old and the new
    value; a value that is already what it would be set to is left alone."""
    if not values:
        return Recorded()
    now = timezone.now()
    with transaction.atomic():
        indicators = {indicator.pk for indicator, _, _ in values}
        periods = {period for _, period, _ in values}
        existing = {
            (row.indicator_id, row.period): row
            for row in IndicatorValue.objects.select_for_update().filter(
                indicator__in=indicators, period__in=periods
            )
        }
        new: list[IndicatorValue] = []
        changed: dict[int, IndicatorValue] = {}
        changes: list[Change] = []
        for indicator, period, value in values:
            row = existing.get((indicator.pk, period))
            if row is not None and row.value == value:
                continue
            if row is None:
                row = IndicatorValue(indicator=indicator, period=period)
                existing[(indicator.pk, period)] = row
                new.append(row)
                kind, old = Change.Kind.ADDED, None
            else:
                kind, old = Change.Kind.CHANGED, row.value
                if row.pk is not None:
                    changed[row.pk] = row
            row.value, row.actor, row.source, row.recorded = value, actor.name, source, now
            changes.append(
                trail.change(
                    indicator.plan_id,
                    actor,
                    source,
                    kind,
                    f"indicator value: {indicator.name[:250]}, {period_name(indicator.frequency, period)}",
                    _text(old),
                    _text(value),
                    indicator_id=indicator.pk,
                )
            )
        IndicatorValue.objects.bulk_create(new)
        IndicatorValue.objects.bulk_update(changed.values(), ["value", "actor", "source", "recorded"])
        Change.objects.bulk_create(changes)
        for plan_id in {indicator.plan_id for indicator, _, _ in values} if changes else ():
            indicators_changed(plan_id)
    return Recorded(len(new), len(changed), len(values) - len(changes))


def record_value(
    indicator: Indicator, period: date, value: Decimal | None, actor: Actor, source: str
) -> bool:
    """Sets one period's value; False when it already had that value."""
    recorded = record_values([(indicator, period, value)], actor, source)
    return recorded.unchanged == 0
