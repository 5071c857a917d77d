"""The scorecard as a Word document for a board's papers: a table per service area, RAG cells shaded."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Pt

from oversight.lib.months import add_months, month_name, short_month_name
from oversight.lib.tables import Cell, Table
from oversight.lib.word import add_table, shade
from oversight.performance.render.shared import Scorecard, rag_fill, rag_word, trend_word
from oversight.performance.scorecard import ScorecardRow, formatted

PREVIOUS_MONTHS = 3
RAG_COLUMN = 3


def _row(row: ScorecardRow) -> list[Cell]:
    earlier = row.history[-1 - PREVIOUS_MONTHS : -1]
    return [
        row.name,
        formatted(row.target, row.unit) if row.target is not None else "No target",
        formatted(row.value, row.unit),
        rag_word(row.rag),
        trend_word(row.trend),
        *(formatted(value, row.unit) for value in earlier),
    ]


def render(scorecard: Scorecard) -> bytes:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    doc.core_properties.title = scorecard.title
    doc.core_properties.author = "Oversight"

    doc.add_heading(scorecard.title, 0)
    if scorecard.council:
        doc.add_paragraph(scorecard.council)
    month = month_name(scorecard.month)
    earlier = [short_month_name(add_months(scorecard.month, -i)) for i in range(PREVIOUS_MONTHS, 0, -1)]
    if not scorecard.areas:
        doc.add_paragraph("No indicators have been set up for this plan yet.")
    for area, rows in scorecard.areas:
        doc.add_heading(area, 1)
        table = Table(
            area,
            f"{area}: each indicator in {month} against its target",
            ["Indicator", "Target", month, "Against target", "Trend", *earlier],
            [_row(row) for row in rows],
        )
        word = add_table(doc, table)
        for cells, row in zip(word.rows[1:], rows, strict=True):
            shade(cells.cells[RAG_COLUMN], rag_fill(row.rag))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
