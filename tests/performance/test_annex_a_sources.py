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
from django.core.management import CommandError, call_command

from oversight.lib.problems import ImportFailed
from oversight.performance.annex_a.load import load_extract
from tests.performance.conftest import COMMON

AS_AT = date(2023, 5, 31)
LIST4 = [
    *COMMON, "Does the Child have a Disability", "Continuous Assessment Start Date",
    "Child Seen During Continuous Assessment", "Continuous Assessment Date of Authorisation",
    "Allocated Team", "Allocated Worker",
]  # fmt: skip
ASSESSMENT = ["A1", "F", "W", "", "", "No", "02/05/2023", "Yes", "10/05/2023", "Team", "Ann"]


@pytest.fixture
def database(tmp_path):
    return tmp_path / "s.duckdb"


def rows(database, sql: str):
    with duckdb.connect(str(database)) as con:
        return con.execute(sql).fetchall()


@pytest.mark.parametrize(
    "name", ["list4.csv", "AnnexA_List4.csv", "list_4_assessments.csv", "list4-2023-05.csv", "List 4.csv"]
)
def test_a_list_is_known_by_its_name_whatever_the_separator(write_csv, database, name) -> None:
    # without its start date the columns alone would not say List 4: the name does
    header = [c for c in LIST4 if c != "Continuous Assessment Start Date"]
    path = write_csv(name, [header, [v for v, c in zip(ASSESSMENT, LIST4, strict=True) if c in header]])
    with pytest.raises(ImportFailed, match="List 4 cannot be used without the column"):
        load_extract([path], "Anytown", AS_AT, database=database)
    assert not database.exists() or rows(database, "SELECT count(*) FROM information_schema.tables") == [(0,)]


def test_a_list_4_file_missing_its_start_date_is_refused_not_stored_as_care_leavers(
    write_csv, database
) -> None:
    header = [c for c in LIST4 if c != "Continuous Assessment Start Date"]
    path = write_csv(
        "missing_start.csv", [header, ["A1", "F", "W", "", "", "No", "Yes", "10/05/2023", "T", "Ann"]]
    )
    with pytest.raises(ImportFailed) as refused:
        load_extract([path], "Anytown", AS_AT, database=database)
    assert refused.value.problems[0].message.startswith(
        "its columns look like List 4 (Assessments), but it has no Continuous Assessment Start Date"
    )


def test_columns_that_fit_several_lists_are_refused_naming_them(write_csv, database) -> None:
    path = write_csv(
        "extract.csv", [[*COMMON, "Allocated Team", "Allocated Worker"], ["C1", "F", "W", "", "", "T", "W"]]
    )
    with pytest.raises(ImportFailed, match="none of its columns is one list's own"):
        load_extract([path], "Anytown", AS_AT, database=database)
    mixed = write_csv(
        "mixed.csv",
        [[*COMMON, "Date of referral", "Continuous Assessment Start Date"], ["C1", "F", "W", "", "", "", ""]],
    )
    with pytest.raises(ImportFailed, match=r"its columns fit List 3 \(Referrals\) or List 4 \(Assessments\)"):
        load_extract([mixed], "Anytown", AS_AT, database=database)


@pytest.mark.django_db
def test_the_command_refuses_a_file_it_cannot_place_with_a_failing_exit(
    write_csv, settings, tmp_path
) -> None:
    settings.ANNEX_A_DATABASE = tmp_path / "cmd.duckdb"
    header = [c for c in LIST4 if c != "Continuous Assessment Start Date"]
    path = write_csv(
        "assessments.csv", [header, ["A1", "F", "W", "", "", "No", "Yes", "10/05/2023", "T", "Ann"]]
    )
    with pytest.raises(CommandError, match="look like List 4"):
        call_command("annex_a", "load", str(path), "--council", "Anytown", "--as-at", "2023-05-31")


def test_a_file_with_a_list_name_and_list_4_columns_is_list_4(write_csv, database) -> None:
    path = write_csv("assessments-may.csv", [LIST4, ASSESSMENT])
    [list4] = load_extract([path], "Anytown", AS_AT, database=database).lists
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
def test_a_workbook_that_is_not_a_workbook_gets_a_clear_error(tmp_path, database, content, reason) -> None:
    path = tmp_path / "extract.xlsx"
    path.write_bytes(content)
    with pytest.raises(ImportFailed) as refused:
        load_extract([path], "Anytown", AS_AT, database=database)
    [problem] = refused.value.problems
    assert (problem.file, problem.message) == ("extract.xlsx", reason)


@pytest.mark.django_db
def test_a_truncated_workbook_gets_a_clear_error_from_the_command(write_xlsx, settings, tmp_path) -> None:
    whole = write_xlsx("whole.xlsx", {"List 4": [LIST4, ASSESSMENT]}).read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    settings.ANNEX_A_DATABASE = tmp_path / "cmd.duckdb"
    with pytest.raises(CommandError, match="cut.xlsx: the workbook is damaged or incomplete"):
        call_command("annex_a", "load", str(cut), "--council", "Anytown", "--as-at", "2023-05-31")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_csv_marked_as_utf_16_or_32_or_8_is_read_as_text(tmp_path, database, codec) -> None:
    text = "Child Unique ID,Date of referral,Referral Source\r\nC1,01/05/2023,Café outreach\r\n"
    path = tmp_path / "list3.csv"
    mark = codecs.BOM_UTF16_BE if codec == "utf-16-be" else b""
    path.write_bytes(mark + text.encode(codec))
    [list3] = load_extract([path], "Anytown", AS_AT, database=database).lists
    assert (list3.rows, list3.problems) == (1, [])
    assert rows(database, "SELECT child_unique_id, date_of_referral, referral_source FROM list_3") == [
        ("C1", date(2023, 5, 1), "Café outreach")
    ]


def test_a_utf_16_csv_without_its_mark_is_refused_not_stored_as_garbage(tmp_path, database) -> None:
    path = tmp_path / "list3.csv"
    path.write_bytes("Child Unique ID,Date of referral\r\nC1,01/05/2023\r\n".encode("utf-16-le"))
    with pytest.raises(ImportFailed, match="it may be UTF-16 or UTF-32 without a byte-order mark"):
        load_extract([path], "Anytown", AS_AT, database=database)
    assert not database.exists() or rows(database, "SELECT count(*) FROM information_schema.tables") == [(0,)]


def test_dates_as_excel_day_numbers_and_with_dots_or_dashes_are_dates(write_xlsx, database) -> None:
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
    [list4] = load_extract([path], "Anytown", AS_AT, database=database).lists
    assert list4.notes == {"dates given as spreadsheet day numbers, read as dates": 2}
    assert [(p.row, p.message) for p in list4.problems] == [
        (4, "'12' is not a date: expected a date such as 16/09/2022")
    ]
    assert rows(
        database,
        "SELECT continuous_assessment_start_date, continuous_assessment_date_of_authorisation FROM list_4"
        " ORDER BY row_number",
    ) == [(date(2023, 5, 2), date(2023, 5, 10)), (date(2023, 5, 2), date(2023, 5, 10)), (None, None)]


def test_na_in_team_and_worker_columns_is_listed_by_row(write_csv, database) -> None:
    path = write_csv("list4.csv", [LIST4, ASSESSMENT, ["A2", *ASSESSMENT[1:9], "#N/A", "#N/A"]])
    [list4] = load_extract([path], "Anytown", AS_AT, database=database).lists
    assert list4.counts == {"values given as #N/A, taken as blank": 2}
    assert [(p.row, p.column, p.message) for p in list4.problems] == [
        (3, "Allocated Team", "'#N/A' given: taken as no Allocated Team"),
        (3, "Allocated Worker", "'#N/A' given: taken as no Allocated Worker"),
    ]


def test_an_extract_whose_newest_date_is_months_before_its_date_gets_a_warning(write_csv, database) -> None:
    path = write_csv("list4.csv", [LIST4, ASSESSMENT])
    fresh = load_extract([path], "Anytown", AS_AT, database=database)
    assert fresh.warnings == []
    stale = load_extract([path], "Anytown", date(2023, 12, 31), database=database)
    assert stale.warnings == [
        "the newest date in these lists is 10 May 2023, 7 months before the extract's date"
        " (31 December 2023): check --as-at"
    ]
    assert "  Warning: the newest date in these lists is 10 May 2023" in "\n".join(stale.lines())


def test_an_as_at_date_outside_the_working_day_calendar_is_refused(write_csv, database) -> None:
    path = write_csv("list4.csv", [LIST4, ASSESSMENT])
    with pytest.raises(ImportFailed, match="outside the working-day calendar"):
        load_extract([path], "Anytown", date(2203, 5, 31), database=database)


def test_a_zip_that_is_a_workbook_without_list_sheets_says_so(tmp_path, database) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr("hello.txt", "not a workbook")
    path = tmp_path / "odd.xlsx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ImportFailed, match="is not an Excel workbook that can be opened"):
        load_extract([path], "Anytown", AS_AT, database=database)


def test_a_workbook_that_unpacks_to_490_mb_is_refused_before_it_is_opened(
    hostile_workbook, database, monkeypatch
) -> None:
    from oversight.performance.annex_a import sources

    monkeypatch.setattr(sources, "load_workbook", lambda *a, **k: pytest.fail("the workbook was opened"))
    with pytest.raises(ImportFailed) as refused:
        load_extract([hostile_workbook], "Anytown", AS_AT, database=database)
    [problem] = refused.value.problems
    assert (
        "unpacks to 490 MB from" in problem.message
        and "more than 200 times its packed size" in problem.message
    )
    assert not database.exists()


def test_a_workbook_with_more_cells_than_the_limit_is_refused_as_it_is_read(write_xlsx, database) -> None:
    from oversight.lib.spreadsheet_limits import Limits

    path = write_xlsx("big.xlsx", {"List 4": [LIST4, *[ASSESSMENT] * 20]})
    with pytest.raises(ImportFailed, match="big.xlsx, sheet List 4 holds more than 100 cells"):
        load_extract([path], "Anytown", AS_AT, database=database, limits=Limits(cells=100))
    [list4] = load_extract([path], "Anytown", AS_AT, database=database, limits=Limits(cells=1000)).lists
    assert list4.rows == 20
