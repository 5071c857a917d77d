"""Finds the Annex A lists in the files given: sheets "List 1" … "List 11" of a workbook, or one CSV
per list (named on the command line, in the file's name, or recognised from its columns when they fit
one list clearly better than any other)."""

from __future__ import annotations

import csv
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from xml.parsers.expat import ExpatError

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from oversight.annex_a.cells import clean_text, header_key, match_headers
from oversight.annex_a.lists import LISTS
from oversight.annex_a.problems import LoadFailed, Problem
from oversight.lib.spreadsheet_limits import CellCount, Limits, SpreadsheetRefused, check_workbook
from oversight.lib.text_encodings import EncodingRefused, encoding_of

# 'list3.csv', 'List 3', 'AnnexA_List4.csv', 'list_4_assessments.csv', 'list4-missing-start.csv'
_LIST_NAME = re.compile(r"(?<![a-z])list[\W_]*(\d{1,2})(?!\d)", re.I)
HEADER_SEARCH_ROWS = 10
FORMULAS_READ = "formula cells read by the value Excel saved with them"


@dataclass(frozen=True)
class Source:
    """One list's rows, as a CSV file whose first column is the row number in the original."""

    number: int
    where: str  # 'extract.xlsx, sheet List 3' or 'list3.csv'
    sheet: str
    header: list[str]
    csv_path: Path
    numbered: bool  # True: column 0 holds the original row number; False: rows follow a one-line header
    notes: dict[str, int] = field(default_factory=dict)  # what was read in a way worth saying


def _distinct_columns() -> dict[int, set[str]]:
    """Each list's columns that no other list has: what tells one list from another."""
    seen = Counter(header_key(c.header) for annex in LISTS.values() for c in annex.columns)
    return {
        number: {c.key for c in annex.columns if seen[header_key(c.header)] == 1}
        for number, annex in LISTS.items()
    }


_DISTINCT = _distinct_columns()


def recognise(header: list[str], where: str) -> int:
    """The list whose own columns the header has clearly more of than any other list's (at least
    twice as many), with the columns it cannot be used without; otherwise a refusal that names the
    lists it could be."""
    scores = {
        number: len(_DISTINCT[number] & set(match_headers(annex, header).positions))
        for number, annex in LISTS.items()
    }
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    ask = "name the list with --list (e.g. --list 3) or in the file's name (list3.csv)"
    if top == 0:
        raise LoadFailed(
            [
                Problem(
                    where,
                    f"cannot tell which Annex A list this is: none of its columns is one list's own; {ask}",
                )
            ]
        )
    if top < 2 * second:
        candidates = " or ".join(f"List {n} ({LISTS[n].name})" for n, score in ranked if score * 2 > top)
        raise LoadFailed(
            [Problem(where, f"cannot tell which Annex A list this is: its columns fit {candidates}; {ask}")]
        )
    missing = match_headers(LISTS[best], header).missing_required
    if missing:
        raise LoadFailed(
            [
                Problem(
                    where,
                    f"its columns look like List {best} ({LISTS[best].name}), but it has no "
                    + "; ".join(missing)
                    + f": add the column, or {ask}",
                )
            ]
        )
    return best


def _cell(value: object) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _refused(path: Path, reason: str) -> LoadFailed:
    return LoadFailed(
        [
            Problem(
                path.name,
                f"is not an Excel workbook that can be opened ({reason}): save it from Excel as .xlsx,"
                " or give each list as a CSV file",
            )
        ]
    )


def _open_workbook(path: Path, data_only: bool):
    try:
        return load_workbook(path, read_only=True, data_only=data_only)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, EOFError) as error:
        raise _refused(path, f"{type(error).__name__}: {error}") from None


def from_workbook(path: Path, scratch: Path, limits: Limits) -> list[Source]:
    """Each list's sheet as a CSV file. The workbook is checked against the reading limits from its
    zip directory before it is opened, and its cells counted as they are read, so that a small file
    that unpacks to gigabytes is refused in a moment. Formulas are read as written (=H2+5); where a
    sheet has any, each one's value saved with the workbook is read in a second pass, and a formula
    with no saved value is reported."""
    try:
        check_workbook(path, limits)
    except SpreadsheetRefused as refusal:
        raise LoadFailed([Problem(path.name, str(refusal))]) from None
    cells = CellCount(limits)
    book = _open_workbook(path, data_only=False)
    values = None
    try:
        sources = []
        for name in book.sheetnames:
            match = _LIST_NAME.search(name)
            if not match or int(match.group(1)) not in LISTS:
                continue
            number = int(match.group(1))
            out = scratch / f"{path.stem}-{number}.csv"
            where = f"{path.name}, sheet {name}"
            header, formulas = _write_sheet(_rows(book, None, name, cells, where), number, out)
            notes = {}
            if formulas:
                values = values or _open_workbook(path, data_only=True)
                header, read = _write_sheet(_rows(book, values, name, CellCount(limits), where), number, out)
                if read:
                    notes[FORMULAS_READ] = read
            sources.append(Source(number, where, name, header, out, True, notes=notes))
        if not sources:
            raise LoadFailed([Problem(path.name, "there is no sheet named 'List 1' … 'List 11'")])
        return sources
    except SpreadsheetRefused as refusal:
        raise LoadFailed([Problem(path.name, str(refusal))]) from None
    except (zipfile.BadZipFile, ExpatError, KeyError, ValueError, EOFError) as error:
        raise _refused(path, f"it is damaged: {type(error).__name__}: {error}") from None
    finally:
        book.close()
        if values is not None:
            values.close()


def _rows(book, values, name: str, count: CellCount, where: str) -> Iterator[tuple[list[str], int]]:
    """Each row's cells as text, and how many formulas in it were read by their saved value."""
    formulas = count.rows(book[name].iter_rows(values_only=True), where)
    saved = values[name].iter_rows(values_only=True) if values is not None else None
    for cells in formulas:
        texts = [_cell(c) for c in cells]
        read = 0
        if saved is not None:
            for index, value in enumerate(next(saved, ())):
                if index < len(texts) and texts[index].startswith("=") and value is not None:
                    texts[index] = _cell(value)
                    read += 1
        elif any(text.startswith("=") for text in texts):
            read = 1
        yield texts, read


def _write_sheet(rows: Iterator[tuple[list[str], int]], number: int, out: Path) -> tuple[list[str], int]:
    """Writes the rows under the header as CSV, each with its row number in the workbook."""
    header: list[str] = []
    annex = LISTS[number]
    formulas = 0
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        for row_number, (texts, read) in enumerate(rows, start=1):
            if not header:
                # the header is the first row naming the list's required columns (title rows above it
                # are skipped), or failing that the first row of several cells, to report against
                if not match_headers(annex, texts).missing_required or (
                    row_number >= HEADER_SEARCH_ROWS and sum(1 for t in texts if clean_text(t)) >= 2
                ):
                    header = texts
                continue
            formulas += read
            if any(clean_text(t) for t in texts):
                writer.writerow([row_number, *texts[: len(header)]])
    return header, formulas


def _utf8(path: Path, scratch: Path) -> Path:
    """The file as UTF-8, which DuckDB reads: as it is, or made so in the scratch folder from the
    encoding its byte-order mark names (UTF-16, UTF-32) or Windows' own. A file in no encoding
    Oversight reads (NUL bytes with no mark: UTF-16 without it) is refused, never read as garbage."""
    try:
        codec = encoding_of(path)
    except EncodingRefused as refusal:
        raise LoadFailed([Problem(path.name, str(refusal))]) from None
    if codec in ("utf-8", "utf-8-sig"):
        return path
    out = scratch / f"{path.stem}-utf8.csv"
    try:
        with (
            path.open(encoding=codec, newline="") as given,
            out.open("w", encoding="utf-8", newline="") as made,
        ):
            while chunk := given.read(1 << 20):
                made.write(chunk)
    except UnicodeDecodeError as error:
        raise LoadFailed(
            [Problem(path.name, f"cannot be read as {codec}: {error.reason} at byte {error.start:,}")]
        ) from None
    return out


def from_csv(path: Path, number: int | None, scratch: Path) -> Source:
    if path.stat().st_size == 0:
        raise LoadFailed([Problem(path.name, "the file is empty")])
    readable = _utf8(path, scratch)
    with readable.open(newline="", encoding="utf-8-sig", errors="replace") as handle:
        header = next(csv.reader(handle), [])
    named = _LIST_NAME.search(path.stem)
    if number is None and named and int(named.group(1)) in LISTS:
        number = int(named.group(1))
    if number is None:
        number = recognise(header, path.name)
    return Source(number, path.name, "", header, readable, False)


def find_sources(paths: list[Path], number: int | None, scratch: Path, limits: Limits) -> list[Source]:
    sources: list[Source] = []
    for path in paths:
        if not path.exists():
            raise LoadFailed([Problem(path.name, f"there is no file at {path}")])
        suffix = path.suffix.lower()
        if suffix in {".xlsx", ".xlsm"}:
            sources += from_workbook(path, scratch, limits)
        elif suffix == ".csv":
            sources.append(from_csv(path, number if len(paths) == 1 else None, scratch))
        else:
            raise LoadFailed(
                [Problem(path.name, "expected an Annex A workbook (.xlsx) or a CSV file per list")]
            )
    seen: dict[int, str] = {}
    for source in sources:
        if source.number in seen:
            raise LoadFailed(
                [
                    Problem(
                        source.where, f"List {source.number} is given twice (also in {seen[source.number]})"
                    )
                ]
            )
        seen[source.number] = source.where
    return sources
