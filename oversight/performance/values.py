"""Recording indicators' values for their periods, keeping the history of every change."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
    values: Sequence[tuple[Indicator, date, Decimal | None]],
    actor: Actor,
    source: str,
    commentary: Mapping[tuple[int, date], str] | None = None,
) -> Recorded:
    """Sets each (indicator, period)'s value, and its commentary where `commentary` (by indicator id and
    period) gives one, in bulk and in one transaction: a few queries however many values. Each value or
    commentary that changes gets an audit record with who, when, the old and the new; one already as it
    would be set is left alone."""
    said = commentary or {}
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
        touched = 0
        for indicator, period, value in values:
            row = existing.get((indicator.pk, period))
            words = said.get((indicator.pk, period))
            same_words = words is None or (row is not None and row.commentary == words)
            if row is not None and row.value == value and same_words:
                continue
            touched += 1
            what = f"{indicator.name[:250]}, {period_name(indicator.frequency, period)}"
            if row is None:
                row = IndicatorValue(indicator=indicator, period=period)
                existing[(indicator.pk, period)] = row
                new.append(row)
                kind, old, old_words = Change.Kind.ADDED, None, ""
            else:
                kind, old, old_words = Change.Kind.CHANGED, row.value, row.commentary
                if row.pk is not None:
                    changed[row.pk] = row
            if kind == Change.Kind.ADDED or row.value != value:
                changes.append(
                    trail.change(
                        indicator.plan_id,
                        actor,
                        source,
                        kind,
                        f"indicator value: {what}",
                        _text(old),
                        _text(value),
                        indicator_id=indicator.pk,
                    )  # fmt: skip
                )
            if words is not None and words != old_words:
                changes.append(
                    trail.change(
                        indicator.plan_id,
                        actor,
                        source,
                        kind,
                        f"indicator commentary: {what}",
                        old_words,
                        words,
                        indicator_id=indicator.pk,
                    )  # fmt: skip
                )
                row.commentary = words
            row.value, row.actor, row.source, row.recorded = value, actor.name, source, now
        IndicatorValue.objects.bulk_create(new)
        IndicatorValue.objects.bulk_update(
            changed.values(), ["value", "commentary", "actor", "source", "recorded"]
        )
        Change.objects.bulk_create(changes)
        for plan_id in {indicator.plan_id for indicator, _, _ in values} if changes else ():
            indicators_changed(plan_id)
    return Recorded(len(new), len(changed), len(values) - touched)


def record_value(
    indicator: Indicator,
    period: date,
    value: Decimal | None,
    actor: Actor,
    source: str,
    commentary: str | None = None,
) -> bool:
    """Sets one period's value (and its commentary, when given); False when both were already so."""
    said = None if commentary is None else {(indicator.pk, period): commentary}
    recorded = record_values([(indicator, period, value)], actor, source, said)
    return recorded.unchanged == 0
