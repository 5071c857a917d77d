"""The funding table as a Word paper or an Excel workbook: the committee report's layout, in £'000."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from openpyxl import Workbook

from oversight.funding.table import FundingLine, funding_table
from oversight.lib.excel import add_sheet
from oversight.lib.word import Look, Paper, add_table, new_paper, saved

TITLE = "Additional funding for children's social care"


def docx(lines: Sequence[FundingLine], years: Sequence[str], day: date, council: str, look: Look) -> bytes:
    doc = new_paper(Paper(council, TITLE, f"{day:%-d %B %Y}", look), wide=True)
    doc.add_heading(TITLE, 0)
    add_table(doc, funding_table(lines, years, day, TITLE))
    return saved(doc)


def xlsx(lines: Sequence[FundingLine], years: Sequence[str], day: date) -> bytes:
    """Figures as numbers in £'000 with thousands separators, so that the council's own sums work."""
    book = Workbook()
    book.remove(book.active)
    table = funding_table(lines, years, day, TITLE, numbers=True)
    sheet = add_sheet(book, table)
    for row in sheet.iter_rows(min_row=3, min_col=2, max_col=1 + 2 * len(years)):
        for cell in row:
            cell.number_format = "#,##0"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
