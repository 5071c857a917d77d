"""The scorecard as an Excel workbook: a summary sheet, then a sheet per service area whose values are
numbers in their unit's format (percentages as percentages), RAG cells shaded, text never a formula."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import PatternFill

from oversight.lib.excel import add_sheet, sheet_name
from oversight.lib.months import month_name, short_month_name
from oversight.lib.tables import Cell, Table
from oversight.performance.render.docx import STORY
from oversight.performance.render.shared import Scorecard, rag_fill, rag_word, trend_word
from oversight.performance.scorecard import NO_DATA, ScorecardRow, Unit
from oversight.performance.scorecard_data import history_months

RAG_COLUMN = 4  # 1-based, as openpyxl counts
NUMBER_COLUMNS = (2, 3)  # target and this month; the history follows the trend
HISTORY_COLUMN = 6


def number(value: Decimal | None, unit: Unit) -> Decimal | None:
    """The value as Excel holds it: a percentage as a fraction (86% is 0.86), to show with '%'."""
    if value is None:
        return None
    return value / 100 if unit is Unit.PERCENTAGE else value


def number_format(value: Decimal | None, unit: Unit) -> str:
    """'0%', '0.5%' shown as '0.0%', '#,##0 "days"', '"1:"0': as many decimal places as the value has
    (at most two, as stored)."""
    places = max(0, min(2, -int(value.normalize().as_tuple().exponent))) if value is not None else 0
    digits = "0" + ("." + "0" * places if places else "")
    if unit is Unit.PERCENTAGE:
        return f"{digits}%"
    if unit is Unit.DAYS:
        return f'#,##{digits} "days"'
    if unit is Unit.RATIO:
        return f'"1:"{digits}'
    return f"#,##{digits}"


def _row(row: ScorecardRow, stories: bool) -> list[Cell]:
    return [
        row.name,
        number(row.target, row.unit),
        number(row.value, row.unit),
        rag_word(row.rag),
        trend_word(row.trend),
        *(number(value, row.unit) for value in row.history),
        *([row.story] if stories else []),
    ]


def _summary(scorecard: Scorecard) -> Table:
    counts = [
        [sum(1 for r in rows if r.rag == rag) for rag in ("G", "A", "R", NO_DATA)]
        for _, rows in scorecard.areas
    ]
    return Table(
        "Scorecard",
        scorecard.title + (f" ({scorecard.council})" if scorecard.council else ""),
        ["Service area", "Indicators", "Green", "Amber", "Red", "No data"],
        [[area, len(rows), *c] for (area, rows), c in zip(scorecard.areas, counts, strict=True)],
        [
            "Total",
            sum(len(rows) for _, rows in scorecard.areas),
            *(sum(c[i] for c in counts) for i in range(4)),
        ],
        wide={0},
    )


def render(scorecard: Scorecard) -> bytes:
    book = Workbook()
    book.remove(book.active)
    add_sheet(book, _summary(scorecard))
    taken = {"scorecard"}
    month = month_name(scorecard.month)
    history = [short_month_name(m) for m in history_months(scorecard.month)]
    stories = any(row.story for _, rows in scorecard.areas for row in rows)
    for area, rows in scorecard.areas:
        table = Table(
            sheet_name(area, taken, blank="Service area"),
            f"{area}: each indicator in {month} against its target, and the last 12 months",
            [
                "Indicator",
                "Target",
                month,
                "Against target",
                "Trend",
                *history,
                *([STORY] if stories else []),
            ],
            [_row(row, stories) for row in rows],
            wide={0, HISTORY_COLUMN - 1 + len(history)} if stories else {0},
        )
        sheet = add_sheet(book, table)
        for r, row in enumerate(rows, start=3):
            for column, value in [
                *zip(NUMBER_COLUMNS, (row.target, row.value), strict=True),
                *enumerate(row.history, start=HISTORY_COLUMN),
            ]:
                sheet.cell(row=r, column=column).number_format = number_format(value, row.unit)
            fill = rag_fill(row.rag)
            sheet.cell(row=r, column=RAG_COLUMN).fill = PatternFill("solid", start_color=fill, end_color=fill)
        sheet.freeze_panes = "B3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
