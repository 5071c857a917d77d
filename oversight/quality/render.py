"""The Quality Assurance report as a board paper: Word, or HTML (and PDF from it) in the council's look."""

from __future__ import annotations

import io

from django.template.loader import render_to_string
from docx.shared import Mm

from oversight.lib.pdf import pdf_from_html
from oversight.lib.word import Look, Paper, add_heading, add_paragraphs, add_table, new_paper, saved
from oversight.plans.render.paper import paper_context
from oversight.quality.charts import chart_png
from oversight.quality.report import QualityReport

FORMATS = {
    "html": ("Web page", "text/html; charset=utf-8"),
    "docx": ("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": ("PDF", "application/pdf"),
}
CHART_WORDS = (
    "Bar chart of the share of case audits graded good or better in each of the twelve months; the table"
    " after it gives the figures."
)


def _paper(report: QualityReport, look: Look) -> Paper:
    return Paper(report.council, report.title, f"{report.month:%B %Y}", look)


def docx(report: QualityReport, look: Look) -> bytes:
    doc = new_paper(_paper(report, look))
    doc.add_heading(report.title, 0)
    add_heading(doc, "Summary", 1)
    add_paragraphs(doc, report.sentences)
    add_heading(doc, "Graded good or better, month by month", 1)
    picture = doc.add_picture(io.BytesIO(chart_png(report.chart)), width=Mm(160))
    picture._inline.docPr.set("descr", CHART_WORDS)  # the picture's alternative text
    add_table(doc, report.chart_table)
    for heading, table in report.tables:
        add_heading(doc, heading, 1)
        add_table(doc, table)
    for dive in report.deep_dives:
        add_heading(doc, f"{dive.kind}: {dive.title}", 1)
        if dive.question:
            doc.add_paragraph(f"The question: {dive.question}")
        doc.add_paragraph(
            f"{dive.done:,} of {dive.audits:,} audits completed; "
            + (f"{dive.good.percent}% graded good or better." if dive.good.whole else "none graded yet.")
        )
        add_paragraphs(
            doc, [p for p in dive.findings.split("\n") if p.strip()] or ["No findings written yet."]
        )
    return saved(doc)


def html(report: QualityReport, look: Look) -> str:
    return render_to_string(
        "quality/report_paper.html",
        {"report": report, "chart_words": CHART_WORDS, **paper_context(_paper(report, look))},
    )


def pdf(report: QualityReport, look: Look) -> bytes:
    return pdf_from_html(html(report, look))
