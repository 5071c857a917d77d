"""Spreadsheets are refused from their zip directory, before any reader unpacks them, when they would
unpack beyond the limits; and a file named .xlsx that is not a workbook is named for what it is."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from oversight.lib.spreadsheet_limits import (
    MB,
    CellCount,
    Limits,
    SpreadsheetRefused,
    check_parts,
    check_text_file,
    check_workbook,
)

LIMITS = Limits()


def refusal(path: Path, limits: Limits = LIMITS) -> str:
    with pytest.raises(SpreadsheetRefused) as refused:
        check_workbook(path, limits)
    return str(refused.value)


def test_a_workbook_whose_shared_strings_unpack_to_490_mb_is_refused_from_its_directory(
    hostile_workbook: Path,
) -> None:
    assert hostile_workbook.stat().st_size < 2 * MB
    assert refusal(hostile_workbook) == (
        "the workbook unpacks to 490 MB, more than the 200 MB Oversight reads (an administrator can raise"
        " the limit, OVERSIGHT_MAX_UNPACKED_MB)"
    )


def test_a_part_compressed_far_beyond_any_workbooks_is_refused_within_the_size_limit(
    hostile_workbook: Path,
) -> None:
    message = refusal(hostile_workbook, Limits(unpacked_bytes=1024 * MB))
    assert message.startswith("the workbook's part xl/sharedStrings.xml unpacks to 490 MB from 1 MB")
    assert "OVERSIGHT_MAX_COMPRESSION_RATIO" in message


def test_the_limits_are_read_from_the_directory_entries() -> None:
    check_parts([("xl/worksheets/sheet1.xml", 150 * MB, 10 * MB)], LIMITS)  # 15 to 1: an ordinary sheet
    check_parts([("xl/styles.xml", MB - 1, 1)], LIMITS)  # a small part may compress as it likes
    with pytest.raises(SpreadsheetRefused, match="more than the 200 MB"):
        check_parts([("a", 150 * MB, 10 * MB), ("b", 51 * MB, 10 * MB)], LIMITS)
    with pytest.raises(SpreadsheetRefused, match="holds 10,001 parts, more than the 10,000"):
        check_parts([(f"p{n}", 1, 1) for n in range(10_001)], LIMITS)


def test_an_ordinary_workbook_passes(write_xlsx) -> None:
    check_workbook(write_xlsx("plan.xlsx", {"Plan": [["Action ID", "RAG"], ["1.1", "Red"]]}), LIMITS)


def test_an_empty_file_is_named_as_empty(tmp_path: Path) -> None:
    empty = tmp_path / "plan.xlsx"
    empty.write_bytes(b"")
    assert refusal(empty) == "the file is empty"


def test_a_truncated_workbook_is_named_as_damaged_or_incomplete(write_xlsx) -> None:
    path = write_xlsx("plan.xlsx", {"Plan": [["Action ID", "RAG"], ["1.1", "Red"]]})
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert refusal(path).startswith("the workbook is damaged or incomplete")


def test_a_csv_file_named_xlsx_is_named_as_text(tmp_path: Path) -> None:
    path = tmp_path / "statuses.xlsx"
    path.write_text("Action ID,RAG\n1.1,Red\n")
    assert refusal(path) == (
        "the file is named .xlsx but holds text, not an Excel workbook: if it is a CSV file, name it .csv"
    )
    utf16 = tmp_path / "unicode.xlsx"
    utf16.write_bytes("Action ID\tRAG\r\n".encode("utf-16"))
    assert "holds text" in refusal(utf16)


def test_an_old_excel_file_renamed_is_named_as_one(tmp_path: Path) -> None:
    path = tmp_path / "statuses.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert "is an Excel 97-2003 workbook (.xls)" in refusal(path)
    other = tmp_path / "picture.xlsx"
    other.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    assert (
        refusal(other) == "the file is named .xlsx but is not an Excel workbook: save it from Excel as .xlsx"
    )


def test_a_zip_that_is_not_a_workbook_passes_the_limits_for_the_reader_to_judge(tmp_path: Path) -> None:
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    check_workbook(path, LIMITS)


def test_a_csv_file_larger_than_the_unpacked_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"x" * (2 * MB))
    check_text_file(path, LIMITS)
    with pytest.raises(SpreadsheetRefused, match="the file is 2 MB, more than the 1 MB"):
        check_text_file(path, Limits(unpacked_bytes=MB))


def test_cells_are_counted_across_sheets_and_refused_past_the_limit() -> None:
    count = CellCount(Limits(cells=10))
    assert list(count.rows([(1, 2, 3), (4, 5, 6)], "sheet 'A'")) == [(1, 2, 3), (4, 5, 6)]
    rows = count.rows([(1, 2, 3), (4, 5, 6)], "sheet 'B'")
    assert next(rows) == (1, 2, 3)
    with pytest.raises(SpreadsheetRefused, match="sheet 'B' holds more than 10 cells"):
        next(rows)


def test_empty_rows_count_so_a_sheet_claiming_endless_rows_is_refused() -> None:
    endless = iter(lambda: (), None)  # a generator of empty rows that never ends
    with pytest.raises(SpreadsheetRefused, match="more than 1,000 cells"):
        for _ in CellCount(Limits(cells=1000)).rows(endless):
            pass
