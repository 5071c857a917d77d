"""Geometry for an indicator's line chart, drawn as SVG by its page: the values period by period, each
point rated against the target, with the target and the comparators as labelled horizontal lines.
Pure; the page also gives the figures as a table and a summary."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from oversight.lib.months import month_name, short_month_name
from oversight.performance.scorecard import NO_DATA, RAG_WORDS, Target, Unit, formatted
from oversight.plans.charts import Tick

WIDTH = 640
LEFT = 56  # room for the y axis' labels
RIGHT = WIDTH - 180  # room for the target's and comparators' labels
TOP = 32  # room for the y axis' title above it
BOTTOM = 250
HEIGHT = BOTTOM + 50  # the month labels and the axis title below the plot
LABEL_GAP = 16  # the least distance between two lines' labels, one line of text
AXIS_TITLES = {
    Unit.PERCENTAGE: "Per cent",
    Unit.NUMBER: "Number",
    Unit.DAYS: "Days",
    Unit.RATIO: "Ratio (1 to n)",
}
POINT_WORDS = {**RAG_WORDS, NO_DATA: "no target"}
SHORT_NAMES = {"england": "England", "statistical_neighbours": "Neighbours", "region": "Region"}
LINE_STYLES = {  # as assets/oversight.scss draws them, for the chart's legend in words
    "target": "Dashed black line",
    "england": "Dotted purple line",
    "statistical_neighbours": "Dash-dot grey line",
    "region": "Long-dashed brown line",
}


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    rag: str
    label: str  # "March 2018: 64% (Red)"


@dataclass(frozen=True)
class Level:
    """A horizontal line across the plot: the target, or a comparator such as England's figure."""

    kind: str  # "target", "england", "statistical_neighbours" or "region"
    label: str  # drawn beside it, short: "Target 80%", "England 82%", "Neighbours 79.5%"
    description: str  # for the legend in words: "England 2022-23: 82%"
    y: float
    label_y: float  # moved apart from the labels of lines close by, so none overlap

    @property
    def legend(self) -> str:
        """'Dotted purple line: England 2022-23: 82%'."""
        return f"{LINE_STYLES[self.kind]}: {self.description}"


@dataclass(frozen=True)
class IndicatorChart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    lines: list[str]  # polyline points, one run of consecutive periods with values each
    points: list[ChartPoint]
    levels: list[Level]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    axis_title: str


def nice_top(highest: float) -> float:
    """The smallest of 1, 2, 2.5, 5 times a power of ten at or above `highest` (1 for nothing)."""
    if highest <= 0:
        return 1
    power = 10 ** math.floor(math.log10(highest))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= highest)


def indicator_chart(
    months: Sequence[date],
    values: Sequence[Decimal | None],
    unit: Unit,
    target: Target | None,
    comparators: Sequence[tuple[str, str, Decimal | None]] = (),
) -> IndicatorChart | None:
    """The chart of `values` (one a month, None where there is none), or None with no value at all.
    `comparators` are (kind, description, value); those without a value are not drawn."""
    known = [float(v) for v in values if v is not None]
    if not known:
        return None
    shown = [
        (kind, f"{SHORT_NAMES[kind]} {formatted(v, unit)}", description, float(v))
        for kind, description, v in comparators
        if v is not None
    ]
    if target is not None:
        label = f"Target {formatted(target.value, unit)}"
        shown.insert(0, ("target", label, label, float(target.value)))
    everything = known + [line[-1] for line in shown]
    top = nice_top(max(everything))
    if unit is Unit.PERCENTAGE and max(everything) <= 100:
        top = min(top, 100)
    low = -nice_top(-min(everything)) if min(everything) < 0 else 0.0
    step = (RIGHT - LEFT) / max(len(months) - 1, 1)

    def y(value: float) -> float:
        return round(BOTTOM - (value - low) / (top - low) * (BOTTOM - TOP), 1)

    points = [
        _point(LEFT + i * step, y(float(v)), month, v, unit, target)
        for i, (month, v) in enumerate(zip(months, values, strict=True))
        if v is not None
    ]
    return IndicatorChart(
        WIDTH,
        HEIGHT,
        LEFT,
        RIGHT,
        TOP,
        BOTTOM,
        _runs(values, points),
        points,
        _levels([(kind, label, description, y(v)) for kind, label, description, v in shown]),
        _x_ticks(months, step),
        [Tick(_tick_text(low + (top - low) * i / 4), y=y(low + (top - low) * i / 4)) for i in range(5)],
        AXIS_TITLES[unit],
    )


def _point(x: float, y: float, month: date, value: Decimal, unit: Unit, target: Target | None) -> ChartPoint:
    rag = target.rag(value) if target is not None else NO_DATA
    return ChartPoint(
        round(x, 1), y, rag, f"{month_name(month)}: {formatted(value, unit)} ({POINT_WORDS[rag]})"
    )


def _runs(values: Sequence[Decimal | None], points: list[ChartPoint]) -> list[str]:
    """The points joined up period to period; a period without a value leaves a gap in the line."""
    runs: list[list[ChartPoint]] = [[]]
    remaining = iter(points)
    for value in values:
        if value is None:
            runs.append([])
        else:
            runs[-1].append(next(remaining))
    return [" ".join(f"{p.x:.1f},{p.y:.1f}" for p in run) for run in runs if len(run) > 1]


def _levels(lines: list[tuple[str, str, str, float]]) -> list[Level]:
    """Labels follow their lines, top to bottom, each at least a line of text below the one above."""
    levels = []
    below = -math.inf
    for kind, label, description, y in sorted(lines, key=lambda line: line[-1]):
        label_y = max(y + 5, below + LABEL_GAP)
        levels.append(Level(kind, label, description, y, round(label_y, 1)))
        below = label_y
    return levels


def _x_ticks(months: Sequence[date], step: float) -> list[Tick]:
    """About six month labels, the latest month always among them."""
    every = max(1, math.ceil(len(months) / 6))
    last = len(months) - 1
    return [
        Tick(short_month_name(m), x=round(LEFT + i * step, 1))
        for i, m in enumerate(months)
        if (last - i) % every == 0
    ]


def _tick_text(value: float) -> str:
    """'0', '25', '2.5', '1,000'."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")
