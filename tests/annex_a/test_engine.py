"""The engine owns its database and its settings: it imports no web framework and nothing of Oversight
but its shared library, a database it cannot open is a problem to report, and a lock is recognised as
one (the website answers 503 for it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from oversight.annex_a.bands import DEFAULT_POLICY
from oversight.annex_a.engine import Engine, EngineSettings, is_lock_conflict
from oversight.annex_a.load import load_extract
from oversight.annex_a.problems import LoadFailed
from oversight.lib.spreadsheet_limits import MB

ENGINE = Path(__file__).resolve().parents[2] / "oversight" / "annex_a"
IMPORT_EVERY_MODULE = """
import importlib, json, pkgutil, sys
import oversight.annex_a as engine
for module in pkgutil.iter_modules(engine.__path__):
    importlib.import_module(f"oversight.annex_a.{module.name}")
print(json.dumps(sorted(sys.modules)))
"""


def test_the_engine_imports_no_django_and_nothing_of_oversight_but_its_library() -> None:
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    found = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_MODULE],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
        cwd=ENGINE.parents[1],
    )
    modules = json.loads(found.stdout)
    assert [m for m in modules if m == "django" or m.startswith("django.")] == []
    oversight = {m.split(".")[1] for m in modules if m.startswith("oversight.")}
    assert oversight == {"annex_a", "lib"}
    every_module = {f"oversight.annex_a.{p.stem}" for p in ENGINE.glob("*.py") if p.stem != "__init__"}
    assert every_module <= set(modules)


def test_its_settings_by_default_are_englands_calendar_and_the_published_standards() -> None:
    settings = EngineSettings()
    assert settings.calendar.name == "England" and not settings.calendar.is_working_day(date(2022, 9, 19))
    assert (settings.cp_visit_working_days, settings.caseload_bands, settings.lock_wait) == (
        10,
        DEFAULT_POLICY,
        60,
    )
    assert (settings.limits.unpacked_bytes, settings.limits.cells) == (2048 * MB, 50_000_000)
    assert settings.pseudonym_key == ""  # no pseudonyms without a key of the council's


def test_a_database_it_cannot_open_is_a_problem_to_report_not_a_traceback(write_csv, tmp_path) -> None:
    not_a_database = tmp_path / "annex_a.duckdb"
    not_a_database.write_text("Child Unique ID,Date of referral\n")
    path = write_csv("list3.csv", [["Child Unique ID", "Date of referral"], ["R1", "01/05/2023"]])
    with pytest.raises(LoadFailed) as refused:
        load_extract(Engine(not_a_database), [path], "Anytown", date(2023, 5, 31))
    [problem] = refused.value.problems
    assert problem.file == "annex_a.duckdb"
    assert problem.message.startswith("the Annex A database could not be opened:")


def test_a_load_makes_the_folder_of_its_database(write_csv, tmp_path) -> None:
    engine = Engine(tmp_path / "var" / "annex" / "annex_a.duckdb")
    path = write_csv("list3.csv", [["Child Unique ID", "Date of referral"], ["R1", "01/05/2023"]])
    assert not engine.exists()
    load_extract(engine, [path], "Anytown", date(2023, 5, 31))
    assert engine.exists()


HOLD = """
import sys, duckdb
con = duckdb.connect(sys.argv[1])
print("locked", flush=True)
sys.stdin.read()
"""


def test_a_reader_refused_while_a_load_writes_is_a_lock_conflict(tmp_path) -> None:
    engine = Engine(tmp_path / "annex_a.duckdb")
    duckdb.connect(str(engine.database)).close()
    writer = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(engine.database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "locked"
        with pytest.raises(duckdb.IOException) as refused:
            engine.connect_to_read()
        assert is_lock_conflict(refused.value)
    finally:
        writer.communicate("")
    assert not is_lock_conflict(duckdb.IOException("No files found that match the pattern"))
    assert not is_lock_conflict(ValueError("lock"))
    engine.connect_to_read().close()  # once the load is done, pages read again


def test_duckdb_works_within_the_memory_the_settings_give_and_spills_to_the_folder_they_name(
    tmp_path,
) -> None:
    spill = tmp_path / "spill"
    engine = Engine(tmp_path / "a.duckdb", EngineSettings(memory_limit=300 * MB, temp_directory=spill))
    with engine.writing() as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
        limit, folder = con.execute(
            "SELECT current_setting('memory_limit'), current_setting('temp_directory')"
        ).fetchone()
    assert (limit, folder) == ("286.1 MiB", str(spill))  # DuckDB shows 300 MB in MiB
    with engine.connect_to_read() as con:
        assert con.execute("SELECT current_setting('memory_limit')").fetchone() == ("286.1 MiB",)


def test_by_default_duckdb_has_a_gigabyte_and_spills_beside_the_database(tmp_path) -> None:
    with Engine(tmp_path / "a.duckdb").writing() as con:
        limit, folder = con.execute(
            "SELECT current_setting('memory_limit'), current_setting('temp_directory')"
        ).fetchone()
    assert limit == "976.5 MiB"
    assert Path(folder).parent == tmp_path
