"""A council's open cases as its loaded Annex A extracts list them, for the apps that choose cases from
them (quality assurance's audit cohorts). The app that keeps the Annex A engine (performance) registers
how to read them; plans knows nothing of the engine, and the apps that read them nothing of performance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from oversight.plans.models import Plan


@dataclass(frozen=True)
class TeamCaseload:
    """A team's open cases by allocated worker, beside the council's caseload policy for its type."""

    team: str
    policy: str  # "12–15" (cases a worker); "" when the team's type has no band
    workers: int
    cases: int
    highest: int | None
    above_policy: int  # workers above the band
    unallocated: int  # open cases in the team with no worker


class CaseLists(Protocol):
    def extract_dates(self, council: str) -> list[date]:
        """The dates of the council's loaded extracts, newest first."""
        ...

    def open_cases(self, council: str, as_at: date) -> list[tuple[str, str, str]]:
        """Each open case in the extract of that date: (child's ID as loaded, team, worker)."""
        ...

    def team_caseloads(self, plan: Plan, as_at: date) -> list[TeamCaseload]:
        """Each team's caseloads in the plan council's extract of that date, by the plan's policy."""
        ...


_readers: list[CaseLists] = []


def read_with(reader: CaseLists) -> None:
    if reader not in _readers:
        _readers.append(reader)


def extract_dates(council: str) -> list[date]:
    return [d for reader in _readers for d in reader.extract_dates(council)]


def open_cases(council: str, as_at: date) -> list[tuple[str, str, str]]:
    return [case for reader in _readers for case in reader.open_cases(council, as_at)]


def team_caseloads(plan: Plan, as_at: date) -> list[TeamCaseload]:
    return [load for reader in _readers for load in reader.team_caseloads(plan, as_at)]
