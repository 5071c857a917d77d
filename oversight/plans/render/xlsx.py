"""The exception report as an Excel workbook: one sheet per table, text never read as a formula."""

from __future__ import annotations

import io

from openpyxl import Workbook

from oversight.lib.excel import WRAP, add_sheet, put
from oversight.lib.months import month_name
from oversight.lib.tables import Percent
from oversight.plans import exception_narrative as narrative
from oversight.plans.exception_report import ExceptionReport
from oversight.plans.render import tables


def render(report: ExceptionReport) -> bytes:
    book = Workbook()
    summary = book.active
    summary.title = "Summary"
    text = narrative.analysis(report)
    lines: list[tuple[str, object]] = [
        ("Plan", report.title),
        ("Council", report.council),
        ("As at", report.as_at),
        ("Report month", month_name(report.month)),
        ("Actions due", report.due),
        ("Actions Red", report.red),
        ("Red as % of due", Percent(report.red_percent)),
        ("In progress, not yet due", report.in_progress_not_yet_due),
        ("Became due this month", report.new_due),
        ("Of which Red", report.new_due_red),
    ]
    put(summary, 1, 1, f"{report.title}: exception report, {month_name(report.month)}", True)
    for r, (label, value) in enumerate(lines, start=3):
        put(summary, r, 1, label, bold=True)
        put(summary, r, 2, value)
        if label == "As at":
            summary.cell(row=r, column=2).number_format = "DD/MM/YYYY"
    r = len(lines) + 4
    for paragraph in [p for part in text.values() for p in part]:
        put(summary, r, 1, paragraph)
        summary.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        summary.cell(row=r, column=1).alignment = WRAP
        summary.row_dimensions[r].height = 15 * (1 + len(paragraph) // 110)
        r += 1
    summary.column_dimensions["A"].width = 28
    summary.column_dimensions["B"].width = 40

    for table in (
        tables.table1(report),
        tables.table2(report),
        tables.table3(report),
        tables.red_actions(report),
        tables.movements(report),
        tables.complete_but_red(report),
        tables.warnings(report),
        tables.slippage(report),
        tables.retimed(report),
        tables.withdrawn(report),
        *(t for appendix in report.appendices for t in appendix.tables),
    ):
        add_sheet(book, table)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
