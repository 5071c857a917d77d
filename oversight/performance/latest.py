"""An indicator's latest value against its target: what the action and recommendation pages show
beside the plan's activity, and the sentence the committee progress report quotes. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from oversight.performance.periods import period_name
from oversight.performance.scorecard import NO_DATA, RAG_WORDS, Polarity, Target, Unit, formatted


@dataclass(frozen=True)
class LatestValue:
    """An indicator's most recent value (None: none recorded yet), rated against its target."""

    indicator_id: int
    name: str
    unit: Unit
    polarity: Polarity
    target: Decimal | None
    tolerance: Decimal
    frequency: str
    period: date | None
    value: Decimal | None

    @property
    def rag(self) -> str:
        if self.target is None:
            return NO_DATA
        return Target(self.target, self.polarity, self.tolerance).rag(self.value)

    @property
    def value_text(self) -> str:
        return formatted(self.value, self.unit)

    @property
    def target_text(self) -> str:
        return formatted(self.target, self.unit) if self.target is not None else "None set"

    @property
    def period_text(self) -> str:
        return period_name(self.frequency, self.period) if self.period else ""

    def sentence(self) -> str:
        """'Return interviews within 72 hours: 64% in March 2018 against a target of 80% (Red)'."""
        if self.value is None or self.period is None:
            found = "no value recorded yet"
        else:
            the = "" if self.frequency == "monthly" else "the "  # in March 2018; in the week of 5 March 2018
            found = f"{self.value_text} in {the}{self.period_text}"
        if self.target is None:
            return f"{self.name}: {found} (no target set)"
        rated = f" ({RAG_WORDS[self.rag]})" if self.rag in RAG_WORDS else ""
        return f"{self.name}: {found} against a target of {self.target_text}{rated}"
