"""The timeliness measures on small extracts, with answers worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.performance.annex_a.load import load_extract
from oversight.performance.annex_a.measures import compute_measures, drill_down

AS_AT = date(2023, 5, 31)
COMMON = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age"]


@pytest.fixture
def extract(write_csv, tmp_path):
    database = tmp_path / "m.duckdb"
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
        ["R3", "F", "W", "", "", "03/05/2023", "", "Team 2", ""],
    ]  # fmt: skip
    paths = [write_csv("list4.csv", list4), write_csv("list5.csv", list5), write_csv("list3.csv", list3)]
    load_extract(paths, "Anytown", AS_AT, database=database)
    return database


def measure(database, key):
    return next(m for m in compute_measures("Anytown", AS_AT, database) if m.key == key)


def test_icpcs_within_15_working_days_across_the_queens_funeral_and_christmas(extract) -> None:
    icpc = measure(extract, "icpc_15")
    assert (icpc.numerator, icpc.denominator, icpc.percent) == (2, 3, 67)
    assert icpc.distribution == [("0-10", 0), ("11-15", 2), ("16-20", 1), ("21+", 0)]
    rows = drill_down("Anytown", AS_AT, "icpc_15", database=extract)
    assert [(r["child_unique_id"], r["days"], r["met"]) for r in rows] == [
        ("S1", 15, True),
        ("S2", 16, False),
        ("S3", 12, True),
    ]


def test_assessments_within_45_working_days_with_their_distribution(extract) -> None:
    assessments = measure(extract, "assessments_45")
    assert (assessments.numerator, assessments.denominator) == (2, 3)
    assert assessments.distribution == [("0-10", 1), ("11-20", 0), ("21-45", 1), ("46+", 1)]
    days = [r["days"] for r in drill_down("Anytown", AS_AT, "assessments_45", database=extract)]
    assert days == [0, 27, 60]  # A2: 17 in April after Easter, 10 in May after May Day and the coronation


def test_re_referrals_by_team_and_worker(extract) -> None:
    referrals = measure(extract, "re_referrals")
    assert (referrals.numerator, referrals.denominator, referrals.higher_is_better) == (1, 3, False)
    assert [(b.name, b.numerator, b.denominator) for b in referrals.by_team] == [
        ("Team 1", 1, 2),
        ("Team 2", 0, 1),
    ]
    assert [(b.name, b.denominator) for b in referrals.by_worker] == [("Ann", 2), ("Not allocated", 1)]


def test_a_measure_whose_list_is_not_loaded_is_left_out(extract) -> None:
    keys = {m.key for m in compute_measures("Anytown", AS_AT, extract)}
    assert keys == {"icpc_15", "assessments_45", "re_referrals"}
    assert compute_measures("Elsewhere", AS_AT, extract) == []
