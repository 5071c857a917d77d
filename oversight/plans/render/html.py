"""The exception report as a standalone, accessible HTML page."""

from __future__ import annotations

from django.template.loader import render_to_string

from oversight.lib.months import month_name
from oversight.plans import exception_narrative as narrative
from oversight.plans.exception_report import ExceptionReport
from oversight.plans.render import tables


def context(report: ExceptionReport) -> dict[str, object]:
    return {
        "report": report,
        "month": month_name(report.month),
        "background": narrative.background(report),
        "analysis": narrative.analysis(report),
        "table1": tables.table1(report),
        "table2": tables.table2(report),
        "table3": tables.table3(report),
        "red_groups": tables.red_actions_by_priority(report),
        "warnings": tables.warnings(report),
        "complete_but_red": tables.complete_but_red(report),
    }


def render(report: ExceptionReport) -> bytes:
    return render_to_string("plans/exception_report_standalone.html", context(report)).encode()
