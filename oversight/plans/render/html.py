"""The exception report as a standalone, accessible HTML page, and as the PDF laid out from it."""

from __future__ import annotations

from django.template.loader import render_to_string

from oversight.lib.months import month_name
from oversight.lib.pdf import pdf_from_html
from oversight.lib.word import DEFAULT_LOOK, Look, Paper
from oversight.plans import exception_narrative as narrative
from oversight.plans.exception_report import ExceptionReport
from oversight.plans.render import tables
from oversight.plans.render.docx import PURPOSE, RECOMMENDATION, title
from oversight.plans.render.paper import paper_context
from oversight.plans.render.sections import later_sections


def context(report: ExceptionReport, look: Look = DEFAULT_LOOK) -> dict[str, object]:
    return {
        **paper_context(Paper(report.council, title(report), f"{report.as_at:%-d %B %Y}", look)),
        "report": report,
        "month": month_name(report.month),
        "purpose": PURPOSE,
        "recommendation": RECOMMENDATION,
        "background": narrative.background(report),
        "analysis": narrative.analysis(report),
        "current_status_heading": narrative.CURRENT_STATUS,
        "no_red": narrative.NO_RED,
        "appendix_heading": narrative.appendix_heading(report),
        "current_status": narrative.current_status(report),
        "table1": tables.table1(report),
        "table2": tables.table2(report),
        "table3": tables.table3(report),
        "red_groups": tables.red_actions_by_priority(report),
        "later_sections": later_sections(report),
        "appendices_said": narrative.appendices_said(report),
        "appendices": narrative.more_appendices(report),
    }


def render(report: ExceptionReport, look: Look = DEFAULT_LOOK) -> bytes:
    return render_to_string("plans/exception_report_standalone.html", context(report, look)).encode()


def render_pdf(report: ExceptionReport, look: Look = DEFAULT_LOOK) -> bytes:
    return pdf_from_html(render(report, look).decode())
