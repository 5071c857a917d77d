"""Indicators computed from the programme's own records (quality assurance's case audits and the
workforce's returns, through plans' programme_figures): each period's figure recorded as the indicator's
value, whenever the records change. A period with nothing counted gets no value, never 0."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.utils import timezone

from oversight.audit.actors import Actor
from oversight.lib.numbers import ratio
from oversight.performance.models import Indicator
from oversight.performance.periods import period_of
from oversight.performance.values import record_values
from oversight.plans import programme_figures

RECORDER = Actor("Oversight (programme records)")
SOURCE = "programme records"


def period_values(
    frequency: str, months: dict[date, programme_figures.Monthly], per: int = 100
) -> dict[date, Decimal]:
    """Each period's figure to one place, rounded half up: the months' parts over their wholes, per
    hundred (a percentage) or per one (an average)."""
    sums: dict[date, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for month, figure in months.items():
        found = sums[period_of(frequency, month)]
        found[0] += figure.part
        found[1] += figure.whole
    return {
        period: value
        for period, (part, whole) in sums.items()
        if (value := ratio(part, whole, per)) is not None
    }


def refresh_from_case_audits(plan_id: int, day: date | None = None) -> None:
    """Records every case audit indicator's value in each period with audits, as at `day` (today)."""
    indicators = list(Indicator.objects.filter(plan_id=plan_id, source=Indicator.Source.CASE_AUDITS))
    if not indicators:
        return
    figures = programme_figures.monthly(plan_id, {i.measure for i in indicators}, day or timezone.localdate())
    per = {figure.key: figure.per for figure in programme_figures.offered(plan_id)}
    values = [
        (indicator, period, value)
        for indicator in indicators
        for period, value in sorted(
            period_values(
                indicator.frequency, figures.get(indicator.measure, {}), per.get(indicator.measure, 100)
            ).items()
        )
    ]
    record_values(values, RECORDER, SOURCE)
