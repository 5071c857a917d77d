"""Word (.docx) documents: a table with its caption and a header row that repeats on every page, and
shaded cells."""

from __future__ import annotations

from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table as WordTable

from oversight.lib.tables import Table


def add_table(doc: Any, table: Table) -> WordTable:
    """Adds the table after its caption, its header and total rows in bold."""
    doc.add_paragraph(table.caption, style="Caption")
    word = doc.add_table(rows=1, cols=len(table.headers))
    word.style = "Table Grid"
    word.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = word.rows[0]
    repeat_as_header(header)
    for cell, text in zip(header.cells, table.headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in table.rows:
        for cell, value in zip(word.add_row().cells, row, strict=True):
            cell.text = str(value)
    if table.total:
        for cell, value in zip(word.add_row().cells, table.total, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(str(value)).bold = True
    return word


def repeat_as_header(row: Any) -> None:
    """Marks a table's first row to repeat at the top of each page it runs onto."""
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def shade(cell: Any, fill: str) -> None:
    """Fills a table cell with a colour, given as six hex digits."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)
