"""The exception report as a Word document ready for a committee agenda."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Pt

from oversight.lib.months import month_name
from oversight.lib.word import add_table
from oversight.plans import exception_narrative as narrative
from oversight.plans.exception_report import ExceptionReport
from oversight.plans.render import tables

PURPOSE = (
    "The purpose of this report is to outline areas where there has been a delay in "
    "progressing actions in the plan by the published timescale."
)
RECOMMENDATION = "Members of the Board are invited to comment on the contents of this report."


def _paragraphs(doc, paragraphs: list[str]) -> None:
    for text in paragraphs:
        doc.add_paragraph(text)


def render(report: ExceptionReport) -> bytes:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    doc.core_properties.title = f"{report.title}: exception report, {month_name(report.month)}"
    doc.core_properties.author = "Oversight"

    doc.add_heading(f"{report.title}: exception report, {month_name(report.month)}", 0)
    details = [
        ("Subject", f"Improvement plan exception report - {month_name(report.month)}"),
        ("As at", f"{report.as_at:%-d %B %Y}"),
    ]
    if report.council:
        details.insert(0, ("Council", report.council))
    for label, value in details:
        p = doc.add_paragraph()
        p.add_run(f"{label}: ").bold = True
        p.add_run(value)

    text = narrative.analysis(report)
    doc.add_heading("1. Purpose of the report", 1)
    doc.add_paragraph(PURPOSE)
    doc.add_heading("2. Recommendations", 1)
    doc.add_paragraph(RECOMMENDATION)
    doc.add_heading("3. Background", 1)
    _paragraphs(doc, narrative.background(report))
    doc.add_paragraph("Appendix 1 lists every action RAG rated Red with its commentary.")
    doc.add_heading("4. Analysis", 1)
    _paragraphs(doc, text["summary"])
    add_table(doc, tables.table1(report))
    _paragraphs(doc, text["table1"])
    add_table(doc, tables.table2(report))
    _paragraphs(doc, text["table2"])
    add_table(doc, tables.table3(report))
    _paragraphs(doc, text["table3"])
    section = 5
    if report.complete_but_red:
        doc.add_heading(f"{section}. {tables.MEASURE_RED}", 1)
        doc.add_paragraph(
            "Actions rated Green whose linked performance indicator is rated Red: the work is done, but "
            "the change it was meant to bring is not yet seen."
        )
        add_table(doc, tables.complete_but_red(report))
        section += 1
    if report.warnings:
        doc.add_heading(f"{section}. Statuses to check", 1)
        doc.add_paragraph(f"{len(report.warnings)} statuses contradict the dates or are missing.")
        add_table(doc, tables.warnings(report))

    appendix = doc.add_section(WD_SECTION.NEW_PAGE)
    appendix.orientation = WD_ORIENT.LANDSCAPE
    appendix.page_width, appendix.page_height = appendix.page_height, appendix.page_width
    doc.add_heading(f"Appendix 1: actions not progressed up to {report.as_at:%-d %B %Y}", 1)
    groups = tables.red_actions_by_priority(report)
    if not groups:
        doc.add_paragraph("No due action is RAG rated Red.")
    for name, table in groups:
        doc.add_heading(name, 2)
        add_table(doc, table)

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
