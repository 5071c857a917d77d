"""Loaded extracts written as Parquet, partitioned by council and date, with pseudonyms in place of
Child Unique IDs and months in place of dates of birth: what a council shares with its region."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

import duckdb
import pytest

from oversight.annex_a.engine import Engine
from oversight.annex_a.export import export_extracts
from oversight.annex_a.load import load_extract
from oversight.annex_a.problems import LoadFailed
from tests.annex_a.conftest import AS_AT, COMMON, load_small_extract

KEY = "a regional key"
LIST3 = [
    *COMMON,
    "Date of referral",
    "Number of Referrals in Last 12 Months",
    "Allocated Team",
    "Allocated Worker",
]


@pytest.fixture
def engine(write_csv, tmp_path) -> Engine:
    database = load_small_extract(write_csv, tmp_path / "annex_a.duckdb")
    load_small_extract(write_csv, database, date(2023, 3, 31))
    engine = Engine(database)
    return (
        replace(engine, settings=replace(engine.settings, pseudonym_key=KEY))
        if False
        else Engine(database, replace(engine.settings, pseudonym_key=KEY))
    )


def read(path, sql: str) -> list[tuple]:
    with duckdb.connect() as con:
        return con.execute(sql.format(path=path)).fetchall()


def test_each_list_is_written_by_council_and_date_with_pseudonyms_not_ids(engine, tmp_path) -> None:
    exported = export_extracts(engine, tmp_path / "out")
    assert exported.extracts == [("Anytown", date(2023, 3, 31)), ("Anytown", AS_AT)]
    assert exported.rows == {3: 8, 4: 8, 5: 6}
    folders = sorted(
        p.relative_to(tmp_path / "out").parent.as_posix() for p in (tmp_path / "out").rglob("*.parquet")
    )
    assert folders[:2] == ["list_3/council=Anytown/as_at=2023-03-31", f"list_3/council=Anytown/as_at={AS_AT}"]
    ids = read(
        tmp_path / "out", "SELECT DISTINCT child_unique_id FROM read_parquet('{path}/list_3/*/*/*.parquet')"
    )
    expected = {hashlib.sha256(f"{KEY}:R{n}".encode()).hexdigest() for n in range(1, 5)}
    assert {i for (i,) in ids} == expected  # the same child, the same pseudonym, in both extracts
    rows = read(
        tmp_path / "out",
        "SELECT council, as_at, count(*), count(DISTINCT number_of_referrals_in_last_12_months)"
        " FROM read_parquet('{path}/list_3/*/*/*.parquet', hive_partitioning = true)"
        " GROUP BY ALL ORDER BY as_at",
    )
    assert rows == [("Anytown", date(2023, 3, 31), 4, 2), ("Anytown", AS_AT, 4, 2)]


def test_one_extract_is_written_alone_and_replaces_what_was_written_for_it(engine, tmp_path) -> None:
    export_extracts(engine, tmp_path / "out")
    exported = export_extracts(engine, tmp_path / "out", "Anytown", AS_AT)
    assert exported.extracts == [("Anytown", AS_AT)]
    counted = read(tmp_path / "out", "SELECT count(*) FROM read_parquet('{path}/list_5/*/*/*.parquet')")
    assert counted == [(6,)]  # 3 of each extract: written again, not twice


def test_dates_of_birth_leave_as_months(write_csv, tmp_path) -> None:
    list3 = [
        LIST3,
        ["R1", "F", "W", "17/06/2015", "7", "01/05/2023", "0", "Team 1", "Ann"],
    ]
    engine = Engine(tmp_path / "a.duckdb")
    load_extract(engine, [write_csv("list3.csv", list3)], "Anytown", AS_AT)
    engine = Engine(engine.database, replace(engine.settings, pseudonym_key=KEY))
    export_extracts(engine, tmp_path / "out")
    assert read(
        tmp_path / "out", "SELECT date_of_birth FROM read_parquet('{path}/list_3/*/*/*.parquet')"
    ) == [(date(2015, 6, 1),)]


def test_an_extract_loaded_pseudonymised_keeps_its_pseudonyms(write_csv, tmp_path) -> None:
    list3 = [
        LIST3,
        ["R1", "F", "W", "", "", "01/05/2023", "0", "Team 1", "Ann"],
    ]
    engine = Engine(tmp_path / "a.duckdb", replace(Engine(tmp_path / "a.duckdb").settings, pseudonym_key=KEY))
    load_extract(engine, [write_csv("list3.csv", list3)], "Anytown", AS_AT, pseudonymise=True)
    export_extracts(engine, tmp_path / "out")
    [(pseudonym,)] = read(
        tmp_path / "out", "SELECT child_unique_id FROM read_parquet('{path}/list_3/*/*/*.parquet')"
    )
    assert pseudonym == hashlib.sha256(f"{KEY}:R1".encode()).hexdigest()  # hashed once, not twice


def test_no_export_without_the_key_or_without_an_extract(write_csv, tmp_path) -> None:
    database = load_small_extract(write_csv, tmp_path / "annex_a.duckdb")
    with pytest.raises(LoadFailed, match="an export carries pseudonyms, not IDs"):
        export_extracts(Engine(database), tmp_path / "out")
    keyed = Engine(database, replace(Engine(database).settings, pseudonym_key=KEY))
    with pytest.raises(LoadFailed, match="no extract is loaded for Othertown"):
        export_extracts(keyed, tmp_path / "out", "Othertown")
    assert not (tmp_path / "out").exists()
