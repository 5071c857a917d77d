"""Reads a CSV or XLSX sheet as councils keep it: title rows, then a header row, then data rows.
The reading limits come in as a value (the site takes them from its settings)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from openpyxl.utils import get_column_letter

from oversight.lib.lengths import too_long
from oversight.lib.problems import ImportFailed, Problem
from oversight.lib.reading_process import in_child
from oversight.lib.spreadsheet_limits import (
    CellCount,
    Limits,
    SpreadsheetRefused,
    check_text_file,
    check_workbook,
)
from oversight.lib.text_encodings import EncodingRefused, decode_text
from oversight.lib.workbook_rows import DAMAGED, Workbook

HEADER_SEARCH_ROWS = 30
SHEET_NAME_LENGTH = 200  # as an import run keeps it; Excel's own limit is 31


@dataclass(frozen=True)
class Column:
    """A column an import reads, with the headers councils give it."""

    key: str
    label: str
    aliases: tuple[str, ...]
    required: bool = True

    def matches(self, header: object) -> bool:
        found = normalise_header(header)
        return bool(found) and found in {normalise_header(a) for a in (self.label, *self.aliases)}


class MissingColumns(ImportFailed):
    """No sheet has a header row naming every column the import needs: perhaps a file of another kind."""


@dataclass
class Sheet:
    """The rows of one sheet, numbered as the spreadsheet numbers them."""

    file: str
    name: str
    rows: list[tuple[int, tuple[object, ...]]] = field(default_factory=list)

    def problem(self, message: str, row: int | None = None, column: str = "") -> Problem:
        return Problem(self.file, message, self.name, row, column)


@dataclass
class Located:
    """A sheet whose header row has been found, and where each known column is."""

    sheet: Sheet
    header_row: int
    header: tuple[object, ...]
    positions: dict[str, int]
    columns: dict[str, Column]

    def column_name(self, key: str) -> str:
        """'F (Timescale)': the column's letter and the header the file gives it."""
        return self.column_at(self.positions[key], self.columns[key].label)

    def column_at(self, index: int, label: str = "") -> str:
        """'F (Jan 2018)': the letter and header of the column at `index` (counting from 0)."""
        header = self.header[index] if index < len(self.header) else ""
        return f"{get_column_letter(index + 1)} ({cell_text(header) or label})"

    def data_rows(self) -> list[tuple[int, tuple[object, ...]]]:
        return [(n, cells) for n, cells in self.sheet.rows if n > self.header_row]

    def too_long(self, row: int, cells: tuple[object, ...], limits: dict[str, int]) -> list[Problem]:
        """A problem for each of the row's cells longer than its column's limit (by column key)."""
        return [
            self.sheet.problem(
                f"{too_long(self.columns[key].label, limit)} (this one is {len(text):,})",
                row,
                self.column_name(key),
            )
            for key, limit in limits.items()
            if key in self.positions and len(text := cell_text(self.value(cells, key))) > limit
        ]

    def value(self, cells: tuple[object, ...], key: str) -> object:
        index = self.positions.get(key)
        if index is None or index >= len(cells):
            return None
        return cells[index]


def normalise_header(value: object) -> str:
    return re.sub(r"[^a-z0-9]", "", cell_text(value).lower())


def cell_text(value: object) -> str:
    """A cell as text: numbers without a trailing '.0', dates as ISO, text stripped."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def read_sheets(
    path: Path, limits: Limits, sheet: str | None = None, *, percentages: bool = False
) -> list[Sheet]:
    """The sheets of a CSV (one sheet) or XLSX file, or just the one named. With `percentages`, a
    workbook's cells formatted as a percentage read as the figure shown ('86%'), not the 0.86 kept.
    A file beyond the reading limits, or that is not what its name says, is refused before it is read."""
    name = path.name
    if not path.exists():
        raise ImportFailed([Problem(name, f"there is no file at {path}")])
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            return [Sheet(name, "", _csv_rows(path, limits))]
        if suffix in {".xlsx", ".xlsm"}:
            check_workbook(path, limits)
            return _xlsx_sheets(path, sheet, percentages, limits)
    except (SpreadsheetRefused, EncodingRefused) as refused:
        raise ImportFailed([Problem(name, str(refused))]) from None
    raise ImportFailed([Problem(name, "expected a .csv or .xlsx file")])


def _csv_rows(path: Path, limits: Limits) -> list[tuple[int, tuple[object, ...]]]:
    check_text_file(path, limits)
    reader = csv.reader(io.StringIO(decode_text(path.read_bytes()), newline=""))
    return [
        (reader.line_num, tuple(cells))
        for cells in CellCount(limits).rows(reader)
        if any(c.strip() for c in cells)
    ]


def _xlsx_sheets(path: Path, wanted: str | None, percentages: bool, limits: Limits) -> list[Sheet]:
    return in_child(limits.reader_memory, _read_workbook, path, wanted, percentages, limits)


def _read_workbook(path: Path, wanted: str | None, percentages: bool, limits: Limits) -> list[Sheet]:
    try:
        return _workbook_sheets(path, wanted, percentages, limits)
    except (ImportFailed, SpreadsheetRefused):
        raise
    except DAMAGED as error:
        raise ImportFailed(
            [Problem(path.name, f"the workbook is damaged, or not one Oversight can read ({error})")]
        ) from None


def _workbook_sheets(path: Path, wanted: str | None, percentages: bool, limits: Limits) -> list[Sheet]:
    with Workbook(path, percentages=percentages) as book:
        if wanted is not None and wanted not in book.names:
            listed = ", ".join(f"'{n}'" for n in book.names)
            raise ImportFailed([Problem(path.name, f"there is no sheet '{wanted}' (sheets: {listed})")])
        sheets = []
        count = CellCount(limits)
        for name in [wanted] if wanted else book.names:
            if len(name) > SHEET_NAME_LENGTH:
                raise ImportFailed([Problem(path.name, too_long("A sheet's name", SHEET_NAME_LENGTH))])
            rows = [
                (number, cells)
                for number, cells in book.rows(name, count, f"sheet '{name}'")
                if any(cell_text(c) for c in cells)
            ]
            sheets.append(Sheet(path.name, name, rows))
        return sheets


def locate(sheets: list[Sheet], columns: Sequence[Column]) -> Located:
    """The first sheet with a header row naming every required column, or every reason why not."""
    problems: list[Problem] = []
    for sheet in sheets:
        found = _find_header(sheet, columns)
        if isinstance(found, Located):
            return found
        problems.append(found)
    raise MissingColumns(problems or [Problem("file", "it has no sheets")])


def has_header(sheets: list[Sheet], columns: Sequence[Column]) -> bool:
    """Whether a sheet has a header row naming every required column."""
    return any(isinstance(_find_header(sheet, columns), Located) for sheet in sheets)


def _find_header(sheet: Sheet, columns: Sequence[Column]) -> Located | Problem:
    best: tuple[int, int, dict[str, int]] | None = None
    for number, cells in sheet.rows[:HEADER_SEARCH_ROWS]:
        positions: dict[str, int] = {}
        for index, cell in enumerate(cells):
            for column in columns:
                if column.matches(cell):
                    if column.key in positions:
                        first = get_column_letter(positions[column.key] + 1)
                        return sheet.problem(
                            f"columns {first} and {get_column_letter(index + 1)} could both be "
                            f"{column.label}: keep one",
                            number,
                        )
                    positions[column.key] = index
        if best is None or len(positions) > len(best[2]):
            best = (number, len(positions), positions)
        if all(c.key in positions for c in columns if c.required):
            return Located(sheet, number, cells, positions, {c.key: c for c in columns})
    found = best[2] if best else {}
    missing = [c for c in columns if c.required and c.key not in found]
    named = "; ".join(f"{c.label} (or {', '.join(repr(a) for a in c.aliases)})" for c in missing)
    row = best[0] if best and best[2] else None
    return sheet.problem(f"missing required column(s): {named}", row)
