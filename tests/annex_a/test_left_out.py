"""A value that is missing or cannot be read is never taken as 0, blank or "no": its row is left out
of the measures that need it, and each measure says how many rows it left out and why."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.annex_a.engine import Engine
from oversight.annex_a.load import load_extract
from oversight.annex_a.measures import compute_measures, drill_down
from tests.annex_a.conftest import COMMON

AS_AT = date(2023, 5, 31)
LIST3 = [
    *COMMON,
    "Date of referral",
    "Number of Referrals in Last 12 Months",
    "Allocated Team",
    "Allocated Worker",
]
LIST4 = [
    *COMMON, "Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation",
    "Allocated Team", "Allocated Worker",
]  # fmt: skip


def measure(engine, key):
    return next(m for m in compute_measures(engine, "Anytown", AS_AT) if m.key == key)


def test_a_na_referral_count_is_left_out_of_re_referrals_not_counted_as_a_first_referral(
    write_csv, tmp_path
) -> None:
    # 8 referrals: 3 re-referrals, 4 first referrals, and one whose count is #N/A
    counts = ["1", "2", "1", "0", "0", "0", "0", "#N/A"]
    rows = [[f"R{i}", "F", "W", "", "", "01/05/2023", n, "Team", "Ann"] for i, n in enumerate(counts)]
    engine = Engine(tmp_path / "r.duckdb")
    load_extract(engine, [write_csv("list3.csv", [LIST3, *rows])], "Anytown", AS_AT)
    referrals = measure(engine, "re_referrals")
    assert (referrals.numerator, referrals.denominator) == (3, 7)  # not 3 of 8
    assert referrals.left_out == [("Number of Referrals in Last 12 Months could not be read", 1)]
    assert referrals.left_out_sentence() == (
        "1 record left out: Number of Referrals in Last 12 Months could not be read (1)."
    )


def test_counts_written_as_decimals_by_pandas_are_whole_numbers(write_csv, tmp_path) -> None:
    rows = [
        ["R1", "F", "W", "", "6.0", "01/05/2023", "1.0", "Team", "Ann"],
        ["R2", "F", "W", "", "7.0", "01/05/2023", "0.0", "Team", "Ann"],
        ["R3", "F", "W", "", "8.0", "01/05/2023", "1.5", "Team", "Ann"],  # not a count
    ]
    engine = Engine(tmp_path / "p.duckdb")
    report = load_extract(engine, [write_csv("list3.csv", [LIST3, *rows])], "Anytown", AS_AT)
    assert [(p.row, p.message) for p in report.lists[0].problems] == [(4, "'1.5' is not a whole number")]
    referrals = measure(engine, "re_referrals")
    assert (referrals.numerator, referrals.denominator, referrals.left_out_count) == (1, 2, 1)


def test_an_assessment_authorised_before_it_started_is_reported_and_left_out(write_csv, tmp_path) -> None:
    rows = [
        ["A1", "F", "W", "", "", "02/05/2023", "02/05/2023", "Team", "Ann"],  # 0 days: in time
        ["A2", "F", "W", "", "", "10/05/2023", "03/05/2023", "Team", "Ann"],  # -5 days: a data problem
        ["A3", "F", "W", "", "", "01/02/2023", "28/04/2023", "Team", "Ann"],  # 60 days: late
    ]
    engine = Engine(tmp_path / "a.duckdb")
    [list4] = load_extract(
        engine,
        [write_csv("list4.csv", [LIST4, *rows])],
        "Anytown",
        AS_AT,
    ).lists
    assert [(p.row, p.message) for p in list4.problems] == [
        (3, "03/05/2023 is before the Continuous Assessment Start Date (10/05/2023)")
    ]
    assessments = measure(engine, "assessments_45")
    assert (assessments.numerator, assessments.denominator) == (1, 2)  # A2 is neither in time nor late
    assert assessments.distribution == [("0-10", 1), ("11-20", 0), ("21-45", 0), ("46+", 1)]
    assert assessments.left_out == [
        ("Continuous Assessment Date of Authorisation is before the Continuous Assessment Start Date", 1)
    ]
    rows_behind = drill_down(engine, "Anytown", AS_AT, "assessments_45")
    before_start = (
        "Continuous Assessment Date of Authorisation is before the Continuous Assessment Start Date"
    )
    assert [(r["child_unique_id"], r["days"], r["met"], r["left_out"]) for r in rows_behind] == [
        ("A1", 0, True, None),
        ("A2", None, None, before_start),
        ("A3", 60, False, None),
    ]


@pytest.mark.parametrize(
    ("start", "authorised", "problem", "reason"),
    [
        ("01/05/1923", "02/05/2023", "01/05/1923 is before 1990: check the year",
         "Continuous Assessment Start Date is before 1990"),
        ("01/05/2023", "02/05/2203", "02/05/2203 is after the extract's date (31/05/2023)",
         "Continuous Assessment Date of Authorisation is after the extract's date"),
    ],
)  # fmt: skip
def test_a_typo_in_a_year_is_reported_and_left_out_rather_than_counted_late(
    write_csv, tmp_path, start, authorised, problem, reason
) -> None:
    rows = [["A1", "F", "W", "", "", start, authorised, "Team", "Ann"]]
    engine = Engine(tmp_path / "y.duckdb")
    [list4] = load_extract(
        engine,
        [write_csv("list4.csv", [LIST4, *rows])],
        "Anytown",
        AS_AT,
    ).lists
    assert [p.message for p in list4.problems] == [problem]
    assessments = measure(engine, "assessments_45")
    assert (assessments.numerator, assessments.denominator, assessments.left_out) == (0, 0, [(reason, 1)])


def test_placements_and_repeat_plans_that_cannot_be_read_are_left_out(write_csv, tmp_path) -> None:
    list7 = [
        [*COMMON, "Child Protection Plan Start Date", "Number of Previous Child Protection Plans"],
        ["P1", "F", "W", "", "", "01/01/2023", "1"],
        ["P2", "F", "W", "", "", "01/01/2023", "0"],
        ["P3", "F", "W", "", "", "01/01/2023", "#N/A"],
        ["P4", "F", "W", "", "", "01/01/2023", ""],
    ]
    list8 = [
        [*COMMON, "Date Started to be Looked After", "Number of Placements in the Last 12 months"],
        ["L1", "F", "W", "", "", "01/01/2022", "3"],
        ["L2", "F", "W", "", "", "01/01/2022", "three"],
        ["L3", "F", "W", "", "", "01/01/2022", "1"],
    ]
    engine = Engine(tmp_path / "c.duckdb")
    paths = [write_csv("list7.csv", list7), write_csv("list8.csv", list8)]
    load_extract(engine, paths, "Anytown", AS_AT)
    repeat = measure(engine, "repeat_cp_plans")
    assert (repeat.numerator, repeat.denominator) == (1, 2)
    assert sorted(repeat.left_out) == [
        ("Number of Previous Child Protection Plans could not be read", 1),
        ("no Number of Previous Child Protection Plans", 1),
    ]
    moves = measure(engine, "placement_moves")
    assert (moves.numerator, moves.denominator) == (1, 2)
    assert moves.left_out == [("Number of Placements in the Last 12 months could not be read", 1)]


def test_a_child_missing_whose_return_interview_is_not_recorded_is_left_out_not_taken_as_no(
    write_csv, tmp_path
) -> None:
    list8 = [
        [*COMMON, "Date Started to be Looked After",
         "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
         "Was the child offered a Return Interview after their last missing episode (Y/N)?"],
        ["L1", "F", "W", "", "", "01/01/2022", "2", "Yes"],
        ["L2", "F", "W", "", "", "01/01/2022", "1", "No"],
        ["L3", "F", "W", "", "", "01/01/2022", "1", ""],
        ["L4", "F", "W", "", "", "01/01/2022", "many", "Yes"],  # in scope or not? it cannot be told
        ["L5", "F", "W", "", "", "01/01/2022", "0", ""],  # never missing: not in scope
    ]  # fmt: skip
    engine = Engine(tmp_path / "m.duckdb")
    load_extract(engine, [write_csv("list8.csv", list8)], "Anytown", AS_AT)
    interviews = measure(engine, "return_interviews")
    assert (interviews.numerator, interviews.denominator, interviews.in_scope) == (1, 2, 4)
    assert sorted(interviews.left_out) == [
        ("Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months"
         " could not be read", 1),
        ("no Was the child offered a Return Interview after their last missing episode (Y/N)?", 1),
    ]  # fmt: skip


def test_a_plan_whose_end_date_has_a_problem_is_left_out_not_taken_as_ended(write_csv, tmp_path) -> None:
    list7 = [
        [*COMMON, "Child Protection Plan Start Date", "Date of the Last Statutory Visit",
         "Child Protection Plan End Date"],
        ["P1", "F", "W", "", "", "01/01/2023", "25/05/2023", ""],  # open, visited 4 working days before
        ["P2", "F", "W", "", "", "01/01/2023", "25/05/2023", "05/06/1923"],  # a century early: not ended
        ["P3", "F", "W", "", "", "01/03/2023", "25/05/2023", "01/02/2023"],  # ended before it started
        ["P4", "F", "W", "", "", "01/01/2023", "25/05/2023", "01/04/2023"],  # ended: out of scope
    ]  # fmt: skip
    engine = Engine(tmp_path / "ended.duckdb")
    load_extract(engine, [write_csv("list7.csv", list7)], "Anytown", AS_AT)
    visits = measure(engine, "cp_visits")
    assert (visits.numerator, visits.denominator, visits.in_scope) == (1, 1, 3)
    assert sorted(visits.left_out) == [
        ("Child Protection Plan End Date is before 1990", 1),
        ("Child Protection Plan End Date is before the Child Protection Plan Start Date", 1),
    ]
