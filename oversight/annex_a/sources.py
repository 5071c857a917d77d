"""Finds the Annex A lists in the files given: sheets "List 1" … "List 11" of a workbook, or one CSV
per list (named on the command line, in the file's name, or recognised from its columns when they fit
one list clearly better than any other)."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from oversight.annex_a.cells import header_key, match_headers
from oversight.annex_a.lists import LISTS, list_named
from oversight.annex_a.problems import LoadFailed, Problem
from oversight.annex_a.workbook_lists import WorkbookReading
from oversight.lib.spreadsheet_limits import Limits, SpreadsheetRefused, check_workbook
from oversight.lib.text_encodings import EncodingRefused, encoding_of

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

    def arrive(self) -> Source:
        return self


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


@dataclass(frozen=True)
class Coming:
    """A list's sheet of a workbook still being written as CSV: `arrive` waits for it."""

    number: int
    where: str
    reading: WorkbookReading
    index: int

    def arrive(self) -> Source:
        sheet = self.reading.arrive(self.index)
        notes = {FORMULAS_READ: sheet.formulas_read} if sheet.formulas_read else {}
        return Source(sheet.number, self.where, sheet.name, sheet.header, sheet.out, True, notes=notes)


def from_workbook(path: Path, scratch: Path, limits: Limits, readings: ExitStack) -> list[Coming]:
    """Each list's sheet, to be written as a CSV file. The workbook is checked against the reading limits
    from its zip directory before it is opened, and read in child processes with a ceiling on their
    memory, its cells counted, so that a small file that unpacks to gigabytes is refused in a moment. A
    formula is read by the value saved with the workbook; one with no saved value is read as written
    (=H2+5), for the load to report."""
    try:
        check_workbook(path, limits)
        reading = WorkbookReading(path, scratch, limits)
    except SpreadsheetRefused as refusal:
        raise LoadFailed([Problem(path.name, str(refusal))]) from None
    readings.callback(reading.close)
    if not reading.lists:
        raise LoadFailed([Problem(path.name, "there is no sheet named 'List 1' … 'List 11'")])
    return [
        Coming(number, f"{path.name}, sheet {name}", reading, index)
        for index, (number, name) in enumerate(reading.lists)
    ]


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
    if number is None:
        number = list_named(path.stem)
    if number is None:
        number = recognise(header, path.name)
    return Source(number, path.name, "", header, readable, False)


@contextmanager
def opened_sources(
    paths: list[Path], number: int | None, scratch: Path, limits: Limits
) -> Iterator[list[Source | Coming]]:
    """The lists in the files given: a CSV file's at once, a workbook's sheets as they are written
    (a sheet's `arrive` waits for it); a workbook's readers are ended when the load is done with them."""
    with ExitStack() as readings:
        sources: list[Source | Coming] = []
        for path in paths:
            if not path.exists():
                raise LoadFailed([Problem(path.name, f"there is no file at {path}")])
            suffix = path.suffix.lower()
            if suffix in {".xlsx", ".xlsm"}:
                sources += from_workbook(path, scratch, limits, readings)
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
                            source.where,
                            f"List {source.number} is given twice (also in {seen[source.number]})",
                        )
                    ]
                )
            seen[source.number] = source.where
        yield sources
