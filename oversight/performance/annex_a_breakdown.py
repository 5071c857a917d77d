"""An Annex A figure by team: each team rated against the indicator's target, the geometry of its bar
chart (drawn as SVG by the template, beside a table of the same figures) and a summary in words."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal

from oversight.annex_a.measures import Breakdown
from oversight.performance.scorecard import NO_DATA, RAG_WORDS, Target, Unit, formatted

CHART_WIDTH = 640
LABEL_WIDTH = 190
PLOT_WIDTH = 380  # 0% to 100%
BAR_HEIGHT = 22
BAR_GAP = 10
TOP = 24  # room for the target's label
VALUE_ROOM = 56  # a figure such as "100.0%" after its bar
LABEL_CHARACTERS = 24


@dataclass(frozen=True)
class RatedFigure:
    """A team's (or a worker's) share of the figure, rated against the indicator's target."""

    name: str
    in_scope: int
    met: int
    percent: Decimal | None  # to one decimal place
    rag: str
    label: str  # the name, shortened to fit the chart (the table gives it in full)
    y: int
    width: float
    mark_x: float | None = None  # the target's mark on the chart, if the figure is drawn there

    @property
    def text_y(self) -> int:
        return self.y + 16

    @property
    def value_x(self) -> float:
        """The figure goes just after its bar, or after the target's mark when that is in the way."""
        bar_end = LABEL_WIDTH + self.width
        if self.mark_x is not None and bar_end - 2 <= self.mark_x < bar_end + VALUE_ROOM:
            return self.mark_x + 8
        return bar_end + 6


@dataclass(frozen=True)
class TeamBreakdown:
    teams: list[RatedFigure]  # in the extract's order of team names
    width: int
    height: int
    plot_left: int
    target_x: float | None
    summary: str


def rated(groups: list[Breakdown], target: Target | None) -> list[RatedFigure]:
    """Teams or workers in the order given; rated only when the indicator has a target."""
    figures = []
    for index, group in enumerate(groups):
        percent = group.exact_percent
        rag = NO_DATA if target is None or percent is None else target.rag(percent)
        label = (
            group.name if len(group.name) <= LABEL_CHARACTERS else group.name[: LABEL_CHARACTERS - 1] + "…"
        )
        figures.append(
            RatedFigure(
                group.name,
                group.denominator,
                group.numerator,
                percent,
                rag,
                label,
                TOP + index * (BAR_HEIGHT + BAR_GAP),
                _x(float(percent or 0)),
            )
        )
    return figures


def team_breakdown(by_team: list[Breakdown], target: Target | None) -> TeamBreakdown:
    target_x = None if target is None else LABEL_WIDTH + _x(min(max(float(target.value), 0), 100))
    teams = [replace(team, mark_x=target_x) for team in rated(by_team, target)]
    return TeamBreakdown(
        teams,
        CHART_WIDTH,
        TOP + max(len(teams), 1) * (BAR_HEIGHT + BAR_GAP),
        LABEL_WIDTH,
        target_x,
        _summary(teams, target),
    )


def _x(percent: float) -> float:
    return round(PLOT_WIDTH * percent / 100, 1)


def _summary(teams: list[RatedFigure], target: Target | None) -> str:
    if not teams:
        return "No team has a record in scope."
    known = [t for t in teams if t.percent is not None]
    words = [f"{len(teams)} team{'s' if len(teams) != 1 else ''}."]
    if known:
        high = max(known, key=lambda t: t.percent or 0)
        low = min(known, key=lambda t: t.percent or 0)
        words.append(f"Highest: {high.name} ({high.percent}%); lowest: {low.name} ({low.percent}%).")
    if target is None:
        words.append("The indicator has no target, so the teams are not rated.")
    else:
        counts = Counter(t.rag for t in teams)
        ratings = ", ".join(f"{counts[code]} {name}" for code, name in RAG_WORDS.items())
        words.append(f"Against the target of {formatted(target.value, Unit.PERCENTAGE)}: {ratings}.")
    return " ".join(words)
