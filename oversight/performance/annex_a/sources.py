"""Finds the Annex A lists in the files given: sheets "List 1" … "List 11" of a workbook, or one CSV
per list (named on the command line, in the file's name, or recognised from its columns)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from oversight.performance.annex_a.cells import clean_text, match_headers
from oversight.performance.annex_a.lists import LISTS
from oversight.plans.tables import ImportFailed, Problem

_LIST_NAME = re.compile(r"\blist[\s_-]*(\d{1,2})\b", re.I)
HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class Source:
    """One list's rows, as a CSV file whose first column is the row number in the original."""

    number: int
    where: str  # 'extract.xlsx, sheet List 3' or 'list3.csv'
    sheet: str
    header: list[str]
    csv_path: Path
    numbered: bool  # True: column 0 holds the original row number; False: rows follow a one-line header
    encoding: str = "utf-8"


def recognise(header: list[str]) -> int | None:
    """The list whose columns a header matches best, if it has that list's required columns."""
    best: tuple[int, int] | None = None
    for number, annex in LISTS.items():
        found = match_headers(annex, list(header))
        if found.missing_required:
            continue
        score = len(found.positions)
        if best is None or score > best[0]:
            best = (score, number)
    return best[1] if best else None


def _cell(value: object) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def from_workbook(path: Path, scratch: Path) -> list[Source]:
    # formulas are read as written (=H2+5), so that they are reported rather than their cached values used
    book = load_workbook(path, read_only=True, data_only=False)
    try:
        sources = []
        for name in book.sheetnames:
            match = _LIST_NAME.search(name)
            if not match or int(match.group(1)) not in LISTS:
                continue
            out = scratch / f"{path.stem}-{match.group(1)}.csv"
            header: list[str] = []
            annex = LISTS[int(match.group(1))]
            with out.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                for number, cells in enumerate(book[name].iter_rows(values_only=True), start=1):
                    texts = [_cell(c) for c in cells]
                    if not header:
                        # the header is the first row naming the list's required columns (title rows above it
                        # are skipped), or failing that the first row of several cells, to report against
                        if not match_headers(annex, texts).missing_required or (
                            number >= HEADER_SEARCH_ROWS and sum(1 for t in texts if clean_text(t)) >= 2
                        ):
                            header = texts
                        continue
                    if any(clean_text(t) for t in texts):
                        writer.writerow([number, *texts[: len(header)]])
            sources.append(Source(int(match.group(1)), f"{path.name}, sheet {name}", name, header, out, True))
        if not sources:
            raise ImportFailed([Problem(path.name, "there is no sheet named 'List 1' … 'List 11'")])
        return sources
    finally:
        book.close()


def from_csv(path: Path, number: int | None) -> Source:
    with path.open("rb") as raw:
        sample = raw.read(1 << 20)
    try:
        sample.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as error:
        # a multi-byte character cut at the end of the sample is still UTF-8; anything else is Windows'
        encoding = "utf-8" if error.start >= len(sample) - 3 else "latin-1"
    with path.open(
        newline="", encoding="utf-8-sig" if encoding == "utf-8" else "cp1252", errors="replace"
    ) as handle:
        header = next(csv.reader(handle), [])
    named = _LIST_NAME.search(path.stem)
    number = number or (int(named.group(1)) if named else None) or recognise(header)
    if number not in LISTS:
        raise ImportFailed(
            [
                Problem(
                    path.name, "cannot tell which Annex A list this is: name it (e.g. --list 3 or list3.csv)"
                )
            ]
        )
    return Source(number, path.name, "", header, path, False, encoding)


def find_sources(paths: list[Path], number: int | None, scratch: Path) -> list[Source]:
    sources: list[Source] = []
    for path in paths:
        if not path.exists():
            raise ImportFailed([Problem(path.name, f"there is no file at {path}")])
        suffix = path.suffix.lower()
        if suffix in {".xlsx", ".xlsm"}:
            sources += from_workbook(path, scratch)
        elif suffix == ".csv":
            sources.append(from_csv(path, number if len(paths) == 1 else None))
        else:
            raise ImportFailed(
                [Problem(path.name, "expected an Annex A workbook (.xlsx) or a CSV file per list")]
            )
    seen: dict[int, str] = {}
    for source in sources:
        if source.number in seen:
            raise ImportFailed(
                [
                    Problem(
                        source.where, f"List {source.number} is given twice (also in {seen[source.number]})"
                    )
                ]
            )
        seen[source.number] = source.where
    return sources
