"""What the scorecard's Word and Excel renderings share: the scorecard for a month, and its RAG and trend
in words and colours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from oversight.lib.months import month_name
from oversight.lib.tables import RAG_FILLS
from oversight.performance import scorecard
from oversight.performance.scorecard import NO_DATA, ScorecardRow

RAG_WORDS = {**scorecard.RAG_WORDS, NO_DATA: "No data"}
TREND_WORDS = {
    "improving": "Improving",
    "worsening": "Worsening",
    "no change": "No change",
    NO_DATA: "No data",
}


@dataclass(frozen=True)
class Scorecard:
    """Every indicator of a plan for one month, by service area."""

    plan: str  # the plan's title
    council: str
    month: date
    areas: list[tuple[str, list[ScorecardRow]]]

    @property
    def title(self) -> str:
        return f"{self.plan}: performance scorecard, {month_name(self.month)}"


def rag_word(rag: str) -> str:
    return RAG_WORDS.get(rag, RAG_WORDS[NO_DATA])


def rag_fill(rag: str) -> str:
    return RAG_FILLS.get(rag, RAG_FILLS[NO_DATA])


def trend_word(trend: str) -> str:
    return TREND_WORDS.get(trend, TREND_WORDS[NO_DATA])
