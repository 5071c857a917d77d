"""Caseloads from Annex A lists 6 to 9: each allocated worker's open cases, and each team's, compared
with the council's caseload policy of a band per team type."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import duckdb

from oversight.annex_a.bands import Band
from oversight.annex_a.checks import one_spelling
from oversight.annex_a.engine import Engine
from oversight.lib.numbers import average

# how a team's name tells its type, first match wins; a council can name its teams' types instead
TEAM_TYPES = (
    (re.compile(r"\biro\b|reviewing", re.I), "Independent reviewing officers"),
    (re.compile(r"court|proceedings|legal", re.I), "Court"),
    (re.compile(r"leaving care|care leaver|leaving|16\+|18\+", re.I), "Care leavers"),
    (re.compile(r"looked after|\bcla\b|\bcic\b|in care|permanence|fostering", re.I), "Children looked after"),
    (re.compile(r"safeguard|assessment|child protection|\bcp\b|\bcin\b|in need|front door|mash", re.I),
     "Safeguarding"),
)  # fmt: skip


def team_type(team: str, named: dict[str, str] | None = None) -> str | None:
    if named and team in named:
        return named[team]
    return next((kind for pattern, kind in TEAM_TYPES if pattern.search(team)), None)


NO_TEAM = "No team"
NOT_ALLOCATED = "Not allocated"


@dataclass(frozen=True)
class WorkerLoad:
    """A worker's open cases; or, with `allocated` false, a team's open cases with no worker."""

    team: str
    worker: str
    cases: int
    band: Band | None
    allocated: bool = True

    @property
    def above_band(self) -> bool:
        return self.allocated and self.band is not None and self.cases > self.band.high


@dataclass(frozen=True)
class TeamLoad:
    team: str
    band: Band | None
    workers: int
    cases: int  # open cases allocated to its workers
    above_band: int  # workers above the band
    unallocated: int = 0  # open cases in the team with no allocated worker

    @property
    def average(self) -> float:
        return self.cases / self.workers if self.workers else 0.0

    @property
    def average_shown(self) -> Decimal:
        """The average as the page and its chart both write it: one decimal place, rounded half up."""
        return average(self.cases, self.workers)


# each list's open cases: the column that closes a case (care leavers' cases stay open)
CLOSED_BY = {
    "list_6": "cin_closure_date",
    "list_7": "child_protection_plan_end_date",
    "list_8": "date_ceased_to_be_looked_after",
    "list_9": None,
}


def _open_cases(table: str, closed_by: str | None) -> str:
    still_open = f" AND ({closed_by} IS NULL OR {closed_by} > $as_at)" if closed_by else ""
    return (
        f"SELECT child_unique_id, allocated_team, allocated_worker FROM {table}"
        f" WHERE council = $council AND as_at = $as_at{still_open}"
    )


def _open_case_lists(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The open cases' query of each of lists 6 to 9 loaded (a list not loaded counts as empty)."""
    present = {t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    return [_open_cases(table, closed) for table, closed in CLOSED_BY.items() if table in present]


def worker_loads(
    engine: Engine,
    council: str,
    as_at: date,
    policy: tuple[Band, ...] | None = None,
    named: dict[str, str] | None = None,
) -> list[WorkerLoad]:
    """Each allocated worker's open cases: distinct children across lists 6 to 9 (a child on a plan
    and in need counts once), biggest first; then each team's open cases with no allocated worker.
    A worker is one person whatever the capitals of their name ('Jo Smith', 'JO SMITH'); spacing is
    tidied when the extract is loaded. Lists not loaded count as empty. The bands are the council's
    `policy`, or else the engine's."""
    bands = {band.team_type: band for band in (engine.settings.caseload_bands if policy is None else policy)}
    with engine.connect_to_read() as con:
        parts = _open_case_lists(con)
        if not parts:
            return []
        rows = con.execute(
            f"SELECT {one_spelling('allocated_team')}, {one_spelling('allocated_worker')},"
            " count(DISTINCT child_unique_id),"
            f" allocated_worker IS NOT NULL FROM ({' UNION ALL '.join(parts)})"
            " GROUP BY lower(allocated_team), lower(allocated_worker), allocated_worker IS NOT NULL"
            " ORDER BY 4 DESC, 3 DESC, 1, 2",
            {"council": council, "as_at": as_at},
        ).fetchall()
    return [
        WorkerLoad(
            team or NO_TEAM,
            worker or NOT_ALLOCATED,
            cases,
            bands.get(team_type(team or "", named) or ""),
            allocated,
        )
        for team, worker, cases, allocated in rows
    ]


def open_cases(engine: Engine, council: str, as_at: date) -> list[tuple[str, str, str]]:
    """Each child with an open case in lists 6 to 9 of the extract: (child's ID as loaded, team, worker),
    one row a child and team and worker (a child on a plan and in need is one row), in ID order; a team
    or worker the list leaves blank is ''."""
    with engine.connect_to_read() as con:
        parts = _open_case_lists(con)
        if not parts:
            return []
        rows = con.execute(
            "SELECT DISTINCT child_unique_id, coalesce(allocated_team, ''), coalesce(allocated_worker, '')"
            f" FROM ({' UNION ALL '.join(parts)}) ORDER BY 1, 2, 3",
            {"council": council, "as_at": as_at},
        ).fetchall()
    return [(str(child), team, worker) for child, team, worker in rows]


def team_loads(workers: list[WorkerLoad]) -> list[TeamLoad]:
    teams: dict[str, list[WorkerLoad]] = {}
    for load in workers:
        teams.setdefault(load.team, []).append(load)
    return [
        TeamLoad(
            team,
            members[0].band,
            sum(1 for m in members if m.allocated),
            sum(m.cases for m in members if m.allocated),
            sum(m.above_band for m in members),
            sum(m.cases for m in members if not m.allocated),
        )
        for team, members in sorted(teams.items())
    ]
