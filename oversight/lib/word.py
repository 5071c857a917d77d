"""Word (.docx) papers for a council's agenda: one style for every report.

A4 pages with the council, the report's title and its date in the header and "Page X of Y" in the
footer; Word's own styles (Title, Heading 1-3, Caption, Table Grid) so that a council can restyle a
paper with its own template; tables whose columns are as wide as their content needs, figures aligned
to the right, RAG ratings shaded and written as words, rows that do not break across pages and a header
row that repeats. A council may supply its own .docx: its cover, front sheet and styles are kept and
the report follows them.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.table import Table as WordTable

from oversight.lib.tables import Rating, Table

A4 = (Mm(210), Mm(297))
MARGIN = Mm(20)
BODY_PT = 11
TABLE_PT = 10
# A cell's text is measured at this share of the font size per character: Arial's widest common letters
# (capitals, w, m) take 0.67-0.94 of an em and its narrowest 0.22; 0.6 keeps a column wide enough for
# its longest word in practice without measuring the font
CHARACTER_EM = 0.6
BOLD_WIDER = 1.1
CELL_PADDING = Twips(2 * 115)  # Word's default left and right cell margins, and a little more
LONGEST_WORD = 40  # longer "words" (web addresses, file paths) may break, or every column would give way


@dataclass(frozen=True)
class Look:
    """How a council wants its papers to look."""

    font: str = "Arial"
    logo: bytes | None = None  # a PNG or JPEG for the header
    template: bytes | None = None  # the council's own .docx


@dataclass(frozen=True)
class Paper:
    """What every page of a report says about it."""

    council: str
    title: str
    date: str  # as printed: "31 January 2017"
    look: Look = Look()


DEFAULT_LOOK = Look()


def new_paper(paper: Paper, wide: bool = False) -> Any:
    """A document with the council's styles, header and footer, ready for the report's content; on
    landscape pages if it is `wide`."""
    if paper.look.template:
        doc = Document(io.BytesIO(paper.look.template))
        _ensure_styles(doc)
        _fill_fields(doc, paper)
        if _has_text(doc):  # the council's cover or front sheet comes first, on a page of its own
            if wide:
                landscape(doc)
            else:
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif wide:
            _turn(doc.sections[-1], WD_ORIENT.LANDSCAPE)
    else:
        doc = Document()
        _house_style(doc, paper.look.font)
        section = doc.sections[0]
        section.page_width, section.page_height = A4
        section.orientation = WD_ORIENT.PORTRAIT
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, MARGIN)
        section.header_distance = section.footer_distance = Mm(10)
        if wide:
            _turn(section, WD_ORIENT.LANDSCAPE)
    doc.core_properties.title = paper.title
    doc.core_properties.author = paper.council or "Oversight"
    for section in doc.sections:
        if not _has_text_in(section.header.paragraphs):
            _header(section.header, paper)
        if not _has_text_in(section.footer.paragraphs):
            _footer(section.footer)
    return doc


def saved(doc: Any) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def add_heading(doc: Any, text: str, level: int) -> Any:
    """Heading 1-3, kept on the page of what follows it."""
    heading = doc.add_heading(text, level)
    heading.paragraph_format.keep_with_next = True
    return heading


def add_paragraphs(doc: Any, paragraphs: Iterable[str]) -> None:
    for text in paragraphs:
        doc.add_paragraph(text)


def add_labelled(doc: Any, label: str, value: str) -> None:
    """'Label: value', the label in bold."""
    paragraph = doc.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(value)


def landscape(doc: Any) -> Any:
    """A new section on landscape pages, for a wide table; the header and footer carry on."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _turn(section, WD_ORIENT.LANDSCAPE)
    return section


def _turn(section: Any, orientation: WD_ORIENT) -> None:
    if section.orientation != orientation:
        section.orientation = orientation
        section.page_width, section.page_height = section.page_height, section.page_width


def add_table(doc: Any, table: Table) -> WordTable:
    """The table after its caption: columns as wide as their content needs, figures to the right,
    ratings shaded, the header row repeated on each page, no row split across two pages, the total
    row in bold."""
    caption = doc.add_paragraph(table.caption, style="Caption")
    caption.paragraph_format.space_before = Pt(12)
    caption.paragraph_format.keep_with_next = True
    numeric = table.numeric
    section = doc.sections[-1]
    widths = column_widths(table, section.page_width - section.left_margin - section.right_margin)
    word = doc.add_table(rows=1, cols=len(table.headers))
    word.style = "Table Grid"
    word.alignment = WD_TABLE_ALIGNMENT.CENTER
    word.autofit = False
    for column, width in zip(word.columns, widths, strict=True):
        column.width = width  # the grid: each row added after takes its cells' widths from it
    header = word.rows[0]
    _repeat_as_header(header)
    _keep_together(header)
    for column, (cell, text) in enumerate(zip(header.cells, table.headers, strict=True)):
        cell.width = widths[column]
        _write(cell, text, bold=True, right=column in numeric)
    total_at = len(table.rows)
    for r, row in enumerate(table.body):
        cells = word.add_row()
        _keep_together(cells)
        for column, (cell, value) in enumerate(zip(cells.cells, row, strict=True)):
            _write(cell, value, bold=r == total_at, right=column in numeric)
    after = doc.add_paragraph(style="Normal")  # so that the text after a table does not touch it
    after.paragraph_format.space_after = Pt(0)
    after.paragraph_format.line_spacing = Pt(6)
    return word


def column_widths(table: Table, available: int) -> list[int]:
    """Each column at least as wide as its longest word, then the rest of the page's width shared out
    as far as each column's longest line wants it; in EMU, as python-docx measures."""
    least, wants = [], []
    for column, header in enumerate(table.headers):
        texts = [(header, BOLD_WIDER)] + [
            (str(row[column]) if row[column] is not None else "", 1.0) for row in table.body
        ]
        least.append(
            max(
                _text_width(min(len(w), LONGEST_WORD), wider) for t, wider in texts for w in t.split() or [""]
            )
        )
        wants.append(
            min(max(_text_width(len(line), wider) for t, wider in texts for line in t.split("\n")), available)
        )
    spare = available - sum(least)
    if spare <= 0:  # the words alone fill the page: no column gives way below its longest word
        return least
    more = [w - m for w, m in zip(wants, least, strict=True)]
    if sum(more) <= spare:  # every line fits: what is left over goes to each column as it wants
        left_over = spare - sum(more)
        return [w + left_over * w // sum(wants) for w in wants]
    return [m + spare * extra // sum(more) for m, extra in zip(least, more, strict=True)]


def column_shares(table: Table, landscape: bool = False) -> list[float]:
    """Each column's share of the table's width, in per cent, as column_widths lays it out on an A4
    page (for a paper's HTML, whose table then need not measure every cell to lay itself out)."""
    page = A4[1] if landscape else A4[0]
    widths = column_widths(table, page - 2 * MARGIN)
    total = sum(widths)
    return [round(100 * width / total, 2) for width in widths]


def _text_width(characters: int, wider: float) -> int:
    return int(Pt(TABLE_PT) * CHARACTER_EM * wider * characters) + CELL_PADDING


def _write(cell: Any, value: object, bold: bool, right: bool) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    lines = "" if value is None else str(value)
    for n, line in enumerate(lines.split("\n")):
        if n:
            paragraph = cell.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(line)
        run.font.size = Pt(TABLE_PT)
        run.bold = bold or None
    if isinstance(value, Rating):
        shade(cell, value.fill)


def shade(cell: Any, fill: str) -> None:
    """Fills a table cell with a colour, given as six hex digits."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_as_header(row: Any) -> None:
    """Marks a table's first row to repeat at the top of each page it runs onto."""
    _row_flag(row, "w:tblHeader")


def _keep_together(row: Any) -> None:
    _row_flag(row, "w:cantSplit")


def _row_flag(row: Any, name: str) -> None:
    flag = OxmlElement(name)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


# the styles a paper uses; a council's template defines only those it has used, and Word's own are
# taken for the others
STYLES_USED = ("Title", "Heading 1", "Heading 2", "Heading 3", "Caption", "Table Grid", "List Bullet")


def _ensure_styles(doc: Any) -> None:
    defined = {style.name for style in doc.styles}
    missing = [name for name in STYLES_USED if name not in defined]
    if not missing:
        return
    words = Document().styles  # python-docx's own template: Word's built-in styles
    for name in missing:
        doc.styles.element.append(copy.deepcopy(words[name].element))


def _house_style(doc: Any, font: str) -> None:
    styles = doc.styles
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Caption", "Header", "Footer"):
        style = styles[name]
        style.font.name = font
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), font)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(theme), None)
        language = OxmlElement("w:lang")
        language.set(qn("w:val"), "en-GB")
        style.element.get_or_add_rPr().append(language)
    styles["Normal"].font.size = Pt(BODY_PT)
    styles["Normal"].paragraph_format.space_after = Pt(6)
    for name, size in (("Title", 20), ("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
        styles[name].font.size = Pt(size)
        styles[name].font.bold = True
        styles[name].font.color.rgb = RGBColor(0, 0, 0)
        styles[name].paragraph_format.space_before = Pt(12)
        styles[name].paragraph_format.space_after = Pt(6)
    styles["Caption"].font.size = Pt(TABLE_PT)
    styles["Caption"].font.bold = True
    styles["Caption"].font.italic = False
    styles["Caption"].font.color.rgb = RGBColor(0, 0, 0)


def _header(header: Any, paper: Paper) -> None:
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    if paper.look.logo:
        paragraph.add_run().add_picture(io.BytesIO(paper.look.logo), height=Mm(12))
        paragraph = header.add_paragraph()
    if paper.council:
        paragraph.add_run(paper.council).bold = True
        paragraph = header.add_paragraph()
    paragraph.add_run(f"{paper.title}, {paper.date}" if paper.date else paper.title)


def _footer(footer: Any) -> None:
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Page ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    _field(paragraph, "NUMPAGES", "1")


def _field(paragraph: Any, instruction: str, shown: str) -> None:
    """A field Word works out as it lays the pages out (the page number, the number of pages)."""
    for kind, text in (("begin", None), ("instr", f" {instruction} "), ("separate", None), ("shown", shown)):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        elif kind == "shown":
            run.text = text
            continue
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def _fill_fields(doc: Any, paper: Paper) -> None:
    """Puts the council, title and date where a council's template asks for them ('{{ title }}').
    Word often splits such a field across runs: the paragraph's text is then kept in its first run."""
    values = {"{{ council }}": paper.council, "{{ title }}": paper.title, "{{ date }}": paper.date}
    for paragraph in _all_paragraphs(doc):
        text = paragraph.text
        if not any(field in text for field in values):
            continue
        for field, value in values.items():
            text = text.replace(field, value)
        runs = paragraph.runs
        runs[0].text = text
        for run in runs[1:]:
            run.text = ""


def _all_paragraphs(doc: Any) -> Iterable[Any]:
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
    for section in doc.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            yield from part.paragraphs


def _has_text(doc: Any) -> bool:
    return _has_text_in(doc.paragraphs) or bool(doc.tables)


def _has_text_in(paragraphs: Iterable[Any]) -> bool:
    return any(p.text.strip() for p in paragraphs)
