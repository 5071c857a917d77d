"""The committee progress report as a Word paper, as HTML and as the PDF laid out from it; each formats
the one computation."""

from __future__ import annotations

from django.template.loader import render_to_string

from oversight.governance.committee_report import CommitteeReport, pillar_counts, pillar_table, progress_table
from oversight.lib.pdf import pdf_from_html
from oversight.lib.word import (
    DEFAULT_LOOK,
    Look,
    Paper,
    add_heading,
    add_paragraphs,
    add_table,
    new_paper,
    saved,
)
from oversight.plans.paper_appendices import Appendix, numbered
from oversight.plans.render.docx import add_appendices
from oversight.plans.render.paper import paper_context


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


def paper(report: CommitteeReport, look: Look) -> Paper:
    return Paper(report.council, heading(report), f"{report.as_at:%-d %B %Y}", look)


def context(report: CommitteeReport, look: Look = DEFAULT_LOOK) -> dict[str, object]:
    return {
        **paper_context(paper(report, look)),
        "report": report,
        "heading": heading(report),
        "introduction": introduction(report),
        "tables": [(name, progress_table(report, name, members)) for name, members in report.groups],
        "pillar_table": pillar_table(report),
        "appendices": appendices(report),
    }


def appendices(report: CommitteeReport) -> list[tuple[str, Appendix]]:
    """The appendices the plan's papers carry: "Appendix 1: Improvement funding", …"""
    return numbered(report.appendices, 1)


def render_html(report: CommitteeReport, look: Look = DEFAULT_LOOK) -> bytes:
    return render_to_string("governance/committee_report_standalone.html", context(report, look)).encode()


def render_pdf(report: CommitteeReport, look: Look = DEFAULT_LOOK) -> bytes:
    return pdf_from_html(render_html(report, look).decode())


def render_docx(report: CommitteeReport, look: Look = DEFAULT_LOOK) -> bytes:
    # five columns of text for each recommendation
    doc = new_paper(paper(report, look), wide=True)
    doc.add_heading(heading(report), 0)
    add_paragraphs(doc, introduction(report))
    for name, members in report.groups:
        add_heading(doc, name, 1)
        add_table(doc, progress_table(report, name, members))
    add_heading(doc, "Recommendations aligned to 'Putting Children First' pillars", 1)
    add_table(doc, pillar_table(report))
    add_appendices(doc, appendices(report))
    return saved(doc)
