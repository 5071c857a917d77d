"""An indicator's chart: its values against the target and comparators, each point rated."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from oversight.lib.months import add_months
from oversight.performance.charts import BOTTOM, LABEL_GAP, LEFT, RIGHT, TOP, indicator_chart, nice_top
from oversight.performance.scorecard import Polarity, Target, Unit

MONTHS = [add_months(date(2017, 4, 1), i) for i in range(12)]
TARGET = Target(D(80), Polarity.HIGHER, D(5))


def year(*values: int | None) -> list[D | None]:
    return [None if v is None else D(v) for v in values]


def test_a_percentage_is_drawn_from_0_to_100_and_the_target_line_is_at_its_height() -> None:
    chart = indicator_chart(
        MONTHS, year(60, 64, 70, 76, 78, 80, 81, 84, 86, 88, 90, 92), Unit.PERCENTAGE, TARGET
    )
    [target] = chart.levels
    assert target.kind == "target" and target.label == "Target 80%"
    assert target.y == pytest.approx(BOTTOM - 0.8 * (BOTTOM - TOP), abs=0.1)
    assert [t.label for t in chart.y_ticks] == ["0", "25", "50", "75", "100"]
    assert chart.y_ticks[-1].y == TOP and chart.axis_title == "Per cent"


def test_each_point_is_rated_against_the_target() -> None:
    chart = indicator_chart(MONTHS, year(64, 76, 80, *[None] * 9), Unit.PERCENTAGE, TARGET)
    assert [p.rag for p in chart.points] == ["R", "A", "G"]
    assert chart.points[0].label == "April 2017: 64% (Red)"
    assert chart.points[0].x == LEFT and chart.points[2].x > chart.points[1].x


def test_a_month_without_a_value_leaves_a_gap_in_the_line() -> None:
    chart = indicator_chart(
        MONTHS, year(60, 62, None, 70, 71, 72, None, None, 80, None, 82, 84), Unit.PERCENTAGE, TARGET
    )
    assert len(chart.points) == 8
    assert [len(run.split()) for run in chart.lines] == [2, 3, 2]  # 80 stands alone: a point, no line
    assert chart.points[-1].x == RIGHT


def test_comparators_are_drawn_only_when_set() -> None:
    comparators = [
        ("england", "England 2022-23: 82%", D(82)),
        ("statistical_neighbours", "Statistical neighbours 2022-23", None),
        ("region", "Region 2022-23: 79%", D(79)),
    ]
    chart = indicator_chart(MONTHS, year(*[70] * 12), Unit.PERCENTAGE, TARGET, comparators)
    assert [level.kind for level in chart.levels] == ["england", "target", "region"]  # top to bottom
    assert [level.label for level in chart.levels] == ["England 82%", "Target 80%", "Region 79%"]
    assert chart.levels[0].legend == "Dotted purple line: England 2022-23: 82%"
    assert all(
        b.label_y - a.label_y >= LABEL_GAP for a, b in zip(chart.levels, chart.levels[1:], strict=False)
    )


def test_without_a_target_the_points_are_not_rated_and_no_target_line_is_drawn() -> None:
    chart = indicator_chart(MONTHS, year(*[3] * 12), Unit.NUMBER, None)
    assert chart.levels == [] and {p.rag for p in chart.points} == {"none"}
    assert chart.y_ticks[-1].label == "5"  # the scale fits the values


def test_there_is_no_chart_without_a_value() -> None:
    assert indicator_chart(MONTHS, [None] * 12, Unit.PERCENTAGE, TARGET) is None


def test_a_longer_period_labels_about_six_months_ending_with_the_latest() -> None:
    months = [add_months(date(2015, 4, 1), i) for i in range(36)]
    chart = indicator_chart(months, [D(5)] * 36, Unit.DAYS, None)
    assert len(chart.x_ticks) == 6 and chart.x_ticks[-1].label == "Mar 18"


def test_the_scale_rounds_up_to_a_round_number() -> None:
    assert [nice_top(v) for v in (0, 0.3, 9, 86, 120, 4400)] == [1, 0.5, 10, 100, 200, 5000]
