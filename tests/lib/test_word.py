"""A Word paper: A4, the council, title and date in the header and "Page X of Y" in the footer, Word's
own styles, landscape sections for wide tables, tables sized to their content with figures to the right
and ratings shaded; a council's own template kept and filled."""

from __future__ import annotations

import io
import struct
import zlib

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm

from oversight.lib.tables import Change, Percent, Table, rating
from oversight.lib.word import (
    Look,
    Paper,
    add_heading,
    add_table,
    column_widths,
    landscape,
    new_paper,
    saved,
)
from tests.papers import check_paper, shading

PAPER = Paper(
    "London Borough of Bromley", "Improvement plan: exception report, January 2017", "31 January 2017"
)
A4_PORTRAIT = (11906, 16838)  # twentieths of a point, as Word keeps them
TABLE_1 = Table(
    "Table 1",
    "Table 1: actions due and not progressed (Red) by priority",
    ["Priority", "Actions due", "Actions not progressed (Red)", "Red as % of due", "Difference"],
    [
        ["Priority 2 – Management Oversight and Quality Assurance", 24, 2, Percent(8), Change(-1)],
        ["Priority 3 – Bromley Safeguarding Children Board", 12, 0, Percent(0), Change(0)],
    ],
    ["Total", 36, 2, Percent(6), Change(2)],
)


def reopened(doc) -> Document:  # type: ignore[no-untyped-def]
    return Document(io.BytesIO(saved(doc)))


def png() -> bytes:
    """A real 1×1 PNG, made here so that the test needs no file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0\0\0\0"))
        + chunk(b"IEND", b"")
    )


def test_a_paper_is_a4_with_the_council_title_and_date_above_and_page_x_of_y_below() -> None:
    doc = new_paper(PAPER)
    doc.add_paragraph("Body")
    paper = check_paper(saved(doc))
    section = paper.doc.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == A4_PORTRAIT
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert paper.header.splitlines() == [
        "London Borough of Bromley",
        "Improvement plan: exception report, January 2017, 31 January 2017",
    ]
    assert [p.text for p in section.footer.paragraphs] == ["Page 1 of 1"]  # until Word counts the pages
    assert paper.doc.core_properties.title == PAPER.title


def test_a_wide_paper_is_a4_on_its_side_and_a_landscape_section_keeps_the_header() -> None:
    assert Document(io.BytesIO(saved(new_paper(PAPER, wide=True)))).sections[0].page_width.twips == 16838
    doc = new_paper(PAPER)
    landscape(doc)
    doc.add_paragraph("Appendix")
    first, appendix = reopened(doc).sections
    assert (appendix.page_width.twips, appendix.page_height.twips) == (16838, 11906)
    assert appendix.orientation == WD_ORIENT.LANDSCAPE
    assert appendix.header.is_linked_to_previous and appendix.footer.is_linked_to_previous
    check_paper(saved(doc))


def test_word_styles_carry_the_councils_font() -> None:
    doc = reopened(new_paper(Paper("Reading", "Report", "1 June 2016", Look(font="Verdana"))))
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Caption"):
        fonts = doc.styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:ascii")) == "Verdana" and fonts.get(qn("w:hAnsi")) == "Verdana", name


def test_a_councils_logo_is_in_the_header() -> None:
    doc = reopened(new_paper(Paper("Telford & Wrekin", "Report", "", Look(logo=png()))))
    header = doc.sections[0].header
    assert len(header._element.findall(".//" + qn("w:drawing"))) == 1
    assert [p.text for p in header.paragraphs if p.text] == ["Telford & Wrekin", "Report"]


def test_a_table_follows_its_caption_and_is_laid_out_for_the_page() -> None:
    doc = new_paper(PAPER)
    add_heading(doc, "4. Analysis", 1)
    word = add_table(doc, TABLE_1)
    doc.add_paragraph("Table 1 shows…")
    doc = reopened(doc)
    check_paper(saved(doc))
    caption = next(p for p in doc.paragraphs if p.style.name == "Caption")
    assert caption.text == TABLE_1.caption and caption.paragraph_format.keep_with_next
    table = doc.tables[0]
    assert [c.text for c in table.rows[3].cells] == ["Total", "36", "2", "6%", "+2"]
    assert [c.text for c in table.rows[1].cells][3:] == ["8%", "\u22121"]
    assert table.rows[2].cells[4].text == "no change"
    right = [[c.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT for c in row.cells] for row in table.rows]
    assert right == [[False, True, True, True, True]] * 4
    assert [r.bold for c in table.rows[3].cells for r in c.paragraphs[0].runs] == [True] * 5
    # the text after the table does not touch it
    after = table._tbl.getnext()
    assert after.tag == qn("w:p") and not "".join(after.itertext())
    assert word is not None


def test_the_priority_column_is_wider_than_the_figures_and_the_table_fills_the_page() -> None:
    available = Mm(170)
    widths = column_widths(TABLE_1, available)
    assert widths[0] == max(widths)
    assert abs(sum(widths) - available) < len(widths)


def test_no_column_gives_way_below_its_longest_word_even_when_the_words_fill_the_page() -> None:
    words = Table("W", "W", ["A", "B"], [["Safeguarding " * 3, "Commissioning " * 3]])
    widths = column_widths(words, Mm(40))

    def alone(word: str) -> int:  # the width a column of that one word needs
        return column_widths(Table("W", "W", [""], [[word]]), 1)[0]

    assert widths == [alone("Safeguarding"), alone("Commissioning")]
    assert alone("Commissioning") > alone("Safeguarding")
    assert sum(widths) > Mm(40)  # the table runs wider than the page rather than break a word


def test_ratings_are_shaded_and_written_as_words() -> None:
    doc = new_paper(PAPER)
    add_table(
        doc,
        Table(
            "RAG",
            "RAG",
            ["Action", "Status"],
            [["1.1", rating("R", "Red")], ["1.2", rating(None, "No status")]],
        ),
    )
    table = reopened(doc).tables[0]
    assert [table.rows[r].cells[1].text for r in (1, 2)] == ["Red", "No status"]
    assert shading(table.rows[1].cells[1]) == "F4CDC6" and shading(table.rows[2].cells[1]) == "E5E6E7"
    assert shading(table.rows[1].cells[0]) is None


def council_template() -> bytes:
    """A council's committee report template: a front sheet asking for the title and date, and a style
    of its own."""
    doc = Document()
    doc.styles.add_style("Committee Body", 1)
    front = doc.add_paragraph("", style="Committee Body")
    front.add_run("Report to: Children's Services Committee. ")
    front.add_run("Title: {{ ti")  # Word splits a field across runs as it likes
    front.add_run("tle }}. Date: {{ date }}")
    doc.sections[0].header.paragraphs[0].text = "OFFICIAL"
    return saved(doc)


def test_a_councils_template_keeps_its_front_sheet_and_styles_and_the_report_follows() -> None:
    doc = new_paper(
        Paper("Bromley", "Exception report", "31 January 2017", Look(template=council_template()))
    )
    doc.add_heading("1. Purpose of the report", 1)
    doc = reopened(doc)
    texts = [p.text for p in doc.paragraphs]
    assert (
        texts[0] == "Report to: Children's Services Committee. Title: Exception report. Date: 31 January 2017"
    )
    assert doc.paragraphs[0].style.name == "Committee Body"
    assert texts.index("1. Purpose of the report") > 0
    assert any(br.get(qn("w:type")) == "page" for br in doc.element.body.iter(qn("w:br")))
    header = doc.sections[0].header
    assert [p.text for p in header.paragraphs] == ["OFFICIAL"]  # the council's own header stays
    fields = [t.text.strip() for p in doc.sections[0].footer.paragraphs for t in p._p.iter(qn("w:instrText"))]
    assert fields == ["PAGE", "NUMPAGES"]  # its footer was empty: the page numbers are added


def test_a_template_that_defines_none_of_the_styles_a_paper_uses_still_makes_one() -> None:
    doc = Document()
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Caption", "Table Grid", "List Bullet"):
        doc.styles[name].element.getparent().remove(doc.styles[name].element)
    doc.add_paragraph("Front sheet")
    bare = saved(doc)
    paper = new_paper(Paper("Reading", "Committee report", "1 June 2016", Look(template=bare)))
    paper.add_heading("Progress", 1)
    add_table(paper, TABLE_1)
    paper.add_paragraph("A decision", style="List Bullet")
    made = reopened(paper)
    assert [p.style.name for p in made.paragraphs if p.text in {"Progress", TABLE_1.caption}] == [
        "Heading 1",
        "Caption",
    ]
    assert made.tables[0].style.name == "Table Grid"
