"""Recording an indicator's value for a period, keeping the history of every change."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction

from oversight.performance.models import Indicator, IndicatorValue
from oversight.plans import audit
from oversight.plans.models import Change
from oversight.plans.plan_import import Actor


def _text(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


def record_value(
    indicator: Indicator, period: date, value: Decimal | None, actor: Actor, source: str
) -> bool:
    """Sets the period's value; False when it already had that value. The old and new values, who
    and when, go in the plan's audit log."""
    with transaction.atomic():
        existing = (
            IndicatorValue.objects.select_for_update().filter(indicator=indicator, period=period).first()
        )
        old = existing.value if existing else None
        if existing is not None and old == value:
            return False
        IndicatorValue.objects.update_or_create(
            indicator=indicator,
            period=period,
            defaults={"value": value, "actor": actor.name, "source": source},
        )
        audit.record(
            indicator.plan_id,
            actor,
            source,
            Change.Kind.CHANGED if existing else Change.Kind.ADDED,
            f"indicator value: {indicator.name[:250]}, {period:%B %Y}",
            _text(old),
            _text(value),
        )
    return True
