"""Loading Annex A extracts into DuckDB: every problem reported by sheet, row and column, nothing
half-loaded, and the same extract loaded again replaces itself."""

from __future__ import annotations

from datetime import date, datetime

import duckdb
import pytest

from oversight.annex_a.engine import Engine
from oversight.annex_a.extracts import loaded_extracts
from oversight.annex_a.load import load_extract
from oversight.annex_a.problems import LoadFailed
from tests.annex_a.conftest import changed

AS_AT = date(2023, 3, 31)
LIST5 = [
    "Child Unique ID", "Sex", "Ethnicity", "Date of Birth", "Age",
    "Strategy discussion initiating Section 47 Enquiry Start Date",
    "Date of Initial Child Protection Conference", "Allocated Team", "Allocated Worker",
]  # fmt: skip


@pytest.fixture
def engine(tmp_path):
    return Engine(tmp_path / "annex.duckdb")


def rows(engine, sql: str, *params):
    with duckdb.connect(str(engine.database)) as con:
        return con.execute(sql, list(params)).fetchall()


def test_a_workbook_with_real_shaped_problems_is_loaded_and_every_problem_reported(
    write_xlsx, engine
) -> None:
    path = write_xlsx(
        "annex-a.xlsx",
        {
            "List 5": [
                LIST5,
                [
                    "C1",
                    "b) Female",
                    "WBRI",
                    datetime(2015, 4, 1),
                    7,
                    datetime(2022, 9, 16),
                    "10/10/2022",
                    "Team A",
                    "Jo\u00a0Smith",
                ],
                ["C2", "Male", "WBRI", "01/05/2012", 10, "#N/A", "", "Team A", "Jo Smith"],
                ["C3", "Male", "WBRI", "01/05/2012", 10, "03/01/2023", "=H2+5", "Team B", "Al Jones"],
                ["C4", "Male", "WBRI", "01/05/2012", 10, "03/02/2023", "01/02/2023", "Team B", "Al Jones"],
                ["C5", "Male", "WBRI", "01/05/2012", 10, "03/02/2023", "05/05/2023", "Team B", "Al Jones"],
                ["C5", "Male", "WBRI", "01/05/2012", 10, "03/02/2023", "05/05/2023", "Team B", "Al Jones"],
            ],
            "Notes": [["This sheet is not a list"], ["x", "y"]],
        },
    )
    report = load_extract(engine, [path], "Anytown", AS_AT)
    [list5] = report.lists
    assert (list5.number, list5.rows, list5.where) == (5, 6, "annex-a.xlsx, sheet List 5")
    problems = {(p.row, p.column): p.message for p in list5.problems}
    strategy = "Strategy discussion initiating Section 47 Enquiry Start Date"
    icpc = "Date of Initial Child Protection Conference"
    assert problems[(3, strategy)] == "'#N/A' is not a date: expected a date such as 16/09/2022"
    assert problems[(4, icpc)].startswith("a formula (=H2+5) with no value saved")
    assert problems[(5, icpc)] == f"01/02/2023 is before the {strategy} (03/02/2023)"
    assert problems[(6, icpc)] == "05/05/2023 is after the extract's date (31/03/2023)"
    assert list5.duplicate_rows == [[6, 7]]
    assert list5.counts == {
        "values that are not dates": 2,
        "dates after the extract's date": 2,
        "end dates before their start": 1,
        "duplicate rows": 1,
    }
    assert "Does the Child have a Disability" in list5.missing_columns
    stored = rows(engine, "SELECT child_unique_id, gender, allocated_worker FROM list_5 ORDER BY row_number")
    assert stored[0] == ("C1", "Female", "Jo Smith")  # the code's letter and the non-breaking space gone
    assert len(stored) == 6  # bad values are reported, not their rows dropped


def test_loading_the_same_extract_again_replaces_it(write_csv, engine) -> None:
    row = ["C1", "Female", "WBRI", "01/04/2015", "7", "16/09/2022", "10/10/2022", "Team A", "Jo"]
    path = write_csv("list5.csv", [LIST5, row])
    load_extract(engine, [path], "Anytown", AS_AT)
    load_extract(engine, [path], "Anytown", AS_AT)
    load_extract(engine, [path], "Othertown", AS_AT)
    assert rows(engine, "SELECT council, count(*) FROM list_5 GROUP BY council ORDER BY council") == [
        ("Anytown", 1),
        ("Othertown", 1),
    ]


def test_a_list_without_a_required_column_fails_and_changes_nothing(write_csv, engine) -> None:
    good = write_csv("list5.csv", [LIST5, ["C1", "F", "W", "", "", "16/09/2022", "", "", ""]])
    load_extract(engine, [good], "Anytown", AS_AT)
    bad = write_csv("list3.csv", [["Child Unique ID", "Referral Source"], ["C9", "Police"]])
    with pytest.raises(LoadFailed, match=r"List 3 cannot be used without the column\(s\): Date of referral"):
        load_extract(engine, [good, bad], "Anytown", AS_AT)
    assert rows(engine, "SELECT count(*) FROM list_5") == [(1,)]
    assert rows(engine, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'list_3'") == [
        (0,)
    ]


def test_a_csv_is_recognised_from_its_columns(write_csv, engine) -> None:
    path = write_csv("referrals-march.csv", [
        ["Child Unique ID", "Gender", "Date of Referral", "Number of Referrals in Last 12 Months"],
        ["C1", "a) Male", "01/03/2023", "2"],
        ["C2", "Female", "02/03/2023", "two"],
    ])  # fmt: skip
    [list3] = load_extract(engine, [path], "Anytown", AS_AT).lists
    assert list3.number == 3
    assert [(p.row, p.message) for p in list3.problems] == [(3, "'two' is not a whole number")]


def test_pseudonymised_ids_are_keyed_hashes_and_dates_of_birth_months(write_csv, engine) -> None:
    engine = changed(engine, pseudonym_key="a secret key")
    path = write_csv("list5.csv", [LIST5, ["C1", "F", "W", "17/04/2015", "7", "16/09/2022", "", "", ""]])
    load_extract(engine, [path], "Anytown", AS_AT, pseudonymise=True)
    [(child, born)] = rows(engine, "SELECT child_unique_id, date_of_birth FROM list_5")
    assert child != "C1" and len(child) == 64 and born == date(2015, 4, 1)
    engine = changed(engine, pseudonym_key="")
    with pytest.raises(LoadFailed, match="set ANNEX_A_PSEUDONYM_KEY"):
        load_extract(engine, [path], "Anytown", AS_AT, pseudonymise=True)


def test_title_rows_above_the_header_a_windows_encoded_csv_and_a_broken_file(
    write_xlsx, tmp_path, engine
) -> None:
    path = write_xlsx(
        "titled.xlsx",
        {
            "List 5": [
                ["Anytown Council", "Annex A"],
                ["Extract run 31/03/2023", ""],
                LIST5,
                ["C1", "F", "W", "", "", "16/09/2022", "10/10/2022", "Team A", "Jo"],
            ]
        },
    )
    [list5] = load_extract(engine, [path], "Anytown", AS_AT).lists
    assert list5.rows == 1 and list5.problems == []
    assert rows(engine, "SELECT row_number FROM list_5") == [(4,)]  # the row as the spreadsheet numbers it

    windows = tmp_path / "list3.csv"
    windows.write_bytes(
        "Child Unique ID,Date of referral,Referral Source\r\nC1,01/03/2023,Caf\xe9 outreach\r\n".encode(
            "cp1252"
        )
    )
    [list3] = load_extract(engine, [windows], "Anytown", AS_AT).lists
    assert list3.rows == 1
    assert rows(engine, "SELECT referral_source FROM list_3") == [("Café outreach",)]

    odd = (
        tmp_path / "list4.csv"
    )  # a quote never closed is read as part of the value; a blank start is reported
    odd.write_text('Child Unique ID,Continuous Assessment Start Date\n"C1,01/03/2023\nC2,\n')
    [list4] = load_extract(engine, [odd], "Anytown", AS_AT).lists
    assert list4.rows == 2
    assert [(p.row, p.message) for p in list4.problems] == [
        (3, "expected the Continuous Assessment Start Date")
    ]


def test_the_extracts_loaded_for_a_council_are_listed_newest_first(write_csv, tmp_path) -> None:
    engine = Engine(tmp_path / "listed.duckdb")
    assert loaded_extracts(engine, "Anytown") == []
    list3 = [
        ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Date of referral",
         "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker"],
        ["R1", "F", "W", "", "", "01/05/2023", "0", "Team 1", "Ann"],
    ]  # fmt: skip
    path = write_csv("list3.csv", list3)
    for as_at in (date(2023, 4, 30), date(2023, 5, 31)):
        load_extract(engine, [path], "Anytown", as_at)
    load_extract(engine, [path], "Elsewhere", date(2023, 5, 31))
    found = loaded_extracts(engine, "Anytown")
    assert [(e.as_at, e.lists) for e in found] == [(date(2023, 5, 31), (3,)), (date(2023, 4, 30), (3,))]


def test_a_plan_without_a_council_has_no_extracts_even_one_loaded_without_a_name(write_csv, tmp_path) -> None:
    engine = Engine(tmp_path / "unnamed.duckdb")
    list3 = [
        ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Date of referral",
         "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker"],
        ["R1", "F", "W", "", "", "01/05/2023", "0", "Team 1", "Ann"],
    ]  # fmt: skip
    load_extract(engine, [write_csv("list3.csv", list3)], "", date(2023, 5, 31))
    assert loaded_extracts(engine, "") == []
