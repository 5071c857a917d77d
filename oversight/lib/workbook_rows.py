"""Reads an .xlsx workbook's sheets row by row, fast. python-calamine (Rust) reads the cells' values, 25 to
30 times faster than openpyxl; what calamine does not say — a formula's own text when no value was saved
with it, an error value such as #N/A, which calamine reads as blank — is found in the sheet's XML, which is
scanned for them first (a byte search, so a sheet without any costs almost nothing). openpyxl reads a
sheet only where that is not enough: a shared formula with no saved value (its text is another cell's,
moved), such a cell without its reference, or cell formatting asked for (a percentage-formatted cell
read as the percentage shown).

Rows come numbered as Excel numbers them, from 1, each cell as openpyxl gives it (whole numbers as int,
dates as datetime, an empty cell as None), so every import reads the same values either way."""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from html import unescape
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import python_calamine
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from python_calamine import CalamineError

from oversight.lib.spreadsheet_limits import CellCount

# what the readers raise on a damaged workbook: a zip part cut short, XML that does not parse (lxml's and
# the standard library's errors are both SyntaxErrors), a cell or row reference that is not one
DAMAGED = (
    InvalidFileException,
    CalamineError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    KeyError,
    ValueError,
    TypeError,
    SyntaxError,
)

Row = tuple[object, ...]
CHUNK = 4 * 1024 * 1024
_AFTER_NAME = (b" ", b">", b"/", b"\t", b"\r", b"\n")
_ROOT = re.compile(rb"<(\w+:)?worksheet\b")  # a sheet's elements may carry a prefix: <x:c>, <x:f>
_CELL_START = re.compile(rb"<(?:\w+:)?c[\s>/]")
_REFERENCE = re.compile(rb"""\br\s*=\s*["']([A-Z]{1,3})([0-9]{1,7})["']""")
_TYPE = re.compile(rb"""\bt\s*=\s*["'](\w+)["']""")
_FORMULA = re.compile(rb"<(?:\w+:)?f\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
_VALUE = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.S)
_CELL_END = re.compile(rb"</(?:\w+:)?c>")
_PERCENT_BUILT_IN = {9, 10}  # Excel's own number formats 0% and 0.00%

RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
OFFICE_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclass
class Unusual:
    """A sheet's cells whose value calamine does not give as an import needs it, by (row, column) from 0;
    how many formulas are read by the value saved with them; and whether openpyxl must read the sheet."""

    cells: dict[tuple[int, int], object] = field(default_factory=dict)
    formulas_read: int = 0
    needs_openpyxl: bool = False


def column_index(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index - 1


def scan_sheet(archive: zipfile.ZipFile, part: str, formula_text: bool) -> Unusual:
    """The sheet's formulas and error values, read from its XML a chunk at a time. With `formula_text`, a
    formula without a saved value is its text ('=H2+5', as openpyxl gives it unless asked for values);
    otherwise it is empty, as Excel would show it had it never been calculated."""
    found = Unusual()
    carry = b""
    prefix: bytes | None = None  # the sheet's elements' namespace prefix, b"x:" in <x:row>, or b""
    with archive.open(part) as xml:
        while True:
            chunk = xml.read(CHUNK)
            text = carry + chunk
            if prefix is None:
                root = _ROOT.search(text)
                prefix = (root.group(1) if root else None) or b""
                markers = (b"<" + prefix + b"f", b't="e"', b"t='e'")
                # a row numbered 'x1' is damage; the tag's '<' keeps cell text (where it is &lt;) out
                bad_row = re.compile(re.escape(b"<" + prefix + b'row r="') + rb'(?![0-9]{1,7}")([^"]{0,20})')
                row_end = b"</" + prefix + b"row>"
            if chunk:  # whole rows now, the rest with the next chunk (XML text cannot hold "</row>")
                cut = text.rfind(row_end)
                cut = cut + len(row_end) if cut >= 0 else 0
                text, carry = text[:cut], text[cut:]
            elif not text.rstrip().endswith(b"worksheet>"):
                raise ValueError(f"its part {part} ends part-way through the sheet")
            if bad := bad_row.search(text):
                raise ValueError(f"its part {part} numbers a row {bad.group(1).decode('utf-8', 'replace')!r}")
            _unusual_cells(text, markers, found, formula_text)
            if found.needs_openpyxl or not chunk:
                return found


def _unusual_cells(text: bytes, markers: tuple[bytes, ...], found: Unusual, formula_text: bool) -> None:
    seen_from = 0
    for at in _marker_positions(text, markers):
        if at < seen_from:
            continue
        starts = [m.start() for m in _CELL_START.finditer(text, max(0, at - 4096), at)]
        if not starts:
            found.needs_openpyxl = True
            return
        start = starts[-1]
        seen_from = _cell_end(text, start)
        _read_cell(text[start:seen_from], found, formula_text)
        if found.needs_openpyxl:
            return


def _marker_positions(text: bytes, markers: tuple[bytes, ...]) -> list[int]:
    """Where each formula or error value may be: a byte search for each marker, much faster than a
    pattern tried at every tag. '<f' is also the start of <filterColumn>: a cell is read to be sure."""
    positions = []
    for marker in markers:
        element = marker.endswith(b"f")
        at = text.find(marker)
        while at >= 0:
            if not element or text[at + len(marker) : at + len(marker) + 1] in _AFTER_NAME:
                positions.append(at)
            at = text.find(marker, at + 1)
    return sorted(positions)


def _cell_end(text: bytes, start: int) -> int:
    tag_end = text.find(b">", start)
    if tag_end > 0 and text[tag_end - 1 : tag_end] == b"/":
        return tag_end + 1  # <c r="A1" t="e"/>: no value
    closing = _CELL_END.search(text, start)
    return closing.end() if closing else len(text)


def _read_cell(cell: bytes, found: Unusual, formula_text: bool) -> None:
    tag = cell[: cell.find(b">") + 1]
    reference = _REFERENCE.search(tag)
    if reference is None:
        found.needs_openpyxl = True  # a cell placed by its order alone: openpyxl counts its way there
        return
    where = (int(reference.group(2)) - 1, column_index(reference.group(1)))
    kind = _TYPE.search(tag)
    value = _VALUE.search(cell)
    saved = unescape(value.group(1).decode("utf-8", "replace")) if value else ""
    formula = _FORMULA.search(cell)
    if formula is not None:
        if saved:  # as openpyxl reads it: <v></v> is no value
            found.formulas_read += 1
        elif formula_text:
            written = unescape((formula.group(2) or b"").decode("utf-8", "replace"))
            if not written:
                found.needs_openpyxl = True  # a shared formula's copy: its text is another cell's, moved
                return
            found.cells[where] = f"={written}"
            return
        else:
            found.cells[where] = None
            return
    if kind is not None and kind.group(1) == b"e":
        found.cells[where] = saved or None


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each sheet's name and the part of the zip holding its XML, or {} if the workbook does not say
    plainly (openpyxl then reads it)."""
    try:
        root = ElementTree.fromstring(archive.read("_rels/.rels"))
        relationships = root.iter(f"{RELATIONSHIPS}Relationship")
        book = next(
            r.get("Target", "") for r in relationships if r.get("Type", "").endswith("/officeDocument")
        ).lstrip("/")
        folder, name = posixpath.split(book)
        links = ElementTree.fromstring(archive.read(posixpath.join(folder, "_rels", f"{name}.rels")))
        targets = {r.get("Id"): r.get("Target", "") for r in links.iter(f"{RELATIONSHIPS}Relationship")}
        sheets = ElementTree.fromstring(archive.read(book)).iter(f"{MAIN}sheet")
        parts = {}
        for sheet in sheets:
            target = targets[sheet.get(OFFICE_RELATIONSHIP)]
            within = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            parts[sheet.get("name", "")] = posixpath.normpath(within)
        return parts
    except (KeyError, StopIteration, ElementTree.ParseError, zipfile.BadZipFile, ValueError):
        return {}


def has_percentages(archive: zipfile.ZipFile) -> bool:
    """Whether any cell style of the workbook shows a number as a percentage."""
    try:
        styles = ElementTree.fromstring(archive.read("xl/styles.xml"))
    except (KeyError, ElementTree.ParseError):
        return False
    percent = set(_PERCENT_BUILT_IN)
    for number_format in styles.iter(f"{MAIN}numFmt"):
        if "%" in number_format.get("formatCode", ""):
            percent.add(int(number_format.get("numFmtId", "-1")))
    formats = styles.find(f"{MAIN}cellXfs")
    return formats is not None and any(
        int(style.get("numFmtId", "0")) in percent for style in formats.iter(f"{MAIN}xf")
    )


def _python_value(value: object) -> object:
    """A cell as openpyxl gives it: None for an empty cell, a whole number as int, a date as datetime."""
    if value == "":
        return None
    if type(value) is float and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if type(value) is date:
        return datetime(value.year, value.month, value.day)
    return value


def _text(value: Any) -> str:
    """A cell as text: a whole number without '.0', a date as an English council's Excel shows it
    (dd/mm/yyyy, as the same list saved as CSV gives it), an empty cell ''."""
    if value is None:
        return ""
    kind = value.__class__
    if kind is float:
        return str(int(value)) if value.is_integer() else repr(value)
    if kind is datetime or kind is date:
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    return str(value)


def _trimmed(cells: list[Any], blank: object) -> Row:
    end = len(cells)
    while end and cells[end - 1] == blank:
        end -= 1
    return tuple(cells[:end])


class Workbook:
    """An .xlsx workbook open to read its sheets' rows. With `formula_text`, a formula with no value
    saved is read as its text ('=H2+5') for the import to report; with `percentages`, a number formatted
    as a percentage reads as the figure shown ('86.5%'); with `as_text`, every cell is text, '' if empty
    (a date as dd/mm/yyyy, a whole number without '.0')."""

    def __init__(
        self, path: Path, *, formula_text: bool = False, percentages: bool = False, as_text: bool = False
    ) -> None:
        self.path = path
        self.formula_text = formula_text
        self.as_text = as_text
        self.formulas_read: dict[str, int] = {}
        self._archive = zipfile.ZipFile(path)
        try:
            ElementTree.fromstring(self._archive.read("[Content_Types].xml"))
        except ElementTree.ParseError as error:  # Excel would not open it either
            raise ValueError(f"its part [Content_Types].xml is not XML: {error}") from None
        self._parts = sheet_parts(self._archive)
        self._formatted = percentages and has_percentages(self._archive)
        self._calamine = python_calamine.CalamineWorkbook.from_path(str(path))
        self._openpyxl: list[Any] = []
        self.names: list[str] = list(self._calamine.sheet_names)

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._archive.close()
        self._calamine.close()
        for book in self._openpyxl:
            book.close()

    def rows(self, name: str, count: CellCount, where: str) -> Iterator[tuple[int, Row]]:
        """The sheet's rows as (row number, cells), blank rows left out, counted against the limit on
        cells as they are read."""
        part = self._parts.get(name)
        unusual = (
            scan_sheet(self._archive, part, self.formula_text)
            if part and not self._formatted
            else Unusual(needs_openpyxl=True)
        )
        if unusual.needs_openpyxl:
            yield from self._openpyxl_rows(name, count, where)
            return
        self.formulas_read[name] = unusual.formulas_read
        sheet = self._calamine.get_sheet_by_name(name)
        _, first_column = sheet.start or (0, 0)
        padding: list[Any] = ["" if self.as_text else None] * first_column
        fixes: dict[int, list[tuple[int, object]]] = {}
        for (row, column), value in unusual.cells.items():
            fixes.setdefault(row, []).append((column, value))
        blank = "" if self.as_text else None
        rows = enumerate(sheet.iter_rows())  # from the sheet's first row; its cells from `first_column`
        values: list[Any]
        read_up_to = 0
        for row, cells in rows:
            # a formula with no saved value above or below every value: a row calamine does not give
            yield from self._fixed_only(range(read_up_to, row), fixes, blank, count, where)
            read_up_to = row + 1
            if self.as_text:  # the Annex A load's millions of cells: kept to the quickest form
                values = [c if c.__class__ is str else _text(c) for c in cells]
            else:
                values = [c if c.__class__ is str and c else _python_value(c) for c in cells]
            if padding:
                values[:0] = padding
            yield from self._kept(row, values, fixes, blank, count, where)
        yield from self._fixed_only(sorted(r for r in fixes if r >= read_up_to), fixes, blank, count, where)

    def _fixed_only(
        self,
        rows: Iterable[int],
        fixes: dict[int, list[tuple[int, object]]],
        blank: object,
        count: CellCount,
        where: str,
    ) -> Iterator[tuple[int, Row]]:
        for row in rows:
            if row in fixes:
                yield from self._kept(row, [], fixes, blank, count, where)

    @staticmethod
    def _kept(
        row: int,
        values: list[Any],
        fixes: dict[int, list[tuple[int, object]]],
        blank: object,
        count: CellCount,
        where: str,
    ) -> Iterator[tuple[int, Row]]:
        for column, value in fixes.get(row, ()):
            values.extend([blank] * (column + 1 - len(values)))
            values[column] = blank if value is None else value
        count.add(values, where)
        if any(value is not blank and value != "" for value in values):  # 0 and FALSE are values
            yield row + 1, _trimmed(values, blank)

    def _openpyxl_rows(self, name: str, count: CellCount, where: str) -> Iterator[tuple[int, Row]]:
        """The sheet read by openpyxl: with `formula_text`, once for the formulas as written and once for
        the values saved with them."""
        if not self._openpyxl:
            self._openpyxl.append(load_workbook(self.path, read_only=True, data_only=not self.formula_text))
        worksheet = self._openpyxl[0][name]
        worksheet.reset_dimensions()  # rows as written, not padded to the size the sheet claims
        values = None
        if self.formula_text:
            if len(self._openpyxl) == 1:
                self._openpyxl.append(load_workbook(self.path, read_only=True, data_only=True))
            values = self._openpyxl[1][name]
            values.reset_dimensions()
        saved = values.iter_rows(values_only=True) if values is not None else None
        read = 0
        for number, found in enumerate(worksheet.iter_rows(values_only=not self._formatted), start=1):
            cells = [_shown(c) for c in found] if self._formatted else list(found)
            if saved is not None:
                for index, value in enumerate(next(saved, ())):
                    text = cells[index] if index < len(cells) else None
                    if isinstance(text, str) and text.startswith("=") and value is not None:
                        cells[index] = value
                        read += 1
            trimmed = _trimmed(
                [_text(c) for c in cells] if self.as_text else cells, "" if self.as_text else None
            )
            count.add(trimmed, where)
            if trimmed:
                yield number, trimmed
        self.formulas_read[name] = read


def _shown(cell: Any) -> object:
    """A cell's value, with a number formatted as a percentage written as one: 0.865 as '86.5%'."""
    value = cell.value
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in (cell.number_format or ""):
        return f"{(Decimal(repr(value)) * 100).normalize():f}%"
    return value
