"""The timeliness measures on small extracts, with answers worked out by hand."""

from __future__ import annotations

import pytest

from oversight.annex_a.engine import Engine
from oversight.annex_a.load import load_extract
from oversight.annex_a.measures import compute_measures, drill_down
from tests.annex_a.conftest import AS_AT, COMMON, changed


def measure(engine, key):
    return next(m for m in compute_measures(engine, "Anytown", AS_AT) if m.key == key)


def test_icpcs_within_15_working_days_across_the_queens_funeral_and_christmas(extract) -> None:
    icpc = measure(extract, "icpc_15")
    assert (icpc.numerator, icpc.denominator, icpc.percent) == (2, 3, 67)
    assert icpc.distribution == [("0-10", 0), ("11-15", 2), ("16-20", 1), ("21+", 0)]
    rows = drill_down(extract, "Anytown", AS_AT, "icpc_15")
    assert [(r["child_unique_id"], r["days"], r["met"]) for r in rows] == [
        ("S1", 15, True),
        ("S2", 16, False),
        ("S3", 12, True),
    ]


def test_assessments_within_45_working_days_with_their_distribution(extract) -> None:
    assessments = measure(extract, "assessments_45")
    assert (assessments.numerator, assessments.denominator) == (2, 3)
    assert assessments.distribution == [("0-10", 1), ("11-20", 0), ("21-45", 1), ("46+", 1)]
    days = [r["days"] for r in drill_down(extract, "Anytown", AS_AT, "assessments_45")]
    assert days == [0, 27, 60]  # A2: 17 in April after Easter, 10 in May after May Day and the coronation


def test_re_referrals_by_team_and_worker(extract) -> None:
    referrals = measure(extract, "re_referrals")
    assert (referrals.numerator, referrals.denominator, referrals.higher_is_better) == (1, 3, False)
    # R4's '#N/A' count is not taken as 0 ("not a re-referral"): the row is left out, and said so
    assert referrals.left_out == [("Number of Referrals in Last 12 Months could not be read", 1)]
    assert referrals.in_scope == 4
    assert [(b.name, b.numerator, b.denominator) for b in referrals.by_team] == [
        ("Team 1", 1, 2),
        ("Team 2", 0, 1),
    ]
    assert [(b.name, b.denominator) for b in referrals.by_worker] == [("Ann", 2), ("Not allocated", 1)]


def test_a_measure_whose_list_is_not_loaded_is_left_out(extract) -> None:
    keys = {m.key for m in compute_measures(extract, "Anytown", AS_AT)}
    assert keys == {"icpc_15", "assessments_45", "re_referrals"}
    assert compute_measures(extract, "Elsewhere", AS_AT) == []


@pytest.fixture
def cp_cla_care_leavers(write_csv, tmp_path):
    engine = Engine(tmp_path / "n.duckdb")
    list7 = [
        [*COMMON, "Child Protection Plan Start Date", "Date of the Last Statutory Visit",
         "Date of latest review conference", "Child Protection Plan End Date",
         "Number of Previous Child Protection Plans", "Allocated Team", "Allocated Worker"],
        # P1: visited 6 working days before (29 May was a bank holiday)
        ["P1", "F", "W", "", "", "01/01/2023", "22/05/2023", "01/04/2023", "", "0", "T", "W"],
        # P2: visited 19 working days before; its first review is due by 1 July
        ["P2", "F", "W", "", "", "01/04/2023", "02/05/2023", "", "", "1", "T", "W"],
        # P3: never visited; review overdue since 1 April
        ["P3", "F", "W", "", "", "01/01/2023", "", "", "", "", "T", "W"],
        # P4: ended: only repeat plans
        ["P4", "F", "W", "", "", "01/01/2022", "01/02/2022", "", "01/03/2022", "2", "T", "W"],
    ]  # fmt: skip
    list8 = [
        [*COMMON, "Date Started to be Looked After", "Date of Latest Statutory Review",
         "Number of Placements in the Last 12 months",
         "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
         "Was the child offered a Return Interview after their last missing episode (Y/N)?",
         "Date Ceased to be Looked After", "Allocated Team", "Allocated Worker"],
        # L1: review 5 months ago
        ["L1", "F", "W", "", "", "01/01/2022", "01/01/2023", "3", "2", "a) Yes", "", "T", "W"],
        ["L2", "F", "W", "", "", "10/05/2023", "", "1", "1", "b) No", "", "T", "W"],  # new: 14 wd, in time
        ["L3", "F", "W", "", "", "01/01/2022", "01/11/2022", "4", "0", "", "", "T", "W"],  # review late
        # L4: ceased: left out
        ["L4", "F", "W", "", "", "01/01/2020", "", "5", "3", "No", "01/01/2023", "T", "W"],
    ]  # fmt: skip
    list9 = [
        [*COMMON, "Suitability of Accommodation", "Activity Status", "Allocated Team", "Allocated Worker"],
        ["C1", "F", "W", "", "", "a) Suitable", "Full-time education", "T", "W"],
        ["C2", "F", "W", "", "", "Not suitable", "Not in education, employment or training", "T", "W"],
        ["C3", "F", "W", "", "", "Suitable", "Part-time employment", "T", "W"],
        ["C4", "F", "W", "", "", "#N/A", "Young person's activity not known", "T", "W"],
    ]  # fmt: skip
    paths = [write_csv("list7.csv", list7), write_csv("list8.csv", list8), write_csv("list9.csv", list9)]
    load_extract(engine, paths, "Anytown", AS_AT)
    return engine


def test_child_protection_visits_reviews_and_repeat_plans(cp_cla_care_leavers) -> None:
    visits = measure(cp_cla_care_leavers, "cp_visits")
    assert (visits.numerator, visits.denominator) == (1, 3)  # P1 only; P3 never visited counts as late
    four_weeks = changed(cp_cla_care_leavers, cp_visit_working_days=20)
    assert measure(four_weeks, "cp_visits").numerator == 2  # a council with a 4-week standard
    reviews = measure(cp_cla_care_leavers, "cp_reviews")
    assert (reviews.numerator, reviews.denominator) == (2, 3)
    repeat = measure(cp_cla_care_leavers, "repeat_cp_plans")
    # P3's number of previous plans is blank: left out, not counted as a first plan
    assert (repeat.numerator, repeat.denominator) == (2, 3)
    assert repeat.left_out == [("no Number of Previous Child Protection Plans", 1)]


def test_looked_after_reviews_placement_moves_and_return_interviews(cp_cla_care_leavers) -> None:
    reviews = measure(cp_cla_care_leavers, "cla_reviews")
    assert (reviews.numerator, reviews.denominator) == (2, 3)
    moves = measure(cp_cla_care_leavers, "placement_moves")
    assert (moves.numerator, moves.denominator, moves.higher_is_better) == (2, 3, False)
    interviews = measure(cp_cla_care_leavers, "return_interviews")
    # every child missing in the 12 months, still looked after or not (L4 ceased in January)
    assert (interviews.numerator, interviews.denominator) == (1, 3)


def test_care_leavers_in_suitable_accommodation_and_in_education_employment_or_training(
    cp_cla_care_leavers,
) -> None:
    accommodation = measure(cp_cla_care_leavers, "care_leavers_accommodation")
    eet = measure(cp_cla_care_leavers, "care_leavers_eet")
    # C4's '#N/A' accommodation is no answer, and an activity not known is not EET
    assert (accommodation.numerator, accommodation.denominator) == (2, 3)
    assert (eet.numerator, eet.denominator) == (2, 4)


def test_the_rows_behind_a_teams_or_a_workers_figure(extract) -> None:
    by_team = drill_down(extract, "Anytown", AS_AT, "icpc_15", team="Team 2")
    assert [r["child_unique_id"] for r in by_team] == ["S3"]
    by_worker = drill_down(extract, "Anytown", AS_AT, "assessments_45", worker="Ann")
    assert [r["child_unique_id"] for r in by_worker] == ["A1", "A2"]


def test_the_rows_behind_not_allocated_are_those_without_a_worker(extract) -> None:
    referrals = next(m for m in compute_measures(extract, "Anytown", AS_AT) if m.key == "re_referrals")
    assert referrals.by_worker[-1].name == "Not allocated"
    rows = drill_down(extract, "Anytown", AS_AT, "re_referrals", worker="Not allocated")
    assert [r["child_unique_id"] for r in rows] == ["R3"]


def test_only_the_measures_asked_for_are_computed(extract) -> None:
    found = compute_measures(extract, "Anytown", AS_AT, only={"icpc_15", "cp_visits"})
    assert [m.key for m in found] == ["icpc_15"]  # list 7 is not loaded
