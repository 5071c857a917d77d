"""Caseloads per worker and team from lists 6 to 9, against the caseload policy's bands."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.annex_a.bands import DEFAULT_POLICY, Band
from oversight.annex_a.caseloads import team_loads, team_type, worker_loads
from oversight.annex_a.engine import Engine
from oversight.annex_a.load import load_extract
from tests.annex_a.conftest import changed

AS_AT = date(2023, 5, 31)
COMMON = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age"]


@pytest.mark.parametrize(
    ("team", "kind"),
    [
        ("Safeguarding Team 3", "Safeguarding"),
        ("Assessment and Intervention East", "Safeguarding"),
        ("Court and Proceedings Team", "Court"),
        ("Children Looked After 2", "Children looked after"),
        ("Leaving Care Service", "Care leavers"),
        ("IRO Service", "Independent reviewing officers"),
        ("Business Support", None),
    ],
)
def test_a_teams_type_is_read_from_its_name(team: str, kind: str | None) -> None:
    assert team_type(team) == kind


def test_a_council_can_name_its_teams_types() -> None:
    assert team_type("Pod 4", {"Pod 4": "Court"}) == "Court"


def test_the_default_policy_is_the_published_bands() -> None:
    assert [(b.team_type, b.label) for b in DEFAULT_POLICY] == [
        ("Safeguarding", "12–15"),
        ("Court", "8–10"),
        ("Children looked after", "10–12"),
        ("Care leavers", "up to 20"),
        ("Independent reviewing officers", "up to 60"),
    ]


def test_workers_and_teams_above_their_band(write_csv, tmp_path) -> None:
    engine = Engine(tmp_path / "c.duckdb")
    list6 = [[*COMMON, "CIN Start Date", "CIN Closure Date", "Allocated Team", "Allocated Worker"]]
    list6 += [[f"N{i}", "", "", "", "", "01/01/2023", "", "Safeguarding 1", "Ann"] for i in range(16)]
    list6 += [[f"M{i}", "", "", "", "", "01/01/2023", "", "Safeguarding 1", "Bo"] for i in range(12)]
    list6 += [
        ["N0", "", "", "", "", "01/01/2023", "", "Safeguarding 1", "Ann"]
    ]  # a second open episode: once
    list6 += [
        ["X1", "", "", "", "", "01/01/2023", "01/03/2023", "Safeguarding 1", "Ann"]
    ]  # closed: not counted
    list7 = [[*COMMON, "Child Protection Plan Start Date", "Child Protection Plan End Date", "Allocated Team",
              "Allocated Worker"]]  # fmt: skip
    list7 += [
        ["N1", "", "", "", "", "01/02/2023", "", "Safeguarding 1", "Ann"]
    ]  # in need and on a plan: once
    list8 = [[*COMMON, "Date Started to be Looked After", "Date Ceased to be Looked After", "Allocated Team",
              "Allocated Worker"]]  # fmt: skip
    list8 += [[f"L{i}", "", "", "", "", "01/01/2022", "", "Children Looked After", "Cy"] for i in range(9)]
    paths = [write_csv("list6.csv", list6), write_csv("list7.csv", list7), write_csv("list8.csv", list8)]
    load_extract(engine, paths, "Anytown", AS_AT)
    workers = worker_loads(engine, "Anytown", AS_AT)
    assert [(w.worker, w.cases, w.band.label if w.band else None, w.above_band) for w in workers] == [
        ("Ann", 16, "12–15", True),
        ("Bo", 12, "12–15", False),
        ("Cy", 9, "10–12", False),
    ]
    teams = team_loads(workers)
    assert [(t.team, t.workers, t.cases, t.average, t.above_band) for t in teams] == [
        ("Children Looked After", 1, 9, 9.0, 0),
        ("Safeguarding 1", 2, 28, 14.0, 1),
    ]
    assert worker_loads(engine, "Elsewhere", AS_AT) == []


def test_a_worker_is_one_person_whatever_the_capitals_or_spacing_of_their_name(write_csv, tmp_path) -> None:
    engine = Engine(tmp_path / "names.duckdb")
    list6 = [[*COMMON, "CIN Start Date", "Allocated Team", "Allocated Worker"]]
    list6 += [
        ["N1", "", "", "", "", "01/01/2023", "Safeguarding 1", "Jo Smith"],
        ["N2", "", "", "", "", "01/01/2023", "Safeguarding 1", "jo  smith"],
        ["N3", "", "", "", "", "01/01/2023", "safeguarding 1", "JO\u00a0SMITH "],
        ["N4", "", "", "", "", "01/01/2023", "Safeguarding 1", ""],  # no worker: counted on its own
    ]
    load_extract(engine, [write_csv("list6.csv", list6)], "Anytown", AS_AT)
    workers = worker_loads(engine, "Anytown", AS_AT)
    assert [(w.team, w.worker, w.cases, w.allocated) for w in workers] == [
        ("Safeguarding 1", "Jo Smith", 3, True),
        ("Safeguarding 1", "Not allocated", 1, False),
    ]
    [team] = team_loads(workers)
    assert (team.workers, team.cases, team.unallocated, team.average) == (1, 3, 1, 3.0)


def test_without_a_councils_policy_the_engines_bands_are_used(write_csv, tmp_path) -> None:
    list6 = [[*COMMON, "CIN Start Date", "Allocated Team", "Allocated Worker"]]
    list6 += [[f"N{i}", "", "", "", "", "01/01/2023", "Safeguarding 1", "Ann"] for i in range(14)]
    engine = Engine(tmp_path / "bands.duckdb")
    load_extract(engine, [write_csv("list6.csv", list6)], "Anytown", AS_AT)
    [ann] = worker_loads(engine, "Anytown", AS_AT)
    assert (ann.band, ann.above_band) == (Band("Safeguarding", 12, 15), False)  # the published bands
    tighter = changed(engine, caseload_bands=(Band("Safeguarding", 10, 12),))
    [ann] = worker_loads(tighter, "Anytown", AS_AT)
    assert (ann.band, ann.above_band) == (Band("Safeguarding", 10, 12), True)
    [ann] = worker_loads(tighter, "Anytown", AS_AT, policy=(Band("Safeguarding", 12, 18),))
    assert (ann.band, ann.above_band) == (Band("Safeguarding", 12, 18), False)  # the council's own
