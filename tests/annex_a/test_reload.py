"""Loading again: the lists given replace those of the same council and date and the others stay,
each with the file it came from, said before anything changes; a load that fails changes nothing;
and a load waits for the website's readers rather than failing with DuckDB's lock error."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import duckdb
import pytest

from oversight.annex_a import extracts
from oversight.annex_a.engine import Engine
from oversight.annex_a.extracts import loaded_extracts
from oversight.annex_a.load import LoadPlan, load_extract, prepare_extract
from oversight.annex_a.problems import LoadFailed
from tests.annex_a.conftest import COMMON, changed

AS_AT = date(2023, 5, 31)
LIST3 = [*COMMON, "Date of referral", "Number of Referrals in Last 12 Months"]
LIST4 = [*COMMON, "Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation"]
LIST5 = [*COMMON, "Strategy discussion initiating Section 47 Enquiry Start Date"]


@pytest.fixture
def engine(tmp_path):
    return Engine(tmp_path / "reload.duckdb")


def three_lists(write_xlsx):
    """Lists 3, 4 and 5 in one workbook."""
    return write_xlsx(
        "extract.xlsx",
        {
            "List 3": [
                LIST3,
                ["R1", "F", "W", "", "", "01/05/2023", "1"],
                ["R2", "F", "W", "", "", "01/05/2023", "0"],
            ],
            "List 4": [LIST4, ["A1", "F", "W", "", "", "02/05/2023", "03/05/2023"]],
            "List 5": [LIST5, ["S1", "F", "W", "", "", "02/05/2023"]],
        },
    )


@pytest.fixture
def workbook(write_xlsx):
    return three_lists(write_xlsx)


def count(engine, table: str) -> int:
    with duckdb.connect(str(engine.database)) as con:
        return con.execute(f"SELECT count(*) FROM {table} WHERE council = 'Anytown'").fetchone()[0]  # type: ignore[index]


def everything(engine) -> dict[str, list[tuple]]:
    """Every row of every table, to compare before and after."""
    with duckdb.connect(str(engine.database)) as con:
        tables = [
            t
            for (t,) in con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()
        ]
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


def test_loading_one_list_again_replaces_it_and_keeps_the_others_saying_so_first(
    workbook, write_csv, engine
) -> None:
    load_extract(engine, [workbook], "Anytown", AS_AT)
    list3 = write_csv("list3.csv", [LIST3, ["R9", "F", "W", "", "", "02/05/2023", "2"]])
    told: list[LoadPlan] = []
    report = load_extract(engine, [list3], "Anytown", AS_AT, announce=told.append)
    [plan] = told
    lines = plan.lines()
    assert lines[0] == "Loading Lists 3 for Anytown as at 31 May 2023."
    assert lines[1].startswith("  replaces List 3 from extract.xlsx, sheet List 3, loaded ")
    assert [line.split(", loaded")[0] for line in lines[2:]] == [
        "  keeps List 4 from extract.xlsx, sheet List 4",
        "  keeps List 5 from extract.xlsx, sheet List 5",
    ]
    assert [part.number for part in report.kept] == [4, 5]
    assert (count(engine, "list_3"), count(engine, "list_4"), count(engine, "list_5")) == (1, 1, 1)
    [extract] = loaded_extracts(engine, "Anytown")
    assert extract.lists == (3, 4, 5)  # the record is true: List 3 from its CSV, 4 and 5 from the workbook
    assert [(p.number, p.source) for p in extract.parts] == [
        (3, "list3.csv"),
        (4, "extract.xlsx, sheet List 4"),
        (5, "extract.xlsx, sheet List 5"),
    ]


def test_replace_all_removes_the_lists_not_given(workbook, write_csv, engine) -> None:
    load_extract(engine, [workbook], "Anytown", AS_AT)
    list3 = write_csv("list3.csv", [LIST3, ["R9", "F", "W", "", "", "02/05/2023", "2"]])
    told: list[LoadPlan] = []
    load_extract(engine, [list3], "Anytown", AS_AT, replace_all=True, announce=told.append)
    assert [line.split(", loaded")[0] for line in told[0].lines()[2:]] == [
        "  removes List 4 from extract.xlsx, sheet List 4",
        "  removes List 5 from extract.xlsx, sheet List 5",
    ]
    assert (count(engine, "list_3"), count(engine, "list_4"), count(engine, "list_5")) == (1, 0, 0)
    assert loaded_extracts(engine, "Anytown")[0].lists == (3,)


def test_lists_pseudonymised_and_not_are_not_mixed_in_one_extract(workbook, write_csv, engine) -> None:
    engine = changed(engine, pseudonym_key="a secret key")
    load_extract(engine, [workbook], "Anytown", AS_AT, pseudonymise=True)
    list3 = write_csv("list3.csv", [LIST3, ["R9", "F", "W", "", "", "02/05/2023", "2"]])
    with pytest.raises(LoadFailed, match="Lists 4, 5 of this extract were loaded pseudonymised"):
        load_extract(engine, [list3], "Anytown", AS_AT)
    load_extract(engine, [list3], "Anytown", AS_AT, replace_all=True)
    assert loaded_extracts(engine, "Anytown")[0].pseudonymised is False


def test_a_load_that_fails_half_way_changes_nothing(workbook, write_csv, engine) -> None:
    load_extract(engine, [workbook], "Anytown", AS_AT)
    before = everything(engine)
    new3 = write_csv("list3.csv", [LIST3, ["R9", "F", "W", "", "", "02/05/2023", "2"]])
    broken5 = write_csv("list5.csv", [["Child Unique ID", "Gender"], ["S9", "F"]])
    with pytest.raises(LoadFailed, match="List 5 cannot be used without the column"):
        load_extract(engine, [new3, broken5], "Anytown", AS_AT)  # List 3 was stored first
    assert everything(engine) == before


def test_a_load_that_fails_while_recording_itself_changes_nothing(
    workbook, write_csv, engine, monkeypatch
) -> None:
    load_extract(engine, [workbook], "Anytown", AS_AT)
    before = everything(engine)

    def fail(*args, **kwargs):
        raise OSError("the disk is full")

    monkeypatch.setattr("oversight.annex_a.load.record_lists", fail)
    new3 = write_csv("list3.csv", [LIST3, ["R9", "F", "W", "", "", "02/05/2023", "2"]])
    with pytest.raises(OSError, match="the disk is full"):
        load_extract(engine, [new3], "Anytown", AS_AT, replace_all=True)
    assert everything(engine) == before


def test_an_extract_recorded_the_old_way_is_listed_and_recorded_list_by_list_when_loaded_again(
    write_csv, engine
) -> None:
    with duckdb.connect(str(engine.database)) as con:
        con.execute(
            "CREATE TABLE loads (council VARCHAR, as_at DATE, loaded TIMESTAMP, pseudonymised BOOLEAN,"
            " lists VARCHAR, report JSON)"
        )
        con.execute(
            "INSERT INTO loads VALUES ('Anytown', DATE '2023-05-31', TIMESTAMP '2023-06-01 09:00', false,"
            " '3,4',"
            """ '[{"number": 3, "where": "old.xlsx, sheet List 3", "rows": 2},"""
            """ {"number": 4, "where": "old.xlsx, sheet List 4", "rows": 1}]')"""
        )
    [old] = loaded_extracts(engine, "Anytown")
    assert (old.lists, [p.source for p in old.parts]) == (
        (3, 4),
        ["old.xlsx, sheet List 3", "old.xlsx, sheet List 4"],
    )
    list5 = write_csv("list5.csv", [LIST5, ["S1", "F", "W", "", "", "02/05/2023"]])
    load_extract(engine, [list5], "Anytown", AS_AT)
    [extract] = loaded_extracts(engine, "Anytown")
    assert extract.lists == (3, 4, 5)
    with duckdb.connect(str(engine.database)) as con:
        tables = {t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert extracts.RECORD in tables and "loads" not in tables


READ = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("reading", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def test_a_load_never_waits_for_the_websites_readers_who_read_the_extract_as_it_was_until_it_is_done(
    workbook, write_csv, engine
) -> None:
    load_extract(engine, [workbook], "Anytown", AS_AT)
    reader = subprocess.Popen(
        [sys.executable, "-c", READ, str(engine.database), "30"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert reader.stdout is not None and reader.stdout.readline().strip() == "reading"
        engine = changed(engine, lock_wait=0)
        list3 = write_csv("list3.csv", [LIST3, ["R9", "F", "W", "", "", "02/05/2023", "2"]])
        load_extract(engine, [list3], "Anytown", AS_AT)  # at once, though the reader has the file open
        assert count(engine, "list_3") == 1
    finally:
        reader.kill()
        reader.wait()
    assert sorted(p.name for p in engine.database.parent.iterdir() if "duckdb" in p.name) == [
        "reload.duckdb",
        "reload.duckdb.lock",
    ]  # no copy left behind


HOLD_THE_LOAD = """
import fcntl, sys, time
with open(sys.argv[1], "a") as lock:
    fcntl.flock(lock, fcntl.LOCK_EX)
    print("loading", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_a_second_load_waits_for_the_first_then_says_a_load_is_running(workbook, write_csv, engine) -> None:
    load_extract(engine, [workbook], "Anytown", AS_AT)
    lock = engine.database.with_name(f"{engine.database.name}.lock")
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOAD, str(lock), "30"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "loading"
        list3 = write_csv("list3.csv", [LIST3, ["R9", "F", "W", "", "", "02/05/2023", "2"]])
        with pytest.raises(LoadFailed, match="another load of Annex A is running"):
            load_extract(changed(engine, lock_wait=0), [list3], "Anytown", AS_AT)
    finally:
        other.kill()
        other.wait()
    assert count(engine, "list_3") == 2
    load_extract(changed(engine, lock_wait=0), [list3], "Anytown", AS_AT)  # the first one done
    assert count(engine, "list_3") == 1


def test_a_prepared_extract_is_read_by_no_one_until_it_is_switched_in_and_says_how_far_it_has_come(
    workbook, write_csv, engine, tmp_path
) -> None:
    load_extract(engine, [workbook], "Anytown", AS_AT)
    list3 = write_csv("list3.csv", [LIST3, ["R9", "F", "W", "", "", "02/05/2023", "2"]])
    steps = []
    prepared = prepare_extract(
        engine, [list3], "Anytown", AS_AT, tmp_path / "draft.duckdb", progress=steps.append
    )
    assert [(s.lists_loaded, s.lists, s.rows, s.latest) for s in steps] == [(1, 1, 1, "list3.csv")]
    assert [part.number for part in prepared.plan.replaced] == [3]
    assert count(engine, "list_3") == 2  # the pages still read the extract as it was
    engine.switch(prepared.draft)
    assert count(engine, "list_3") == 1
    assert not (tmp_path / "draft.duckdb").exists()


def test_a_prepared_extract_overtaken_by_another_load_is_refused_and_thrown_away(
    workbook, write_csv, engine, tmp_path
) -> None:
    load_extract(engine, [workbook], "Anytown", AS_AT)
    list3 = write_csv("list3.csv", [LIST3, ["R9", "F", "W", "", "", "02/05/2023", "2"]])
    prepared = prepare_extract(engine, [list3], "Anytown", AS_AT, tmp_path / "draft.duckdb")
    load_extract(engine, [workbook], "Othertown", AS_AT)  # lands first
    with pytest.raises(LoadFailed, match="another extract was loaded after this one was checked"):
        engine.switch(prepared.draft)
    assert count(engine, "list_3") == 2  # Anytown's extract as loaded first: nothing of the draft
    assert not (tmp_path / "draft.duckdb").exists()


def test_a_prepared_extract_can_be_thrown_away(workbook, engine, tmp_path) -> None:
    prepared = prepare_extract(engine, [workbook], "Anytown", AS_AT, tmp_path / "draft.duckdb")
    engine.discard(prepared.draft)
    assert not (tmp_path / "draft.duckdb").exists() and not engine.database.exists()
