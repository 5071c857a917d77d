"""Geometry for the workforce page's charts: a few rates (per cent) month by month as lines on one pair
of axes, drawn as SVG by the page, which gives the same figures as a table beside it. A month without a
figure leaves a gap in its line. Pure."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from oversight.lib.months import short_month_name
from oversight.plans.charts import Tick

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 50, 620, 24, 250
STYLES = ("Solid blue line", "Dashed green line", "Dotted purple line")


@dataclass(frozen=True)
class Series:
    name: str  # "Vacancy rate"
    values: tuple[Decimal | None, ...]  # one a month


@dataclass(frozen=True)
class Line:
    name: str
    style: int  # 1, 2 or 3: its look (assets/oversight.scss, app-chart__series--N)
    runs: tuple[str, ...]  # polyline points, one run of months with figures each
    points: tuple[Tick, ...]  # a dot each month with a figure, its label "Nov 26: 12.5%"

    @property
    def legend(self) -> str:
        return f"{STYLES[self.style - 1]}: {self.name}"


@dataclass(frozen=True)
class RatesChart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    lines: tuple[Line, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]


def rates_chart(months: Sequence[date], series: Sequence[Series]) -> RatesChart | None:
    """Up to three series of percentages over `months`; None when no series has a figure."""
    known = [float(v) for s in series for v in s.values if v is not None]
    if not known:
        return None
    top = 100.0 if max(known) > 50 else 50.0 if max(known) > 25 else 25.0
    top = max(top, math.ceil(max(known) / 10) * 10)
    step = (RIGHT - LEFT) / max(len(months) - 1, 1)

    def y(value: float) -> float:
        return round(BOTTOM - value / top * (BOTTOM - TOP), 1)

    lines = []
    for number, found in enumerate(series[: len(STYLES)], start=1):
        runs: list[list[str]] = [[]]
        points = []
        for index, (month, value) in enumerate(zip(months, found.values, strict=True)):
            if value is None:
                runs.append([])
                continue
            x, at = round(LEFT + index * step, 1), y(float(value))
            runs[-1].append(f"{x:.1f},{at:.1f}")
            points.append(Tick(f"{found.name}, {short_month_name(month)}: {value}%", x=x, y=at))
        lines.append(
            Line(found.name, number, tuple(" ".join(run) for run in runs if len(run) > 1), tuple(points))
        )
    every = max(1, math.ceil(len(months) / 7))
    last = len(months) - 1
    return RatesChart(
        WIDTH,
        HEIGHT,
        LEFT,
        RIGHT,
        TOP,
        BOTTOM,
        tuple(lines),
        tuple(
            Tick(short_month_name(m), x=round(LEFT + i * step, 1))
            for i, m in enumerate(months)
            if (last - i) % every == 0
        ),
        tuple(Tick(f"{top * i / 4:g}%", y=y(top * i / 4)) for i in range(5)),
    )
