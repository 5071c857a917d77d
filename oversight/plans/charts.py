"""Geometry for the overview's charts, drawn as SVG by the templates; every chart also has a table."""

from __future__ import annotations

from dataclasses import dataclass

from oversight.lib.months import short_month_name
from oversight.plans.progress import RAG_ORDER, PacePoint, PriorityCounts

LABEL_WIDTH = 110
BAR_HEIGHT = 22
BAR_GAP = 10
CHART_WIDTH = 640
PLOT_HEIGHT = 240
MARGIN = 40


@dataclass(frozen=True)
class Segment:
    rag: str
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class Bar:
    label: str
    y: int
    text_y: int
    total: int
    total_x: float
    segments: list[Segment]


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bars: list[Bar]


def rag_bar_chart(priorities: list[PriorityCounts]) -> BarChart:
    """One stacked bar per priority: Red, Amber, Green, White, then no status."""
    widest = max((p.total for p in priorities), default=0) or 1
    scale = (CHART_WIDTH - LABEL_WIDTH - MARGIN) / widest
    bars = []
    for index, priority in enumerate(priorities):
        y = index * (BAR_HEIGHT + BAR_GAP)
        x = float(LABEL_WIDTH)
        segments = []
        for rag in RAG_ORDER:
            count = priority.counts.get(rag, 0)
            if count:
                segments.append(Segment(rag, count, x, count * scale))
                x += count * scale
        bars.append(Bar(f"Priority {priority.number}", y, y + 16, priority.total, x + 6, segments))
    return BarChart(CHART_WIDTH, max(len(bars) * (BAR_HEIGHT + BAR_GAP), BAR_HEIGHT), bars)


@dataclass(frozen=True)
class Tick:
    label: str
    x: float = 0
    y: float = 0


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    plot_left: int
    plot_bottom: int
    plot_right: int
    due: str
    completed: str
    x_ticks: list[Tick]
    y_ticks: list[Tick]


def pace_line_chart(points: list[PacePoint]) -> LineChart:
    """Actions due and actions completed, month by month, as two lines on the same axes."""
    top = max((max(p.due, p.completed) for p in points), default=0) or 1
    # the last month's label is centred on the plot's right edge: half of it must fit inside the chart
    left, bottom, right = MARGIN + 10, PLOT_HEIGHT, CHART_WIDTH - MARGIN
    step = (right - left) / max(len(points) - 1, 1)

    def xy(index: int, value: int) -> str:
        return f"{left + index * step:.1f},{bottom - value / top * (bottom - 10):.1f}"

    every = max(1, len(points) // 8)
    x_ticks = [
        Tick(short_month_name(p.month), x=left + i * step) for i, p in enumerate(points) if i % every == 0
    ]
    y_values = sorted({0, top // 2, top})
    y_ticks = [Tick(str(v), y=bottom - v / top * (bottom - 10)) for v in y_values]
    return LineChart(
        CHART_WIDTH,
        PLOT_HEIGHT + 40,
        left,
        bottom,
        right,
        " ".join(xy(i, p.due) for i, p in enumerate(points)),
        " ".join(xy(i, p.completed) for i, p in enumerate(points)),
        x_ticks,
        y_ticks,
    )
