"""A sheet is read as councils keep it: title rows, then a header row found by the names councils give
its columns, then data rows numbered as the spreadsheet numbers them; within the limits given."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from oversight.lib.problems import ImportFailed
from oversight.lib.spreadsheet_limits import Limits
from oversight.lib.spreadsheets import Column, MissingColumns, cell_text, has_header, locate, read_sheets
from tests.hostile_files import rewritten

LIMITS = Limits()
COLUMNS = (
    Column("action_id", "Action ID", ("Ref", "ID")),
    Column("rag", "RAG", ("Status",)),
    Column("commentary", "Commentary", ("Update",), required=False),
)


def test_the_header_row_is_found_below_title_rows_whatever_its_case_and_spacing(write_xlsx) -> None:
    path = write_xlsx(
        "s.xlsx",
        {
            "March": [
                ["Improvement plan: statuses"],
                [],
                [" ref ", "STATUS", "update"],
                ["1.1", "Red", "Late"],
            ]
        },
    )
    located = locate(read_sheets(path, LIMITS), COLUMNS)
    assert located.header_row == 3
    assert located.positions == {"action_id": 0, "rag": 1, "commentary": 2}
    assert located.column_name("rag") == "B (STATUS)"
    assert located.data_rows() == [(4, ("1.1", "Red", "Late"))]


def test_a_file_without_a_required_column_lists_each_missing_one_with_its_other_names(write_csv) -> None:
    path = write_csv("s.csv", [["Action ID", "Comments"], ["1.1", "Late"]])
    with pytest.raises(MissingColumns) as missing:
        locate(read_sheets(path, LIMITS), COLUMNS)
    [problem] = missing.value.problems
    assert str(problem) == "s.csv, row 1: missing required column(s): RAG (or 'Status')"
    assert not has_header(read_sheets(path, LIMITS), COLUMNS)


def test_two_columns_that_could_both_be_one_are_a_problem(write_csv) -> None:
    path = write_csv("s.csv", [["Ref", "ID", "RAG"], ["1.1", "1.2", "Red"]])
    with pytest.raises(ImportFailed) as failed:
        locate(read_sheets(path, LIMITS), COLUMNS)
    assert [str(p) for p in failed.value.problems] == [
        "s.csv, row 1: columns A and B could both be Action ID: keep one"
    ]


def test_a_sheet_named_that_the_workbook_does_not_have_lists_the_ones_it_has(write_xlsx) -> None:
    path = write_xlsx("s.xlsx", {"March": [["Action ID"]], "April": [["Action ID"]]})
    with pytest.raises(ImportFailed) as failed:
        read_sheets(path, LIMITS, "May")
    assert str(failed.value) == "s.xlsx: there is no sheet 'May' (sheets: 'March', 'April')"
    assert [sheet.name for sheet in read_sheets(path, LIMITS, "April")] == ["April"]


def test_a_sheet_with_more_cells_than_the_limit_given_is_refused(write_xlsx) -> None:
    rows = [["Action ID", "RAG"], *([["1.1", "Red"]] * 10)]  # 22 cells
    with pytest.raises(ImportFailed) as failed:
        read_sheets(write_xlsx("s.xlsx", {"March": rows}), Limits(cells=20))
    assert str(failed.value).startswith("s.xlsx: sheet 'March' holds more than 20 cells")
    assert len(read_sheets(write_xlsx("ok.xlsx", {"March": rows[:10]}), Limits(cells=20))[0].rows) == 10


def test_a_sheet_claiming_a_million_rows_is_read_as_the_rows_it_has(write_xlsx) -> None:
    path = write_xlsx("claims.xlsx", {"Plan": [["Action ID", "RAG"], ["1.1", "Red"]]})
    claim = b'<dimension ref="A1:XFD1048576"/>'
    rewritten(path, "xl/worksheets/sheet1.xml", lambda data: data.replace(b'<dimension ref="A1:B2"/>', claim))
    assert claim in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    [found] = read_sheets(path, Limits(cells=1000))
    assert found.rows == [(1, ("Action ID", "RAG")), (2, ("1.1", "Red"))]


def test_a_file_that_is_neither_csv_nor_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.ods"
    path.write_bytes(b"PK")
    with pytest.raises(ImportFailed) as failed:
        read_sheets(path, LIMITS)
    assert str(failed.value) == "plan.ods: expected a .csv or .xlsx file"


def test_a_cell_reads_as_text_as_the_spreadsheet_shows_it() -> None:
    assert cell_text(None) == ""
    assert cell_text(12.0) == "12"
    assert cell_text(12.5) == "12.5"
    assert cell_text(datetime(2017, 1, 31, 0, 0)) == "2017-01-31"
    assert cell_text(date(2017, 1, 31)) == "2017-01-31"
    assert cell_text("  Red ") == "Red"
