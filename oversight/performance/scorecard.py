"""A performance indicator's RAG rating against its target, and its trend: pure functions.

Green meets the target; Amber misses it by no more than the amber tolerance (in the indicator's own
unit, e.g. percentage points); Red misses it by more. "No data" is its own state, never Green."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

NO_DATA = "none"


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
