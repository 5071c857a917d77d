"""The committee progress report as a Word document and as HTML; both format the one computation."""

from __future__ import annotations

import io

from django.template.loader import render_to_string
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Pt

from oversight.governance.committee_report import CommitteeReport, pillar_counts, pillar_table, progress_table
from oversight.lib.word import add_table


def heading(report: CommitteeReport) -> str:
    return f"{report.title}: progress against Ofsted's recommendations"


def introduction(report: CommitteeReport) -> list[str]:
    counts = pillar_counts(report)
    by_pillar = "; ".join(f"{pillar.label} {count}" for pillar, count in counts.items())
    text = [
        f"This report sets out progress against the {len(report.recommendations)} recommendations of the "
        f"{report.inspection}, as at {report.as_at:%d %B %Y}, grouped by {report.grouping}.",
        "For each recommendation it gives the update on what has been done, the impact seen in performance, "
        "and the state of the improvement plan actions that answer it.",
    ]
    if any(counts.values()):
        text.append(f"Recommendations aligned to each Putting Children First pillar: {by_pillar}.")
    return text


def context(report: CommitteeReport) -> dict[str, object]:
    return {
        "report": report,
        "heading": heading(report),
        "introduction": introduction(report),
        "tables": [(name, progress_table(report, name, members)) for name, members in report.groups],
        "pillar_table": pillar_table(report),
    }


def render_html(report: CommitteeReport) -> bytes:
    return render_to_string("governance/committee_report_standalone.html", context(report)).encode()


def render_docx(report: CommitteeReport) -> bytes:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Arial", Pt(11)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    doc.add_heading(heading(report), level=1)
    if report.council:
        doc.add_paragraph(report.council)
    for text in introduction(report):
        doc.add_paragraph(text)
    for name, members in report.groups:
        doc.add_heading(name, level=2)
        add_table(doc, progress_table(report, name, members))
    doc.add_heading("Recommendations aligned to 'Putting Children First' pillars", level=2)
    add_table(doc, pillar_table(report))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
