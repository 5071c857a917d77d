"""The scorecard as a Word paper for a board: a table per service area, each rating shaded and named."""

from __future__ import annotations

from oversight.lib.months import add_months, month_name, short_month_name
from oversight.lib.tables import Cell, Figure, Table, rating
from oversight.lib.word import DEFAULT_LOOK, Look, Paper, add_heading, add_table, new_paper, saved
from oversight.performance.render.shared import Scorecard, rag_word, trend_word
from oversight.performance.scorecard import ScorecardRow, formatted

PREVIOUS_MONTHS = 3
STORY = "The story behind the figure"


def _row(row: ScorecardRow, stories: bool) -> list[Cell]:
    earlier = row.history[-1 - PREVIOUS_MONTHS : -1]
    return [
        row.name,
        Figure(formatted(row.target, row.unit)) if row.target is not None else "No target",
        Figure(formatted(row.value, row.unit)),
        rating(row.rag, rag_word(row.rag)),
        trend_word(row.trend),
        *(Figure(formatted(value, row.unit)) for value in earlier),
        *([row.story] if stories else []),
    ]


def area_tables(scorecard: Scorecard) -> list[tuple[str, Table]]:
    """Each service area's indicators against their targets, for the Word and PDF papers."""
    month = month_name(scorecard.month)
    earlier = [short_month_name(add_months(scorecard.month, -i)) for i in range(PREVIOUS_MONTHS, 0, -1)]
    # the story behind each figure, when any figure has one
    stories = any(row.story for _, rows in scorecard.areas for row in rows)
    story = [STORY] if stories else []
    return [
        (
            area,
            Table(
                area,
                f"{area}: each indicator in {month} against its target",
                ["Indicator", "Target", month, "Against target", "Trend", *earlier, *story],
                [_row(row, stories) for row in rows],
                wide={0, 5 + PREVIOUS_MONTHS} if stories else {0},
            ),
        )
        for area, rows in scorecard.areas
    ]


def render(scorecard: Scorecard, look: Look = DEFAULT_LOOK) -> bytes:
    # eight columns (nine with the stories behind the figures): the indicator, its target, this month,
    # its rating, the trend, three months before; the title names the month
    doc = new_paper(Paper(scorecard.council, scorecard.title, "", look), wide=True)
    doc.add_heading(scorecard.title, 0)
    if not scorecard.areas:
        doc.add_paragraph("No indicators have been set up for this plan yet.")
    for area, table in area_tables(scorecard):
        add_heading(doc, area, 1)
        add_table(doc, table)
    return saved(doc)
