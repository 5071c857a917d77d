"""A performance indicator's RAG rating against its target, and its trend: pure functions.

Green meets the target; Amber misses it by no more than the amber tolerance (in the indicator's own
unit, e.g. percentage points); Red misses it by more. "No data" is its own state, never Green."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

NO_DATA = "none"
RAG_WORDS = {"G": "Green", "A": "Amber", "R": "Red"}  # in the order counts are given


class Polarity(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


class Unit(StrEnum):
    PERCENTAGE = "percentage"
    NUMBER = "number"
    DAYS = "days"
    RATIO = "ratio"


@dataclass(frozen=True)
class Target:
    value: Decimal
    polarity: Polarity
    tolerance: Decimal = Decimal(0)

    def rag(self, actual: Decimal | None) -> str:
        """'G', 'A', 'R', or NO_DATA when there is no value for the period."""
        if actual is None:
            return NO_DATA
        shortfall = self.value - actual if self.polarity is Polarity.HIGHER else actual - self.value
        if shortfall <= 0:
            return "G"
        if shortfall <= self.tolerance:
            return "A"
        return "R"


def trend(values: Sequence[Decimal | None], polarity: Polarity) -> str:
    """'improving', 'worsening', 'no change', or NO_DATA, from the last two periods with values."""
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return NO_DATA
    change = known[-1] - known[-2]
    if change == 0:
        return "no change"
    better = change > 0 if polarity is Polarity.HIGHER else change < 0
    return "improving" if better else "worsening"


def formatted(value: Decimal | None, unit: Unit) -> str:
    """'86%', '12', '15 days', '1:14'; 'No data' for none."""
    if value is None:
        return "No data"
    text = f"{value.normalize():f}" if value != value.to_integral() else f"{value.to_integral():f}"
    if unit is Unit.PERCENTAGE:
        return f"{text}%"
    if unit is Unit.DAYS:
        return f"{text} day{'s' if value != 1 else ''}"
    if unit is Unit.RATIO:
        return f"1:{text}"
    return text


@dataclass(frozen=True)
class ScorecardRow:
    indicator_id: int
    name: str
    service_area: str
    unit: Unit
    target: Decimal | None
    value: Decimal | None
    rag: str
    trend: str
    history: tuple[Decimal | None, ...]  # oldest first, ending with this period
    story: str = ""  # the commentary given with this period's value: the story behind the figure

    @property
    def history_text(self) -> str:
        return ", ".join(formatted(v, self.unit) for v in self.history)


def scorecard_row(
    indicator_id: int,
    name: str,
    service_area: str,
    unit: Unit,
    polarity: Polarity,
    target: Decimal | None,
    tolerance: Decimal,
    history: Sequence[Decimal | None],
    months_into_period: int = 0,
    stories: Sequence[str] = (),
) -> ScorecardRow:
    """`history` holds a value a month, oldest first, ending with the scorecard's month. A quarterly
    indicator's value sits in its quarter's first month: in the quarter's third month,
    `months_into_period` is 2 and the row shows the quarter's value. `stories` holds each month's
    commentary alike."""
    value = history[-1 - months_into_period] if len(history) > months_into_period else None
    story = stories[-1 - months_into_period] if len(stories) > months_into_period else ""
    rag = Target(target, polarity, tolerance).rag(value) if target is not None else NO_DATA
    return ScorecardRow(
        indicator_id,
        name,
        service_area,
        unit,
        target,
        value,
        rag,
        trend(history, polarity),
        tuple(history),
        story,
    )


def sparkline(history: Sequence[Decimal | None], width: int = 120, height: int = 24) -> str:
    """SVG polyline points for a small trend line; periods without a value are left out."""
    known = [(i, v) for i, v in enumerate(history) if v is not None]
    if len(known) < 2:
        return ""
    low, high = min(v for _, v in known), max(v for _, v in known)
    span = (high - low) or Decimal(1)
    step = width / max(len(history) - 1, 1)
    return " ".join(
        f"{i * step:.1f},{height - 2 - float((v - low) / span) * (height - 4):.1f}" for i, v in known
    )


def ratings_text(rags: Sequence[str]) -> str:
    """'26 indicators: 4 Green, 10 Amber, 11 Red, 1 no data'; '' for none."""
    if not rags:
        return ""
    counts = {code: sum(1 for rag in rags if rag == code) for code in ("G", "A", "R", NO_DATA)}
    words = [
        f"{counts[code]} {name}" for code, name in {**RAG_WORDS, NO_DATA: "no data"}.items() if counts[code]
    ]
    return f"{len(rags)} indicator{'s' if len(rags) != 1 else ''}: {', '.join(words)}"
