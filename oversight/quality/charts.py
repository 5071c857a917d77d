"""The report's chart: the share of audits graded good or better in each of twelve months, as bars. Its
geometry is worked out once, here; the HTML draws it as SVG and the Word paper as a PNG from the same
bars. Every chart has a table of its figures beside it."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from oversight.lib.months import short_month_name
from oversight.quality.summary import Summary

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 10, 16, 40
PLOT_HEIGHT = HEIGHT - TOP - BOTTOM
BAR_FILL = "#1d70b8"  # GOV.UK blue
INK = "#0b0c0c"
RULE = "#b1b4b6"


@dataclass(frozen=True)
class Bar:
    label: str  # "Nov 26"
    value: int | None  # the percentage; None: no audit graded that month
    x: float
    y: float
    width: float
    height: float

    @property
    def text(self) -> str:
        return f"{self.value}%" if self.value is not None else "none"

    @property
    def middle(self) -> float:
        return self.x + self.width / 2


@dataclass(frozen=True)
class TrendChart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    levels: tuple[tuple[int, float], ...]  # (percentage, y) of the axis' lines: 0, 50, 100
    baseline: float

    @property
    def label_y(self) -> float:
        return self.baseline + 14

    @property
    def right(self) -> int:
        return self.width - RIGHT


def trend_chart(summary: Summary) -> TrendChart:
    step = (WIDTH - LEFT - RIGHT) / len(summary.months)
    bars = []
    for n, month in enumerate(summary.months):
        share = summary.good_trend[month]
        value = share.percent if share.whole else None
        height = PLOT_HEIGHT * (value or 0) / 100
        bars.append(
            Bar(
                short_month_name(month),
                value,
                LEFT + n * step + step * 0.15,
                TOP + PLOT_HEIGHT - height,
                step * 0.7,
                height,
            )
        )
    levels = tuple((p, TOP + PLOT_HEIGHT * (100 - p) / 100) for p in (0, 50, 100))
    return TrendChart(WIDTH, HEIGHT, tuple(bars), levels, TOP + PLOT_HEIGHT)


def chart_png(chart: TrendChart, scale: int = 2) -> bytes:
    """The chart as a PNG for a Word paper, drawn at `scale` times its size so that it prints sharp."""
    image = Image.new("RGB", (chart.width * scale, chart.height * scale), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=11 * scale)
    for percent, y in chart.levels:
        draw.line(
            [(LEFT * scale, y * scale), ((chart.width - RIGHT) * scale, y * scale)], fill=RULE, width=scale
        )
        draw.text(((LEFT - 6) * scale, y * scale), f"{percent}%", fill=INK, font=font, anchor="rm")
    for bar in chart.bars:
        if bar.height:
            draw.rectangle(
                [bar.x * scale, bar.y * scale, (bar.x + bar.width) * scale, chart.baseline * scale],
                fill=BAR_FILL,
            )
        draw.text((bar.middle * scale, (bar.y - 3) * scale), bar.text, fill=INK, font=font, anchor="md")
        draw.text((bar.middle * scale, chart.label_y * scale), bar.label, fill=INK, font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()
