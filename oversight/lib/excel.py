"""Excel (.xlsx) workbooks: a table as a sheet with a frozen header and a filter, figures as numbers in
their format (a percentage as a percentage, a change with its sign or "no change"), ratings shaded,
text always written as text (never run as a formula), and sheet names Excel accepts."""

from __future__ import annotations

import re
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from oversight.lib.tables import MINUS, Change, Figure, Percent, Rating, Table

BOLD = Font(bold=True)
RIGHT = Alignment(horizontal="right")
CHANGE_FORMAT = f'+0;"{MINUS}"0;"no change"'
WRAP = Alignment(wrap_text=True, vertical="top")
NOT_IN_A_SHEET_NAME = re.compile(r"[\\/*?:\[\]]")
SHEET_NAME_LENGTH = 31  # Excel's limit


def put(sheet: Worksheet, row: int, column: int, value: object, bold: bool = False) -> None:
    """Writes a value; text stays text even when it starts with '=', '+', '-' or '@'."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, Percent):
        cell.value = Decimal(value.value) / 100
        places = max(0, -int(Decimal(value.value).normalize().as_tuple().exponent))  # type: ignore[operator]
        cell.number_format = "0" + ("." + "0" * places if places else "") + "%"
    elif isinstance(value, Change):
        cell.value = value.value
        cell.number_format = CHANGE_FORMAT
    elif isinstance(value, (str, Figure, Rating)):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", str(value))
        cell.data_type = "s"
        if isinstance(value, Figure):
            cell.alignment = RIGHT
        if isinstance(value, Rating):
            cell.fill = PatternFill("solid", start_color=value.fill, end_color=value.fill)
    else:
        cell.value = value
    if bold:
        cell.font = BOLD


def add_sheet(book: Workbook, table: Table) -> Worksheet:
    """A sheet named after the table: its caption, its headers, its rows and total in bold, long text
    wrapped, and other columns as wide as their longest value."""
    sheet = book.create_sheet(table.name)
    put(sheet, 1, 1, table.caption, bold=True)
    for column, header in enumerate(table.headers, start=1):
        put(sheet, 2, column, header, bold=True)
    rows = table.body
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
    if table.rows:  # the filter's rows stop above the total, which must not be sorted in among them
        sheet.auto_filter.ref = f"A2:{get_column_letter(len(table.headers))}{len(table.rows) + 2}"
    return sheet


def sheet_name(wanted: str, taken: set[str], blank: str = "Sheet") -> str:
    """A sheet's name for `wanted`: without the characters Excel refuses, short enough, and not the same
    (in any case) as a name in `taken` (which it joins) or the 'History' Excel reserves."""
    base = NOT_IN_A_SHEET_NAME.sub(" ", wanted).strip(" '")[:SHEET_NAME_LENGTH].strip() or blank
    name, n = base, 1
    while name.casefold() in taken or name.casefold() == "history":
        n += 1
        suffix = f" ({n})"
        name = base[: SHEET_NAME_LENGTH - len(suffix)].rstrip() + suffix
    taken.add(name.casefold())
    return name
