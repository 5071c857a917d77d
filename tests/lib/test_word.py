"""A table in a Word document: its caption, a header row that repeats on every page, the total in bold;
and a shaded cell."""

from __future__ import annotations

from docx import Document
from docx.oxml.ns import qn

from oversight.lib.tables import Table
from oversight.lib.word import add_table, shade


def test_a_table_follows_its_caption_with_its_header_repeated_on_each_page() -> None:
    doc = Document()
    word = add_table(
        doc, Table("Table 1", "Table 1: due", ["Priority", "Due"], [["Priority 1", 3]], ["Total", 3])
    )
    assert doc.paragraphs[-1].text == "Table 1: due" and doc.paragraphs[-1].style.name == "Caption"
    assert [[c.text for c in row.cells] for row in word.rows] == [
        ["Priority", "Due"],
        ["Priority 1", "3"],
        ["Total", "3"],
    ]
    header = word.rows[0]._tr.trPr.find(qn("w:tblHeader"))
    assert header is not None and header.get(qn("w:val")) == "true"

    def bold(row: int) -> list[bool | None]:
        return [run.bold for cell in word.rows[row].cells for run in cell.paragraphs[0].runs if run.text]

    assert bold(0) == [True, True] and bold(2) == [True, True]
    assert bold(1) == [None, None]


def test_a_shaded_cell_has_the_fill_given() -> None:
    word = add_table(Document(), Table("T", "T", ["RAG"], [["Red"]]))
    shade(word.rows[1].cells[0], "F4D7D7")
    shading = word.rows[1].cells[0]._tc.tcPr.find(qn("w:shd"))
    assert shading.get(qn("w:fill")) == "F4D7D7"
