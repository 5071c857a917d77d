"""The sample workbook of Social Finance's Annex A pipeline (tests/data/annex-a-liia, from
shared/fixtures): a file nobody here wrote, with the quirks of real ones. Every figure its README
works out independently, and every quirk it lists, checked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from oversight.annex_a.caseloads import team_loads, worker_loads
from oversight.annex_a.engine import Engine
from oversight.annex_a.load import LoadReport, load_extract
from oversight.annex_a.measures import compute_measures

WORKBOOK = Path(__file__).parent.parent / "data" / "annex-a-liia" / "Annex_A_2024_Jan.xlsx"
AS_AT = date(2021, 3, 16)  # the data's own date, whatever the file's name says


@pytest.fixture(scope="module")
def liia(tmp_path_factory) -> tuple[Path, LoadReport]:
    engine = Engine(tmp_path_factory.mktemp("liia") / "liia.duckdb")
    return engine, load_extract(engine, [WORKBOOK], "LIIA", AS_AT)


def stored(engine: Engine, sql: str) -> list[tuple]:
    with duckdb.connect(str(engine.database), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_the_figures_worked_out_independently(liia) -> None:
    engine, _ = liia
    figures = {m.key: (m.numerator, m.denominator) for m in compute_measures(engine, "LIIA", AS_AT)}
    assert figures["assessments_45"] == (0, 5)
    assert figures["icpc_15"] == (3, 3)
    assert figures["re_referrals"] == (3, 6)
    assert figures["repeat_cp_plans"] == (2, 7)
    assert figures["placement_moves"] == (0, 4)


def test_nothing_is_dropped_without_a_word(liia) -> None:
    """Each measure's records in scope, counted by hand from the workbook, are counted or left out
    with a reason, and the counts add up."""
    engine, _ = liia
    in_scope = {
        "assessments_45": 5,  # every assessment is authorised
        "icpc_15": 3,  # three enquiries led to a conference
        "re_referrals": 6,
        "repeat_cp_plans": 7,
        "cp_visits": 2,  # two plans open on 16 March 2021
        "cp_reviews": 2,
        "cla_reviews": 4,  # one child of five ceased to be looked after
        "placement_moves": 4,
        "care_leavers_accommodation": 6,
        "care_leavers_eet": 6,
    }
    measures = {m.key: m for m in compute_measures(engine, "LIIA", AS_AT)}
    assert set(measures) == set(in_scope)  # no child went missing, so no return interview measure
    for key, expected in in_scope.items():
        measure = measures[key]
        assert measure.in_scope == expected == measure.denominator + sum(n for _, n in measure.left_out), key
    # the care leaver with no accommodation or activity recorded is left out, and said so
    assert measures["care_leavers_accommodation"].left_out == [("no Suitability of Accommodation", 1)]
    assert measures["care_leavers_eet"].left_out == [("no Activity Status", 1)]


def test_decimal_ages_are_ages_not_problems(liia) -> None:
    engine, report = liia
    assert all("values that are not numbers" not in r.counts for r in report.lists)
    assert stored(engine, "SELECT round(age_of_child_years, 3) FROM list_1 ORDER BY row_number")[0] == (
        6.138,
    )


def test_formula_cells_are_read_by_the_value_excel_saved_with_them(liia) -> None:
    engine, report = liia
    by_number = {r.number: r for r in report.lists}
    assert by_number[10].notes == {"formula cells read by the value Excel saved with them": 21}
    assert by_number[11].notes == {"formula cells read by the value Excel saved with them": 46}
    assert by_number[10].problems == [] and by_number[11].problems == []
    # =K2+5 in the first child's row: placed for adoption five days after matching
    first_child = stored(
        engine,
        "SELECT date_of_matching_child_and_prospective_adopters, date_placed_for_adoption"
        " FROM list_10 ORDER BY row_number LIMIT 1",
    )
    assert first_child == [(date(2009, 8, 21), date(2009, 8, 26))]


def test_every_quirk_is_reported_by_row(liia) -> None:
    _, report = liia
    by_number = {r.number: r for r in report.lists}
    # free text in a yes/no column
    assert by_number[4].counts == {"unknown codes": 5}
    assert by_number[4].problems[0].message == (
        "'CS Assessment Updated' is not an answer this column takes: expected Yes or No (or Y, N)"
    )
    # #N/A as the team and worker of every child in need, each listed
    assert by_number[6].counts == {"values given as #N/A, taken as blank": 10}
    assert {(p.row, p.column) for p in by_number[6].problems} == {
        (row, column) for row in range(2, 7) for column in ("Allocated Team", "Allocated Worker")
    }
    # a statutory visit dated after the plan it belongs to ended
    assert [(p.row, p.message) for p in by_number[7].problems] == [
        (7, "25/09/2020 is after the Child Protection Plan End Date (17/09/2020)"),
        (8, "25/09/2020 is after the Child Protection Plan End Date (17/09/2020)"),
    ]
    assert report.warnings == []  # its newest date, 15 March 2021, is the day before its date


def test_children_in_need_with_no_allocated_worker_are_a_caseload_line_of_their_own(liia) -> None:
    engine, _ = liia
    workers = worker_loads(engine, "LIIA", AS_AT)
    unallocated = [w for w in workers if not w.allocated]
    assert [(w.team, w.worker, w.cases) for w in unallocated] == [("No team", "Not allocated", 5)]
    no_team = next(t for t in team_loads(workers) if t.team == "No team")
    assert (no_team.workers, no_team.cases, no_team.unallocated) == (0, 0, 5)
