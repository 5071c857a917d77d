"""The exception report as a Word paper ready for a committee agenda."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from oversight.lib.months import month_name
from oversight.lib.word import (
    DEFAULT_LOOK,
    Look,
    Paper,
    add_heading,
    add_labelled,
    add_paragraphs,
    add_table,
    landscape,
    new_paper,
    saved,
)
from oversight.plans import exception_narrative as narrative
from oversight.plans.exception_report import ExceptionReport
from oversight.plans.paper_appendices import Appendix
from oversight.plans.render import tables
from oversight.plans.render.sections import later_sections

PURPOSE = (
    "The purpose of this report is to outline areas where there has been a delay in "
    "progressing actions in the plan by the published timescale."
)
RECOMMENDATION = "Members of the Board are invited to comment on the contents of this report."


def title(report: ExceptionReport) -> str:
    return f"{report.title}: exception report, {month_name(report.month)}"


def render(report: ExceptionReport, look: Look = DEFAULT_LOOK) -> bytes:
    doc = new_paper(Paper(report.council, title(report), f"{report.as_at:%-d %B %Y}", look))
    doc.add_heading(title(report), 0)
    if report.council:
        add_labelled(doc, "Council", report.council)
    add_labelled(doc, "Subject", f"Improvement plan exception report - {month_name(report.month)}")
    add_labelled(doc, "As at", f"{report.as_at:%-d %B %Y}")

    text = narrative.analysis(report)
    add_heading(doc, "1. Purpose of the report", 1)
    doc.add_paragraph(PURPOSE)
    add_heading(doc, "2. Recommendations", 1)
    doc.add_paragraph(RECOMMENDATION)
    add_heading(doc, "3. Background", 1)
    add_paragraphs(doc, narrative.background(report))
    doc.add_paragraph(narrative.appendices_said(report))
    add_heading(doc, "4. Analysis", 1)
    add_paragraphs(doc, text["summary"])
    add_table(doc, tables.table1(report))
    add_paragraphs(doc, text["table1"])
    add_table(doc, tables.table2(report))
    add_paragraphs(doc, text["table2"])
    add_table(doc, tables.table3(report))
    add_paragraphs(doc, text["table3"])
    add_heading(doc, f"5. {narrative.CURRENT_STATUS}", 1)
    _by_priority(doc, narrative.current_status(report), add_paragraphs)
    for section in later_sections(report):
        add_heading(doc, f"{section.number}. {section.heading}", 1)
        doc.add_paragraph(section.text)
        for table in section.tables:
            add_table(doc, table)

    landscape(doc)
    add_heading(doc, narrative.appendix_heading(report), 1)
    _by_priority(doc, tables.red_actions_by_priority(report), add_table)
    add_appendices(doc, narrative.more_appendices(report))
    return saved(doc)


def add_appendices(doc: Any, appendices: Sequence[tuple[str, Appendix]]) -> None:
    """The appendices the plan's papers carry, each under its numbered heading (landscape pages)."""
    for heading, appendix in appendices:
        add_heading(doc, heading, 1)
        add_paragraphs(doc, appendix.paragraphs)
        for table in appendix.tables:
            add_table(doc, table)


def _by_priority(doc: Any, groups: Sequence[tuple[str, Any]], add: Callable[[Any, Any], Any]) -> None:
    """Each priority with Red actions under its own heading, or a sentence saying there are none."""
    if not groups:
        doc.add_paragraph(narrative.NO_RED)
    for name, content in groups:
        add_heading(doc, name, 2)
        add(doc, content)
