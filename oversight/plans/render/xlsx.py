"""The exception report as an Excel workbook: one sheet per table, text never read as a formula."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from oversight.lib.months import month_name
from oversight.plans import exception_narrative as narrative
from oversight.plans.exception_report import ExceptionReport
from oversight.plans.render import tables
from oversight.plans.render.tables import Table

BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def put(sheet: Worksheet, row: int, column: int, value: object, bold: bool = False) -> None:
    """Writes a value; text stays text even when it starts with '=', '+', '-' or '@'."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
    else:
        cell.value = value
    if bold:
        cell.font = BOLD


def add_sheet(book: Workbook, table: Table) -> Worksheet:
    sheet = book.create_sheet(table.name)
    put(sheet, 1, 1, table.caption, bold=True)
    for column, header in enumerate(table.headers, start=1):
        put(sheet, 2, column, header, bold=True)
    rows = [*table.rows, *([table.total] if table.total else [])]
    for r, row in enumerate(rows, start=3):
        for column, value in enumerate(row, start=1):
            put(sheet, r, column, value, bold=table.total is not None and r == len(rows) + 2)
    for column, header in enumerate(table.headers, start=1):
        letter = get_column_letter(column)
        if column - 1 in table.wide:
            sheet.column_dimensions[letter].width = 60
            for (cell,) in sheet.iter_rows(min_row=3, min_col=column, max_col=column):
                cell.alignment = WRAP
        else:
            longest = max([len(str(header))] + [len(str(row[column - 1])) for row in rows])
            sheet.column_dimensions[letter].width = min(max(longest + 2, 10), 50)
    sheet.freeze_panes = "A3"
    return sheet


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
        ("Red as % of due", f"{report.red_percent}%"),
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
    ):
        add_sheet(book, table)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
