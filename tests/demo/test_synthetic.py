"""The made-up Annex A extract: the same for the same seed, shaped like the lists, and loadable."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from oversight.annex_a.caseloads import team_type
from oversight.annex_a.engine import Engine
from oversight.annex_a.lists import LISTS
from oversight.annex_a.load import load_extract
from oversight.demo import synthetic

AS_AT = date(2026, 10, 31)
SIZES = {number: 30 for number in synthetic.COUNCIL_SIZES}


def written(tmp_path: Path, name: str, seed: int = 1, as_at: date = AS_AT) -> dict[int, Path]:
    return synthetic.generate(tmp_path / name, as_at, synthetic.small_council(as_at, SIZES), seed)


def read(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_the_same_seed_writes_the_same_extract_and_another_seed_another(tmp_path) -> None:
    first, again, other = written(tmp_path, "a"), written(tmp_path, "b"), written(tmp_path, "c", seed=2)
    assert all(first[n].read_bytes() == again[n].read_bytes() for n in first)
    assert any(first[n].read_bytes() != other[n].read_bytes() for n in first)


def test_each_list_has_its_headers_in_order_and_the_rows_asked_for(tmp_path) -> None:
    for number, path in written(tmp_path, "x").items():
        header, *body = read(path)
        assert header == [column.header for column in LISTS[number].columns]
        assert len(body) == SIZES[number]
        assert {len(row) for row in body} == {len(header)}


def test_it_loads_with_every_column_and_no_date_after_the_extracts(tmp_path) -> None:
    paths = written(tmp_path, "x")
    report = load_extract(Engine(tmp_path / "a.duckdb"), list(paths.values()), "Demo Borough Council", AS_AT)
    assert [r.number for r in report.lists] == list(SIZES)
    for listed in report.lists:
        assert (listed.missing_columns, listed.unrecognised_columns, listed.rows) == (
            [],
            [],
            SIZES[listed.number],
        )
        assert "dates after the extract's date" not in listed.counts


def test_dates_move_with_the_extracts_date(tmp_path) -> None:
    later = date(2031, 3, 31)
    header, *referrals = read(written(tmp_path, "later", as_at=later)[3])
    column = header.index("Date of referral")
    referred = {datetime.strptime(row[column], "%d/%m/%Y").date() for row in referrals}
    assert date(2030, 4, 1) <= min(referred) and max(referred) <= later


def test_a_councils_teams_hold_their_own_lists_and_their_names_tell_their_type(tmp_path) -> None:
    header, *leavers = read(written(tmp_path, "x")[9])
    teams = {row[header.index("Allocated Team")] for row in leavers}
    assert teams <= {"Leaving Care Team", "16+ Team", ""} and "Leaving Care Team" in teams
    types = {team_type(team.name) for team in synthetic.COUNCIL_TEAMS}
    assert types >= {"Safeguarding", "Court", "Children looked after", "Care leavers"}
    assert sum(team.workers for team in synthetic.COUNCIL_TEAMS) == 80
