"""The engine's tests run without Django: each builds its engine on a DuckDB file of its own, with the
settings it needs given explicitly. The small extract several tests (and the website's) share: three
lists for Anytown as at 31 May 2023, with answers worked out by hand in test_measures.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from oversight.annex_a.engine import Engine
from oversight.annex_a.load import load_extract

AS_AT = date(2023, 5, 31)
COMMON = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age"]


def changed(engine: Engine, **settings: Any) -> Engine:
    """The same database, with some of the engine's settings changed."""
    return Engine(engine.database, replace(engine.settings, **settings))


def load_small_extract(write_csv: Callable[..., Path], database: Path, as_at: date = AS_AT) -> Path:
    """Lists 3, 4 and 5 for Anytown: ICPCs in time 2 of 3 (Team 1: 1 of 2, Team 2: 1 of 1),
    assessments in time 2 of 3, re-referrals 1 of 3 (R3 has no worker; R4's count is #N/A, so it is left
    out)."""
    list4 = [
        [*COMMON, "Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation",
         "Allocated Team", "Allocated Worker"],
        ["A1", "F", "W", "", "", "02/05/2023", "02/05/2023", "Team 1", "Ann"],  # same day: 0
        ["A2", "F", "W", "", "", "03/04/2023", "16/05/2023", "Team 1", "Ann"],  # Easter, coronation: 27
        ["A3", "F", "W", "", "", "01/02/2023", "28/04/2023", "Team 2", "Bo"],  # 19 + 23 + 18 = 60
        ["A4", "F", "W", "", "", "01/05/2023", "", "Team 2", "Bo"],  # not yet authorised: out of scope
    ]  # fmt: skip
    list5 = [
        [*COMMON, "Strategy discussion initiating Section 47 Enquiry Start Date",
         "Date of Initial Child Protection Conference", "Allocated Team", "Allocated Worker"],
        ["S1", "F", "W", "", "", "16/09/2022", "10/10/2022", "Team 1", "Ann"],  # 15 (19/09 a bank holiday)
        ["S2", "F", "W", "", "", "16/09/2022", "11/10/2022", "Team 1", "Ann"],  # 16: late
        ["S3", "F", "W", "", "", "21/12/2022", "11/01/2023", "Team 2", "Bo"],  # Christmas: 12, in time
    ]  # fmt: skip
    list3 = [
        [*COMMON, "Date of referral", "Number of Referrals in Last 12 Months", "Allocated Team",
         "Allocated Worker"],
        ["R1", "F", "W", "", "", "01/05/2023", "0", "Team 1", "Ann"],
        ["R2", "F", "W", "", "", "02/05/2023", "2", "Team 1", "Ann"],
        ["R3", "F", "W", "", "", "03/05/2023", "0", "Team 2", ""],
        ["R4", "F", "W", "", "", "04/05/2023", "#N/A", "Team 2", "Bo"],  # left out, not taken as 0
    ]  # fmt: skip
    paths = [write_csv("list4.csv", list4), write_csv("list5.csv", list5), write_csv("list3.csv", list3)]
    load_extract(Engine(database), paths, "Anytown", as_at)
    return database


@pytest.fixture
def extract(write_csv, tmp_path) -> Engine:
    """The engine, with the small extract loaded into a DuckDB file of the test's own."""
    return Engine(load_small_extract(write_csv, tmp_path / "m.duckdb"))
