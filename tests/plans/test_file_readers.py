"""Every spreadsheet reader (plan, statuses, recommendations, indicators, indicator values, funding, the
workforce's returns and staff records) refuses a hostile or broken file with a clear problem before a
reader opens it, and reads CSV files in the encoding their byte-order mark names."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import override_settings

from oversight.funding.funding_file import read_funding_file
from oversight.governance.recommendation_file import read_recommendation_file
from oversight.lib import spreadsheets
from oversight.lib.problems import ImportFailed
from oversight.performance.indicator_file import read_indicator_file
from oversight.performance.value_file import read_value_file
from oversight.plans.plan_file import read_plan_file
from oversight.plans.status_file import read_status_file
from oversight.workforce.return_files import read_staff_records, read_team_returns
from tests.hostile_files import rewritten

READERS: dict[str, Callable[[Path], object]] = {
    "plan": read_plan_file,
    "statuses": read_status_file,
    "recommendations": read_recommendation_file,
    "indicators": lambda path: read_indicator_file(path, {}, {}),
    "indicator values": lambda path: read_value_file(path, []),
    "funding": read_funding_file,
    "workforce returns": lambda path: read_team_returns(path, ["Assessment 1"]),
    "staff records": lambda path: read_staff_records(path, ["Assessment 1"]),
}


@pytest.fixture
def no_workbook_opened(monkeypatch) -> None:
    """No reader must be reached: the refusal comes from the zip's directory alone."""

    def opened(*args: object, **kwargs: object) -> None:
        raise AssertionError("the workbook was opened")

    monkeypatch.setattr(spreadsheets, "in_child", opened)


def only_problem(read: Callable[[Path], object], path: Path) -> str:
    with pytest.raises(ImportFailed) as failed:
        read(path)
    [problem] = failed.value.problems
    return str(problem)


@pytest.mark.parametrize("reader", READERS)
def test_every_reader_refuses_a_workbook_that_unpacks_to_490_mb_before_opening_it(
    reader: str, hostile_workbook: Path, no_workbook_opened: None
) -> None:
    assert only_problem(READERS[reader], hostile_workbook) == (
        "statuses.xlsx: the workbook unpacks to 490 MB, more than the 200 MB Oversight reads (an"
        " administrator can raise the limit, OVERSIGHT_MAX_UNPACKED_MB)"
    )


@pytest.mark.parametrize("reader", READERS)
def test_every_reader_names_a_truncated_empty_or_renamed_file_for_what_it_is(
    reader: str, tmp_path: Path, write_xlsx, no_workbook_opened: None
) -> None:
    read = READERS[reader]
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert only_problem(read, empty) == "empty.xlsx: the file is empty"
    renamed = tmp_path / "renamed.xlsx"
    renamed.write_text("Action ID,RAG\n1.1,Red\n")
    assert "renamed.xlsx: the file is named .xlsx but holds text" in only_problem(read, renamed)
    whole = write_xlsx("cut.xlsx", {"Plan": [["Action ID", "RAG"], ["1.1", "Red"]]})
    whole.write_bytes(whole.read_bytes()[:-200])
    assert only_problem(read, whole).startswith("cut.xlsx: the workbook is damaged or incomplete")


@pytest.mark.parametrize(
    ("part", "change"),
    [
        ("xl/workbook.xml", lambda data: b"<garbage"),
        ("[Content_Types].xml", lambda data: b"nonsense"),
        ("xl/worksheets/sheet1.xml", lambda data: data[: len(data) // 2]),  # the XML cut short
        ("xl/worksheets/sheet1.xml", lambda data: data.replace(b'r="1"', b'r="x1"', 1)),  # not a row number
    ],
)
def test_a_damaged_workbook_is_a_problem_not_a_traceback(write_xlsx, part: str, change) -> None:
    path = rewritten(write_xlsx("s.xlsx", {"March": [["Action ID", "RAG"], ["1.1", "Red"]]}), part, change)
    assert only_problem(read_status_file, path).startswith(
        "s.xlsx: the workbook is damaged, or not one Oversight can read ("
    )


@override_settings(SPREADSHEET_MAX_CELLS=20)
def test_a_sheet_with_more_cells_than_the_limit_is_refused_naming_it(write_xlsx, write_csv) -> None:
    rows = [["Action ID", "RAG"], *([["1.1", "Red"]] * 10)]  # 22 cells
    assert only_problem(read_status_file, write_xlsx("s.xlsx", {"March": rows})) == (
        "s.xlsx: sheet 'March' holds more than 20 cells, the most Oversight reads from one file (an"
        " administrator can raise the limit, OVERSIGHT_MAX_CELLS)"
    )
    assert "s.csv: the file holds more than 20 cells" in only_problem(
        read_status_file, write_csv("s.csv", rows)
    )


@override_settings(SPREADSHEET_MAX_UNPACKED_BYTES=1024)
def test_a_csv_file_larger_than_the_limit_is_refused(write_csv) -> None:
    path = write_csv("s.csv", [["Action ID", "RAG"], *([["1.1", "Red"]] * 200)])
    assert "s.csv: the file is 2 KB, more than the 1 KB Oversight reads" in only_problem(
        read_status_file, path
    )


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_a_status_file_in_unicode_with_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    text = "Action ID,RAG,Commentary\r\n1.1,Red,Café – “not agreed”\r\n"
    mark = codecs.BOM_UTF16_BE if encoding == "utf-16-be" else b""
    path = tmp_path / "statuses.csv"
    path.write_bytes(mark + text.encode(encoding))
    [status] = read_status_file(path).statuses
    assert (status.action_id, status.rag, status.commentary) == ("1.1", "R", "Café – “not agreed”")


def test_a_utf_16_file_without_its_mark_is_refused_not_read_as_garbage(tmp_path: Path) -> None:
    path = tmp_path / "statuses.csv"
    path.write_bytes("Action ID,RAG\r\n1.1,Red\r\n".encode("utf-16-le"))
    assert "statuses.csv: the file holds NUL bytes" in only_problem(read_status_file, path)
