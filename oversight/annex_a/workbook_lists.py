"""Each list's sheet of an Annex A workbook written as a CSV file for the load, a sheet at a time in child
processes side by side (lib/reading_process: a ceiling on each one's memory), as many at once as the
machine has cores, up to two.

A sheet goes column by column, never cell by cell in Python: fastexcel (calamine, in Rust) reads it as
Arrow columns of text straight into an in-memory DuckDB of the child's own, which writes the CSV. What
calamine reads as blank but an import must report — an error value such as #N/A, a formula with no value
saved — is found first in the sheet's XML (lib/workbook_rows.scan_sheet) and written over the blanks. A
sheet that scan cannot place (a shared formula's copy with no saved value, cells without references)
goes row by row through lib/workbook_rows, openpyxl included: slower, and the same rows."""

from __future__ import annotations

import csv
import os
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.parsers.expat import ExpatError

import duckdb
import fastexcel

from oversight.annex_a.cells import clean_text, match_headers
from oversight.annex_a.lists import LISTS, list_named
from oversight.annex_a.problems import LoadFailed, Problem
from oversight.lib.reading_process import each_in_child, in_child, preload
from oversight.lib.spreadsheet_limits import MB, CellCount, Limits, SpreadsheetRefused
from oversight.lib.workbook_rows import DAMAGED, Unusual, Workbook, scan_sheet, sheet_parts

preload(__name__)  # the children that read sheets start with DuckDB and fastexcel imported

HEADER_SEARCH_ROWS = 10  # from this row on, a row of two cells or more is taken as the header
HEADER_LOOKS_AS_FAR_AS = 200  # rows read for the header column by column; beyond it, row by row
AT_ONCE = 2  # sheets read side by side, at most (each child has its memory ceiling)
READING_FAILED = (*DAMAGED, ExpatError, fastexcel.FastExcelError)  # what the readers raise on a damaged sheet


@dataclass(frozen=True)
class ListSheet:
    """A list's sheet as written: its header row's cells, and how many formulas were read by the value
    saved with them."""

    number: int
    name: str
    header: list[str]
    out: Path
    formulas_read: int


def is_header(number: int, row_number: int, texts: list[str]) -> bool:
    """The header is the first row naming the list's required columns (title rows above it are skipped),
    or failing that the first row of several cells from row 10 on, to report against."""
    if not match_headers(LISTS[number], texts).missing_required:
        return True
    return row_number >= HEADER_SEARCH_ROWS and sum(1 for t in texts if clean_text(t)) >= 2


class WorkbookReading:
    """A workbook's list sheets being written as CSV by child processes, in the workbook's order, while
    the load takes each as it is done (`arrive`): the load of List 1 runs beside the reading of List 3.
    Whatever a child raises is raised to the load, which then changes nothing; `close` ends the
    children still reading."""

    def __init__(self, path: Path, scratch: Path, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self._count = CellCount(limits)
        self._arrived: set[int] = set()
        self._done: dict[int, tuple[ListSheet, int]] = {}
        self._failed: BaseException | None = None
        self._changed = threading.Condition()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        try:
            with zipfile.ZipFile(path) as archive:
                parts = sheet_parts(archive)
        except (zipfile.BadZipFile, KeyError) as error:
            raise refused(path, f"it is damaged: {type(error).__name__}: {error}") from None
        if not parts:  # the workbook does not say plainly where its sheets are: read it whole, row by row
            whole = in_child(limits.reader_memory, _all_by_rows, path, scratch, limits)
            self.lists = [(sheet.number, sheet.name) for sheet, _ in whole]
            self._done = dict(enumerate(whole))
            return
        self.lists = [(number, name) for name in parts if (number := list_named(name)) is not None]
        jobs = [
            (_list_sheet, (path, name, number, parts[name], scratch / f"{path.stem}-{number}.csv", limits))
            for number, name in self.lists
        ]
        self._thread = threading.Thread(target=self._read, args=(jobs,), daemon=True)
        self._thread.start()

    def _read(self, jobs: list[tuple[Any, tuple[Any, ...]]]) -> None:
        at_once = max(1, min(AT_ONCE, os.cpu_count() or 1))
        try:
            for index, result in each_in_child(self.limits.reader_memory, jobs, at_once, self._stop):
                with self._changed:
                    self._done[index] = result
                    self._changed.notify_all()
        except BaseException as error:  # the load is told, in its own thread
            with self._changed:
                self._failed = error
                self._changed.notify_all()

    def arrive(self, index: int) -> ListSheet:
        """The list sheet at `index` of `lists`, once written: the cells of the sheets before it and its
        own are counted against the limit on the whole workbook."""
        with self._changed:
            self._changed.wait_for(lambda: index in self._done or self._failed is not None)
            if self._failed is not None:
                failed = self._failed
                if isinstance(failed, SpreadsheetRefused):
                    raise LoadFailed([Problem(self.path.name, str(failed))]) from None
                raise failed
            sheet, cells = self._done[index]
        if index not in self._arrived:
            self._arrived.add(index)
            try:
                self._count.take(cells, f"{self.path.name}, sheet {sheet.name}")
            except SpreadsheetRefused as refusal:
                raise LoadFailed([Problem(self.path.name, str(refusal))]) from None
        return sheet

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


def refused(path: Path, reason: str) -> LoadFailed:
    return LoadFailed(
        [
            Problem(
                path.name,
                f"is not an Excel workbook that can be opened ({reason}): save it from Excel as .xlsx,"
                " or give each list as a CSV file",
            )
        ]
    )


def _list_sheet(
    path: Path, name: str, number: int, part: str | None, out: Path, limits: Limits
) -> tuple[ListSheet, int]:
    """In a child: the sheet as CSV, and how many cells were read from it."""
    where = f"{path.name}, sheet {name}"
    try:
        unusual = Unusual(needs_openpyxl=True)  # a sheet whose part is not known: read row by row
        if part is not None:
            with zipfile.ZipFile(path) as archive:
                unusual = scan_sheet(archive, part, formula_text=True)
        if not unusual.needs_openpyxl:
            written = _by_columns(path, name, number, out, unusual, limits, where)
            if written is not None:
                return written
        with Workbook(path, formula_text=True, as_text=True) as book:
            return _by_rows(book, name, number, out, limits)
    except READING_FAILED as error:
        raise refused(path, f"it is damaged: {type(error).__name__}: {error}") from None


def _all_by_rows(path: Path, scratch: Path, limits: Limits) -> list[tuple[ListSheet, int]]:
    """In a child: every list's sheet as CSV, row by row, and how many cells were read from each."""
    try:
        with Workbook(path, formula_text=True, as_text=True) as book:
            return [
                _by_rows(book, name, number, scratch / f"{path.stem}-{number}.csv", limits)
                for name in book.names
                if (number := list_named(name)) is not None
            ]
    except READING_FAILED as error:
        raise refused(path, f"it is damaged: {type(error).__name__}: {error}") from None


def _by_rows(book: Workbook, name: str, number: int, out: Path, limits: Limits) -> tuple[ListSheet, int]:
    """The sheet through lib/workbook_rows (openpyxl where calamine is not enough)."""
    count = CellCount(limits)
    header = _write_rows(book.rows(name, count, f"{book.path.name}, sheet {name}"), number, out)
    return ListSheet(number, name, header, out, book.formulas_read.get(name, 0)), count.taken


def _write_rows(rows: Iterator[tuple[int, tuple[Any, ...]]], number: int, out: Path) -> list[str]:
    """Writes the rows under the header as CSV, each with its row number in the workbook."""
    header: list[str] = []
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        for row_number, cells in rows:
            texts = list(cells)
            if not header:
                if is_header(number, row_number, texts):
                    header = texts
                continue
            if any(t.strip() for t in texts):  # what clean_text would leave: str.strip takes Unicode spaces
                texts.extend([""] * (len(header) - len(texts)))  # every row as wide as the header
                writer.writerow([row_number, *texts[: len(header)]])
    return header


def _by_columns(
    path: Path, name: str, number: int, out: Path, unusual: Unusual, limits: Limits, where: str
) -> tuple[ListSheet, int] | None:
    """The sheet through fastexcel and DuckDB, or None where only the rows can tell (a header further
    down than HEADER_LOOKS_AS_FAR_AS, an unusual cell outside the columns calamine read)."""
    sheet = fastexcel.read_excel(path).load_sheet(name, header_row=None, dtypes="string", skip_rows=0)
    cells = sheet.height * sheet.width
    CellCount(limits).take(cells, where)
    columns = {column.absolute_index: column.name for column in sheet.available_columns()}
    if any(row >= sheet.height or column not in columns for row, column in unusual.cells):
        return None  # a formula beyond every value: calamine's columns do not reach it
    # one thread: the sheets side by side are the parallelism; within half the child's ceiling
    config: dict[str, str | bool | int | float | list[str]] = {
        "threads": 1,
        "memory_limit": f"{limits.reader_memory // 2 // MB}MB",
    }
    with duckdb.connect(config=config) as con:
        con.from_arrow(sheet).create("cells")
        header_at, header = _header(con, number, columns, unusual)
        if header_at is None:
            if sheet.height > HEADER_LOOKS_AS_FAR_AS:
                return None
            out.write_text("", encoding="utf-8")
            return ListSheet(number, name, [], out, unusual.formulas_read), cells
        _write_unusual(con, columns, unusual)
        _copy(con, columns, header_at, len(header), out)
    return ListSheet(number, name, header, out, unusual.formulas_read), cells


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _header(
    con: duckdb.DuckDBPyConnection, number: int, columns: dict[int, str], unusual: Unusual
) -> tuple[int | None, list[str]]:
    """The header row's index (from 0) and cells."""
    width = max(columns, default=-1) + 1
    names = ", ".join(_quoted(columns[index]) for index in sorted(columns))
    first = con.execute(
        f"SELECT rowid, {names} FROM cells WHERE rowid < {HEADER_LOOKS_AS_FAR_AS} ORDER BY rowid"
    ).fetchall()
    for row, *values in first:
        texts = [""] * width
        for index, value in zip(sorted(columns), values, strict=True):
            texts[index] = _date_alone(value or "")
        for (at, column), value in unusual.cells.items():
            if at == row:
                texts[column] = str(value or "")
        while texts and not texts[-1]:
            texts.pop()
        if not any(texts):
            continue
        if is_header(number, row + 1, texts):
            return row, texts
    return None, []


def _date_alone(text: str) -> str:
    """'2022-09-16 00:00:00', an Excel date as fastexcel writes it, as openpyxl's rows give it: 16/09/2022."""
    if len(text) == 19 and text[10] == " " and text[4] == "-" and text[7] == "-":
        return f"{text[8:10]}/{text[5:7]}/{text[:4]}"
    return text


def _write_unusual(con: duckdb.DuckDBPyConnection, columns: dict[int, str], unusual: Unusual) -> None:
    if not unusual.cells:
        return
    places, values = list(unusual.cells), list(unusual.cells.values())
    con.execute(
        "CREATE TABLE unusual AS SELECT unnest($1::BIGINT[]) AS row_id,"
        " unnest($2::INTEGER[]) AS column_index, unnest($3::VARCHAR[]) AS value",
        [[row for row, _ in places], [column for _, column in places], values],
    )
    for index in sorted({column for _, column in unusual.cells}):
        con.execute(
            f"UPDATE cells SET {_quoted(columns[index])} = unusual.value FROM unusual"
            f" WHERE cells.rowid = unusual.row_id AND unusual.column_index = {index}"
        )


def _copy(
    con: duckdb.DuckDBPyConnection, columns: dict[int, str], header_at: int, width: int, out: Path
) -> None:
    """The rows below the header, each with its row number and as wide as the header; blank rows left
    out; a date as dd/mm/yyyy; an empty cell written as nothing, as Python's csv writes it."""
    shown: list[str] = []
    for index in range(width):
        if index in columns:
            column = _quoted(columns[index])
            as_shown = (  # a date as dd/mm/yyyy, as _date_alone writes it
                f"CASE WHEN {column} LIKE '____-__-__ __:__:__' THEN"
                f" {column}[9:10] || '/' || {column}[6:7] || '/' || {column}[1:4] ELSE {column} END"
            )
            shown.append(f"nullif({as_shown}, '')")
        else:
            shown.append("NULL")
    blank = " AND ".join(
        f"coalesce(trim(replace({_quoted(name)}, chr(160), ' ')), '') = ''" for name in columns.values()
    )
    target = str(out).replace("'", "''")
    con.execute(
        f"COPY (SELECT rowid + 1, {', '.join(shown)} FROM cells WHERE rowid > {header_at}"
        f" AND NOT ({blank or 'true'}) ORDER BY rowid) TO '{target}' (FORMAT csv, HEADER false)"
    )
