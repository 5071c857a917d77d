"""The weekly performance summary: for each service area, the indicators that went Red. Pure.

An indicator's latest period is the one today falls in, or the one before when today's has no value
yet (a month's figure usually arrives in the following month); an older value is not news. It went
Red when it is Red in that period and was not Red in the period before (no value, or no data, is
never Red). Those that were Red already are listed too, for context, in areas where something went
Red."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from oversight.performance.periods import period_of
from oversight.performance.scorecard import Polarity, Target, Unit


@dataclass(frozen=True)
class Series:
    """An indicator and its values, keyed by period (the first day of each week, month or quarter)."""

    indicator_id: int
    name: str
    service_area: str
    unit: Unit
    polarity: Polarity
    target: Decimal | None
    tolerance: Decimal
    frequency: str
    values: Mapping[date, Decimal | None]


@dataclass(frozen=True)
class RedIndicator:
    series: Series
    period: date
    value: Decimal
    previous_period: date
    previous_value: Decimal | None
    previous_rag: str  # 'G', 'A', 'R', or scorecard.NO_DATA

    @property
    def went_red(self) -> bool:
        return self.previous_rag != "R"


@dataclass
class AreaSummary:
    service_area: str
    went_red: list[RedIndicator] = field(default_factory=list)
    still_red: list[RedIndicator] = field(default_factory=list)


def previous_period(frequency: str, period: date) -> date:
    return period_of(frequency, period - timedelta(days=1))


def latest_period(series: Series, today: date) -> date | None:
    """The period today falls in if it has a value, else the one before if that has; else None."""
    current = period_of(series.frequency, today)
    for period in (current, previous_period(series.frequency, current)):
        if series.values.get(period) is not None:
            return period
    return None


def red_now(series: Series, today: date) -> RedIndicator | None:
    """The indicator, when it is Red in its latest period."""
    period = latest_period(series, today)
    if period is None or series.target is None:
        return None
    target = Target(series.target, series.polarity, series.tolerance)
    value = series.values[period]
    if value is None or target.rag(value) != "R":
        return None
    before = previous_period(series.frequency, period)
    previous = series.values.get(before)
    return RedIndicator(series, period, value, before, previous, target.rag(previous))


def weekly_summary(all_series: Iterable[Series], today: date) -> list[AreaSummary]:
    """The service areas where at least one indicator went Red, in alphabetical order, each with the
    indicators that went Red and those still Red, in name order."""
    areas: dict[str, AreaSummary] = {}
    for series in sorted(all_series, key=lambda s: (s.service_area, s.name)):
        red = red_now(series, today)
        if red is not None:
            area = areas.setdefault(series.service_area, AreaSummary(series.service_area))
            (area.went_red if red.went_red else area.still_red).append(red)
    return [area for area in areas.values() if area.went_red]
