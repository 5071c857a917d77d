"""A Word paper opened as a democratic services officer would: what every report must be to go into a
council's agenda unchanged. Each Word output's tests call `check_paper` on a real file."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

A4_SIDES = {11906, 16838}  # in twentieths of a point, as Word keeps them
# a count, a percentage or a change (not "1.1", which may be an action's number), or a missing figure
FIGURE = re.compile(r"^([+\u2212]?\d[\d,]*%?|no change|no data|No data|)$")
# Arial's widest common letters take up to 0.94 of an em; at 10 pt a word of n letters needs at least
# 0.5 em a letter on average: a column narrower than that breaks its longest word in two
LEAST_EM_PER_LETTER = 0.5
TABLE_PT = 10
LONGEST_WORD = 40  # longer "words" (web addresses) may break


@dataclass
class Paper:
    doc: object
    header: str
    footer_fields: list[str]


def check_paper(data: bytes, *, a4: bool = True) -> Paper:
    """Asserts what every paper must be, and gives the document for the test's own checks."""
    doc = Document(io.BytesIO(data))
    for section in doc.sections:
        sides = {section.page_width.twips, section.page_height.twips}
        if a4:
            assert sides == A4_SIDES, f"a page is {sides} twips, not A4"
    first = doc.sections[0]
    header = "\n".join(p.text for p in first.header.paragraphs)
    assert header.strip(), "the header names nothing"
    fields = [
        instruction.text.strip()
        for paragraph in first.footer.paragraphs
        for instruction in paragraph._p.iter(qn("w:instrText"))
    ]
    assert fields == ["PAGE", "NUMPAGES"], f"the footer's fields are {fields}, not Page X of Y"
    assert "Page" in "".join(p.text for p in first.footer.paragraphs)
    for table in doc.tables:
        check_table(table)
    return Paper(doc, header, fields)


def check_table(table) -> None:  # type: ignore[no-untyped-def]
    rows = table.rows
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None, "the header row does not repeat"
    for row in rows:
        assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None, (
            "a row may break across pages"
        )
    widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.iter(qn("w:gridCol"))]
    for column, width in enumerate(widths):
        texts = [row.cells[column].text for row in rows]
        longest = max((min(len(w), LONGEST_WORD) for t in texts for w in t.split()), default=0)
        needed = Pt(TABLE_PT * LEAST_EM_PER_LETTER * longest) / 635  # in twips
        assert width >= needed, f"column {column + 1} ({width} twips) is narrower than its word of {longest}"
        body = [row.cells[column] for row in rows[1:]]
        if all(FIGURE.match(c.text.strip()) for c in body) and any(re.search(r"\d", c.text) for c in body):
            for cell in body:
                assert cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT, (
                    f"the figure {cell.text!r} is not aligned to the right"
                )


def shading(cell) -> str | None:  # type: ignore[no-untyped-def]
    properties = cell._tc.tcPr
    found = properties.find(qn("w:shd")) if properties is not None else None
    return found.get(qn("w:fill")) if found is not None else None
