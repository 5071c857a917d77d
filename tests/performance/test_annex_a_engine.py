"""The site builds the Annex A engine from its settings (one function), and says what the engine refused
in the words of every other import."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from oversight.annex_a.extracts import loaded_extracts
from oversight.annex_a.problems import LoadFailed, Problem
from oversight.lib.spreadsheet_limits import MB
from oversight.performance.annex_a_engine import annex_a_engine, annex_a_measures
from oversight.plans.management.commands._common import import_failed
from tests.annex_a.test_load import LIST5


def test_the_sites_settings_shape_the_engine(settings, tmp_path) -> None:
    settings.ANNEX_A_DATABASE = tmp_path / "site.duckdb"
    settings.CP_VISIT_WORKING_DAYS = 20
    settings.ANNEX_A_LOCK_WAIT = 5
    settings.ANNEX_A_PSEUDONYM_KEY = "the council's key"
    settings.ANNEX_A_MAX_UNPACKED_BYTES = 100 * MB
    settings.ANNEX_A_MAX_CELLS = 1_000
    settings.SPREADSHEET_MAX_COMPRESSION_RATIO = 50
    engine = annex_a_engine()
    assert engine.database == tmp_path / "site.duckdb"
    assert (engine.settings.cp_visit_working_days, engine.settings.lock_wait) == (20, 5)
    assert engine.settings.pseudonym_key == "the council's key"
    limits = engine.settings.limits
    assert (limits.unpacked_bytes, limits.cells, limits.compression_ratio) == (100 * MB, 1_000, 50)
    assert engine.settings.calendar.name == "England"
    name = annex_a_measures()["cp_visits"].name
    assert name == "Children on a child protection plan visited within 20 working days"


def test_a_refused_load_reads_as_any_refused_import() -> None:
    refused = LoadFailed(
        [
            Problem("extract.xlsx", "List 3 cannot be used without the column(s): Age", "List 3", 1),
            Problem("list5.csv", "the file is empty"),
        ]
    )
    assert str(import_failed(refused)) == (
        "Nothing was imported: 2 problems found.\n"
        "  extract.xlsx, sheet 'List 3', row 1: List 3 cannot be used without the column(s): Age\n"
        "  list5.csv: the file is empty"
    )


@pytest.mark.django_db
def test_the_command_pseudonymises_with_the_sites_key_and_refuses_without_one(
    write_csv, settings, tmp_path
) -> None:
    settings.ANNEX_A_DATABASE = tmp_path / "cmd.duckdb"
    path = write_csv("list5.csv", [LIST5, ["C1", "F", "W", "17/04/2015", "7", "16/09/2022", "", "", ""]])
    load = ["annex_a", "load", str(path), "--council", "Anytown", "--as-at", "2023-03-31", "--pseudonymise"]
    settings.ANNEX_A_PSEUDONYM_KEY = ""
    with pytest.raises(CommandError, match="settings: set ANNEX_A_PSEUDONYM_KEY"):
        call_command(*load, stdout=io.StringIO())
    settings.ANNEX_A_PSEUDONYM_KEY = "a secret key"
    call_command(*load, stdout=io.StringIO())
    [extract] = loaded_extracts(annex_a_engine(), "Anytown")
    assert extract.pseudonymised
