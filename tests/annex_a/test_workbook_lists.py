"""An Annex A workbook is read column by column (fastexcel into DuckDB, in child processes) and gives what
the same lists as CSV files give: the same stored rows, the same problems by sheet, row and column."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from oversight.annex_a import workbook_lists
from oversight.annex_a.engine import Engine
from oversight.annex_a.lists import LISTS
from oversight.annex_a.load import load_extract
from oversight.annex_a.problems import LoadFailed
from oversight.demo import synthetic
from oversight.demo.extract_workbook import write_workbook
from oversight.lib.spreadsheet_limits import Limits

AS_AT = date(2023, 3, 31)
LIST5 = [  # the columns List 5 needs, of its fourteen
    "Child Unique ID", "Sex", "Ethnicity", "Date of Birth", "Age",
    "Strategy discussion initiating Section 47 Enquiry Start Date",
    "Date of Initial Child Protection Conference", "Allocated Team", "Allocated Worker",
]  # fmt: skip


@pytest.fixture(scope="module")
def extract(tmp_path_factory) -> tuple[dict[int, Path], Path]:
    """A council's extract with plenty to report (a bad value in 2% of the date and number cells: #N/A,
    =H2+5, 31 February, a two-digit year; duplicate rows), as CSVs and as the workbook Excel would hold."""
    folder = tmp_path_factory.mktemp("extract")
    shape = replace(synthetic.small_council(AS_AT), bad_share=0.02, duplicate_share=0.01)
    paths = synthetic.generate(folder / "csv", AS_AT, shape, seed=18)
    return paths, write_workbook(paths, folder / "annex-a.xlsx")


def stored(engine: Engine) -> dict[str, list[tuple]]:
    with duckdb.connect(str(engine.database), read_only=True) as con:
        return {
            annex.table: con.execute(f"SELECT * FROM {annex.table} ORDER BY row_number").fetchall()
            for annex in LISTS.values()
            if con.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [annex.table]
            ).fetchone()[0]
        }


def reported(report) -> dict[int, tuple]:
    return {
        r.number: (r.rows, r.counts, r.problems, r.duplicate_rows, r.missing_columns, r.notes, r.latest)
        for r in report.lists
    }


def test_a_workbook_and_its_csvs_give_identical_stored_rows_and_identical_problems(extract, tmp_path) -> None:
    paths, workbook = extract
    from_csvs, from_workbook = Engine(tmp_path / "csvs.duckdb"), Engine(tmp_path / "workbook.duckdb")
    by_csvs = load_extract(from_csvs, list(paths.values()), "Anytown", AS_AT)
    by_workbook = load_extract(from_workbook, [workbook], "Anytown", AS_AT)
    assert reported(by_workbook) == reported(by_csvs)
    problems = sum(sum(r.counts.values()) for r in by_csvs.lists)
    assert problems > 100  # the comparison has something to compare
    assert {p.message.split(" ")[0] for r in by_csvs.lists for p in r.problems} >= {"'#N/A'", "a"}
    assert stored(from_workbook) == stored(from_csvs)
    assert [r.where for r in by_workbook.lists] == [f"annex-a.xlsx, sheet List {n}" for n in paths]


def _rows_written(path: Path) -> list[tuple]:
    with duckdb.connect() as con:
        query = "SELECT * FROM read_csv(?, header=false, all_varchar=true, null_padding=true)"
        return [tuple(v or "" for v in row) for row in con.execute(query, [str(path)]).fetchall()]


def test_a_sheet_read_row_by_row_writes_what_column_by_column_writes(extract, tmp_path) -> None:
    """The two ways a sheet is read (the fast one, and openpyxl's for a sheet the XML scan cannot place)
    agree cell for cell, row numbers included."""
    _, workbook = extract
    limits = Limits()
    with zipfile.ZipFile(workbook) as archive:
        parts = workbook_lists.sheet_parts(archive)
    for name, part in parts.items():
        number = int(name.split()[1])
        unusual = workbook_lists.scan_sheet(zipfile.ZipFile(workbook), part, formula_text=True)
        fast_out, slow_out = tmp_path / f"fast-{number}.csv", tmp_path / f"slow-{number}"
        where = f"{workbook.name}, sheet {name}"
        written = workbook_lists._by_columns(workbook, name, number, fast_out, unusual, limits, where)
        assert written is not None, name
        fast, _ = written
        slow, _ = workbook_lists._list_sheet(workbook, name, number, None, slow_out, limits)
        assert (fast.header, fast.formulas_read) == (slow.header, slow.formulas_read)
        assert _rows_written(fast.out) == _rows_written(slow.out), name


def test_title_rows_above_the_header_and_an_empty_first_column_are_read_as_excel_shows_them(
    write_xlsx, tmp_path
) -> None:
    row = ["C1", "Female", "WBRI", datetime(2015, 4, 1), 7, datetime(2022, 9, 16), "#N/A", "Team A", "Jo"]
    path = write_xlsx(
        "annex-a.xlsx",
        {
            "List 5": [
                ["", "Anytown Council: Annex A"],
                [],
                ["", *LIST5],
                ["", *row],
                [],
                ["", "C2", *row[1:]],
            ]
        },
    )
    engine = Engine(tmp_path / "a.duckdb")
    [list5] = load_extract(engine, [path], "Anytown", AS_AT).lists
    assert list5.rows == 2
    # the workbook's own rows, under two title rows and a blank row
    assert [(p.row, p.value) for p in list5.problems] == [(4, "#N/A"), (6, "#N/A")]
    with duckdb.connect(str(engine.database), read_only=True) as con:
        assert con.execute("SELECT row_number, child_unique_id, date_of_birth FROM list_5").fetchall() == [
            (4, "C1", date(2015, 4, 1)),
            (6, "C2", date(2015, 4, 1)),
        ]


def test_a_header_further_down_than_two_hundred_rows_is_found_row_by_row(write_xlsx, tmp_path) -> None:
    notes = [[f"note {n}"] for n in range(250)]  # one cell each: not a header
    row = ["C1", "Female", "WBRI", "01/04/2015", 7, "16/09/2022", "", "Team A", "Jo"]
    path = write_xlsx("annex-a.xlsx", {"List 5": [*notes, LIST5, row]})
    [list5] = load_extract(Engine(tmp_path / "a.duckdb"), [path], "Anytown", AS_AT).lists
    assert (list5.rows, list5.missing_columns[:1]) == (1, list5.missing_columns[:1])
    assert "Child Unique ID" not in list5.missing_columns


def test_a_workbook_with_one_damaged_sheet_changes_nothing_and_says_which_part(extract, tmp_path) -> None:
    paths, workbook = extract
    engine = Engine(tmp_path / "a.duckdb")
    load_extract(engine, list(paths.values()), "Anytown", AS_AT)
    before = stored(engine)
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(workbook) as given, zipfile.ZipFile(damaged, "w") as made:
        for item in given.infolist():
            data = given.read(item)
            if item.filename == "xl/worksheets/sheet4.xml":
                data = data[: len(data) // 2]
            made.writestr(item, data)
    with pytest.raises(LoadFailed) as failed:
        load_extract(engine, [damaged], "Anytown", AS_AT)
    assert "xl/worksheets/sheet4.xml ends part-way through the sheet" in str(failed.value)
    assert str(failed.value).startswith("damaged.xlsx: is not an Excel workbook that can be opened")
    assert stored(engine) == before


def test_the_cells_of_every_sheet_count_towards_the_limit_named_at_the_sheet_that_passes_it(
    extract, tmp_path
) -> None:
    _, workbook = extract
    engine = Engine(tmp_path / "a.duckdb")
    sheets = load_extract(engine, [workbook], "Anytown", AS_AT).lists
    first_two = sum(r.rows for r in sheets[:2]) + 2
    limited = Engine(tmp_path / "b.duckdb", replace(engine.settings, limits=Limits(cells=first_two * 6)))
    with pytest.raises(LoadFailed, match=r"annex-a.xlsx, sheet List \d holds more than"):
        load_extract(limited, [workbook], "Anytown", AS_AT)
    assert not limited.database.exists() or stored(limited) == {}


def test_a_workbook_that_does_not_say_where_its_sheets_are_is_read_whole_row_by_row(
    extract, tmp_path, monkeypatch
) -> None:
    paths, workbook = extract
    from_csvs = Engine(tmp_path / "csvs.duckdb")
    by_csvs = load_extract(from_csvs, list(paths.values()), "Anytown", AS_AT)
    monkeypatch.setattr(workbook_lists, "sheet_parts", lambda archive: {})  # in this process: the reading's
    from_workbook = Engine(tmp_path / "workbook.duckdb")
    by_workbook = load_extract(from_workbook, [workbook], "Anytown", AS_AT)
    assert reported(by_workbook) == reported(by_csvs)
    assert stored(from_workbook) == stored(from_csvs)
