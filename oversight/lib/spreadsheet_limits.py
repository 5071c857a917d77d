"""How much a spreadsheet may unpack to, checked from the zip's directory before any reader opens it
(a 1.6 MB workbook can unpack to 490 MB), and how many cells a reader takes; and what a file named
.xlsx that is not a workbook is, in words for the person who gave it."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from oversight.lib.text_encodings import bom_encoding

MB = 1024 * 1024
# a part smaller than this may compress as well as it likes: the ratio only matters for large parts
RATIO_CHECKED_FROM = MB
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls) and other old Office files
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")

Row = TypeVar("Row", bound=Sequence[object])


@dataclass(frozen=True)
class Limits:
    """What Oversight reads from one spreadsheet. Settings OVERSIGHT_MAX_UNPACKED_MB, OVERSIGHT_MAX_CELLS,
    OVERSIGHT_MAX_COMPRESSION_RATIO and OVERSIGHT_READER_MEMORY_MB set them for the site."""

    unpacked_bytes: int = 200 * MB  # the whole workbook unpacked, and so any one part of it
    cells: int = 5_000_000
    compression_ratio: int = 200  # unpacked size to packed size, for any part over 1 MB
    members: int = 10_000  # parts in the zip; a workbook has tens
    reader_memory: int = 2048 * MB  # the child process reading a workbook (OVERSIGHT_READER_MEMORY_MB)


class SpreadsheetRefused(ValueError):
    """The file is not read: why, in words for the person who gave it (without the file's name)."""


def megabytes(size: int) -> str:
    return f"{size / MB:,.0f} MB" if size >= MB else f"{size / 1024:,.0f} KB"


def check_workbook(path: Path, limits: Limits) -> None:
    """Refuses (SpreadsheetRefused) a file that is not a whole .xlsx workbook, or whose directory says it
    unpacks beyond the limits. Reads only the first bytes and the zip's directory, never a part's
    contents, so a hostile file is refused in a moment and in little memory. Readers (openpyxl, and
    Python's zipfile under it) never unpack a part beyond the size its directory entry gives."""
    with path.open("rb") as handle:
        start = handle.read(8)
    if not start:
        raise SpreadsheetRefused("the file is empty")
    if not start.startswith(ZIP_SIGNATURES):
        raise SpreadsheetRefused(_not_a_workbook(path, start))
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise SpreadsheetRefused(
            "the workbook is damaged or incomplete (it may not have been copied or downloaded in full):"
            " open it in Excel and save it again"
        ) from None
    check_parts([(part.filename, part.file_size, part.compress_size) for part in parts], limits)


def check_parts(parts: Sequence[tuple[str, int, int]], limits: Limits) -> None:
    """The limits, over a zip's directory: (name, unpacked size, packed size) of each part."""
    if len(parts) > limits.members:
        raise SpreadsheetRefused(
            f"the workbook holds {len(parts):,} parts, more than the {limits.members:,} Oversight reads"
        )
    total = sum(size for _, size, _ in parts)
    if total > limits.unpacked_bytes:
        raise SpreadsheetRefused(
            f"the workbook unpacks to {megabytes(total)}, more than the {megabytes(limits.unpacked_bytes)}"
            " Oversight reads (an administrator can raise the limit, OVERSIGHT_MAX_UNPACKED_MB)"
        )
    for name, size, packed in parts:
        if size >= RATIO_CHECKED_FROM and size > limits.compression_ratio * max(packed, 1):
            raise SpreadsheetRefused(
                f"the workbook's part {name} unpacks to {megabytes(size)} from {megabytes(packed)}, more"
                f" than {limits.compression_ratio} times its packed size, which no ordinary workbook does"
                " (an administrator can raise the limit, OVERSIGHT_MAX_COMPRESSION_RATIO)"
            )


def _not_a_workbook(path: Path, start: bytes) -> str:
    named = path.suffix.lower() or "a workbook"
    if start.startswith(OLE_SIGNATURE):
        return (
            f"the file is named {named} but is an Excel 97-2003 workbook (.xls) or another old Office file:"
            " save it from Excel as an Excel Workbook (.xlsx)"
        )
    with path.open("rb") as handle:
        sample = handle.read(4096)
    if _looks_like_text(sample):
        return (
            f"the file is named {named} but holds text, not an Excel workbook: if it is a CSV file, name"
            " it .csv"
        )
    return f"the file is named {named} but is not an Excel workbook: save it from Excel as .xlsx"


def _looks_like_text(sample: bytes) -> bool:
    if bom_encoding(sample) is not None:
        return True
    if b"\x00" in sample:
        return False
    printable = sum(1 for byte in sample if byte >= 32 or byte in b"\t\r\n")
    return printable >= 0.95 * len(sample)


def check_text_file(path: Path, limits: Limits) -> None:
    """A CSV file is its own unpacked size."""
    size = path.stat().st_size
    if size > limits.unpacked_bytes:
        raise SpreadsheetRefused(
            f"the file is {megabytes(size)}, more than the {megabytes(limits.unpacked_bytes)} Oversight reads"
            " (an administrator can raise the limit, OVERSIGHT_MAX_UNPACKED_MB)"
        )


class CellCount:
    """Counts the cells a reader takes from a file, across its sheets, and refuses past the limit."""

    def __init__(self, limits: Limits) -> None:
        self.limit = limits.cells
        self.taken = 0

    def rows(self, rows: Iterable[Row], where: str = "the file") -> Iterator[Row]:
        """The rows, counted as they are read: a sheet that claims a million empty rows is refused
        before they are kept."""
        for row in rows:
            self.add(row, where)
            yield row

    def add(self, row: Sequence[object], where: str = "the file") -> None:
        self.take(max(len(row), 1), where)  # an empty row costs its reading too

    def take(self, cells: int, where: str = "the file") -> None:
        self.taken += cells
        if self.taken > self.limit:
            raise SpreadsheetRefused(
                f"{where} holds more than {self.limit:,} cells, the most Oversight reads from one file"
                " (an administrator can raise the limit, OVERSIGHT_MAX_CELLS)"
            )
