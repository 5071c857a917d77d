"""Which list a file is, and reading files as councils' systems write them: a list is recognised from
its name with any separator, or from columns that fit one list clearly better than any other, and a
file that is not what it says is refused with the reason, never loaded as something else."""

from __future__ import annotations

import codecs
import io
import zipfile
from datetime import date

import duckdb
import pytest

from oversight.annex_a.engine import Engine
from oversight.annex_a.load import load_extract
from oversight.annex_a.problems import LoadFailed
from tests.annex_a.conftest import COMMON, changed

AS_AT = date(2023, 5, 31)
LIST4 = [
    *COMMON, "Does the Child have a Disability", "Continuous Assessment Start Date",
    "Child Seen During Continuous Assessment", "Continuous Assessment Date of Authorisation",
    "Allocated Team", "Allocated Worker",
]  # fmt: skip
ASSESSMENT = ["A1", "F", "W", "", "", "No", "02/05/2023", "Yes", "10/05/2023", "Team", "Ann"]


@pytest.fixture
def engine(tmp_path):
    return Engine(tmp_path / "s.duckdb")


def rows(engine, sql: str):
    with duckdb.connect(str(engine.database)) as con:
        return con.execute(sql).fetchall()


@pytest.mark.parametrize(
    "name", ["list4.csv", "AnnexA_List4.csv", "list_4_assessments.csv", "list4-2023-05.csv", "List 4.csv"]
)
def test_a_list_is_known_by_its_name_whatever_the_separator(write_csv, engine, name) -> None:
    # without its start date the columns alone would not say List 4: the name does
    header = [c for c in LIST4 if c != "Continuous Assessment Start Date"]
    path = write_csv(name, [header, [v for v, c in zip(ASSESSMENT, LIST4, strict=True) if c in header]])
    with pytest.raises(LoadFailed, match="List 4 cannot be used without the column"):
        load_extract(engine, [path], "Anytown", AS_AT)
    assert not engine.exists() or rows(engine, "SELECT count(*) FROM information_schema.tables") == [(0,)]


def test_a_list_4_file_missing_its_start_date_is_refused_not_stored_as_care_leavers(
    write_csv, engine
) -> None:
    header = [c for c in LIST4 if c != "Continuous Assessment Start Date"]
    path = write_csv(
        "missing_start.csv", [header, ["A1", "F", "W", "", "", "No", "Yes", "10/05/2023", "T", "Ann"]]
    )
    with pytest.raises(LoadFailed) as refused:
        load_extract(engine, [path], "Anytown", AS_AT)
    assert refused.value.problems[0].message.startswith(
        "its columns look like List 4 (Assessments), but it has no Continuous Assessment Start Date"
    )


def test_columns_that_fit_several_lists_are_refused_naming_them(write_csv, engine) -> None:
    path = write_csv(
        "extract.csv", [[*COMMON, "Allocated Team", "Allocated Worker"], ["C1", "F", "W", "", "", "T", "W"]]
    )
    with pytest.raises(LoadFailed, match="none of its columns is one list's own"):
        load_extract(engine, [path], "Anytown", AS_AT)
    mixed = write_csv(
        "mixed.csv",
        [[*COMMON, "Date of referral", "Continuous Assessment Start Date"], ["C1", "F", "W", "", "", "", ""]],
    )
    with pytest.raises(LoadFailed, match=r"its columns fit List 3 \(Referrals\) or List 4 \(Assessments\)"):
        load_extract(engine, [mixed], "Anytown", AS_AT)


def test_a_file_with_a_list_name_and_list_4_columns_is_list_4(write_csv, engine) -> None:
    path = write_csv("assessments-may.csv", [LIST4, ASSESSMENT])
    [list4] = load_extract(engine, [path], "Anytown", AS_AT).lists
    assert list4.number == 4


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (  # a CSV renamed .xlsx
            b"Child Unique ID,Date of referral\nC1,01/05/2023\n",
            "the file is named .xlsx but holds text, not an Excel workbook: if it is a CSV file, name it"
            " .csv",
        ),
    ],
)
def test_a_workbook_that_is_not_a_workbook_gets_a_clear_error(tmp_path, engine, content, reason) -> None:
    path = tmp_path / "extract.xlsx"
    path.write_bytes(content)
    with pytest.raises(LoadFailed) as refused:
        load_extract(engine, [path], "Anytown", AS_AT)
    [problem] = refused.value.problems
    assert (problem.file, problem.message) == ("extract.xlsx", reason)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_csv_marked_as_utf_16_or_32_or_8_is_read_as_text(tmp_path, engine, codec) -> None:
    text = "Child Unique ID,Date of referral,Referral Source\r\nC1,01/05/2023,Café outreach\r\n"
    path = tmp_path / "list3.csv"
    mark = codecs.BOM_UTF16_BE if codec == "utf-16-be" else b""
    path.write_bytes(mark + text.encode(codec))
    [list3] = load_extract(engine, [path], "Anytown", AS_AT).lists
    assert (list3.rows, list3.problems) == (1, [])
    assert rows(engine, "SELECT child_unique_id, date_of_referral, referral_source FROM list_3") == [
        ("C1", date(2023, 5, 1), "Café outreach")
    ]


def test_a_utf_16_csv_without_its_mark_is_refused_not_stored_as_garbage(tmp_path, engine) -> None:
    path = tmp_path / "list3.csv"
    path.write_bytes("Child Unique ID,Date of referral\r\nC1,01/05/2023\r\n".encode("utf-16-le"))
    with pytest.raises(LoadFailed, match="it may be UTF-16 or UTF-32 without a byte-order mark"):
        load_extract(engine, [path], "Anytown", AS_AT)
    assert not engine.exists() or rows(engine, "SELECT count(*) FROM information_schema.tables") == [(0,)]


def test_dates_as_excel_day_numbers_and_with_dots_or_dashes_are_dates(write_xlsx, engine) -> None:
    path = write_xlsx(
        "general.xlsx",
        {
            "List 4": [
                LIST4,
                [
                    "A1",
                    "F",
                    "W",
                    "",
                    "",
                    "No",
                    45048,
                    "Yes",
                    "10.05.2023",
                    "Team",
                    "Ann",
                ],  # 45048: 2 May 2023
                ["A2", "F", "W", "", "", "No", "02-05-2023", "Yes", 45056.0, "Team", "Ann"],
                ["A3", "F", "W", "", "", "No", 12, "Yes", "", "Team", "Ann"],  # a stray number is no date
            ]
        },
    )
    [list4] = load_extract(engine, [path], "Anytown", AS_AT).lists
    assert list4.notes == {"dates given as spreadsheet day numbers, read as dates": 2}
    assert [(p.row, p.message) for p in list4.problems] == [
        (4, "'12' is not a date: expected a date such as 16/09/2022")
    ]
    assert rows(
        engine,
        "SELECT continuous_assessment_start_date, continuous_assessment_date_of_authorisation FROM list_4"
        " ORDER BY row_number",
    ) == [(date(2023, 5, 2), date(2023, 5, 10)), (date(2023, 5, 2), date(2023, 5, 10)), (None, None)]


def test_na_in_team_and_worker_columns_is_listed_by_row(write_csv, engine) -> None:
    path = write_csv("list4.csv", [LIST4, ASSESSMENT, ["A2", *ASSESSMENT[1:9], "#N/A", "#N/A"]])
    [list4] = load_extract(engine, [path], "Anytown", AS_AT).lists
    assert list4.counts == {"values given as #N/A, taken as blank": 2}
    assert [(p.row, p.column, p.message) for p in list4.problems] == [
        (3, "Allocated Team", "'#N/A' given: taken as no Allocated Team"),
        (3, "Allocated Worker", "'#N/A' given: taken as no Allocated Worker"),
    ]


def test_an_extract_whose_newest_date_is_months_before_its_date_gets_a_warning(write_csv, engine) -> None:
    path = write_csv("list4.csv", [LIST4, ASSESSMENT])
    fresh = load_extract(engine, [path], "Anytown", AS_AT)
    assert fresh.warnings == []
    stale = load_extract(engine, [path], "Anytown", date(2023, 12, 31))
    assert stale.warnings == [
        "the newest date in these lists is 10 May 2023, 7 months before the extract's date"
        " (31 December 2023): check --as-at"
    ]
    assert "  Warning: the newest date in these lists is 10 May 2023" in "\n".join(stale.lines())


def test_an_as_at_date_outside_the_working_day_calendar_is_refused(write_csv, engine) -> None:
    path = write_csv("list4.csv", [LIST4, ASSESSMENT])
    with pytest.raises(LoadFailed, match="outside the working-day calendar"):
        load_extract(engine, [path], "Anytown", date(2203, 5, 31))


def test_a_zip_that_is_a_workbook_without_list_sheets_says_so(tmp_path, engine) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr("hello.txt", "not a workbook")
    path = tmp_path / "odd.xlsx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(LoadFailed, match="is not an Excel workbook that can be opened"):
        load_extract(engine, [path], "Anytown", AS_AT)


def test_a_workbook_that_unpacks_to_490_mb_is_refused_before_it_is_opened(
    hostile_workbook, engine, monkeypatch
) -> None:
    from oversight.annex_a import sources

    monkeypatch.setattr(sources, "WorkbookReading", lambda *a, **k: pytest.fail("the workbook was opened"))
    with pytest.raises(LoadFailed) as refused:
        load_extract(engine, [hostile_workbook], "Anytown", AS_AT)
    [problem] = refused.value.problems
    assert (
        "unpacks to 490 MB from" in problem.message
        and "more than 200 times its packed size" in problem.message
    )
    assert not engine.exists()


def test_a_workbook_with_more_cells_than_the_limit_is_refused_as_it_is_read(write_xlsx, engine) -> None:
    from oversight.lib.spreadsheet_limits import Limits

    path = write_xlsx("big.xlsx", {"List 4": [LIST4, *[ASSESSMENT] * 20]})
    with pytest.raises(LoadFailed, match="big.xlsx, sheet List 4 holds more than 100 cells"):
        load_extract(changed(engine, limits=Limits(cells=100)), [path], "Anytown", AS_AT)
    [list4] = load_extract(changed(engine, limits=Limits(cells=1000)), [path], "Anytown", AS_AT).lists
    assert list4.rows == 20
