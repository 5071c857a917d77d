"""The open cases of a council's loaded Annex A extracts, read for other apps through plans' registry
(plans/case_lists.py): quality assurance chooses its audit cohorts from them, and the workforce page
shows each team's caseloads beside the council's policy."""

from __future__ import annotations

from datetime import date

from oversight.annex_a.caseloads import open_cases, team_loads, worker_loads
from oversight.annex_a.extracts import loaded_extracts
from oversight.performance.annex_a_engine import annex_a_engine
from oversight.performance.caseload_policy import named_team_types, plan_policy
from oversight.plans.case_lists import TeamCaseload
from oversight.plans.models import Plan


class AnnexACases:
    def extract_dates(self, council: str) -> list[date]:
        return [extract.as_at for extract in loaded_extracts(annex_a_engine(), council)]

    def open_cases(self, council: str, as_at: date) -> list[tuple[str, str, str]]:
        engine = annex_a_engine()
        return open_cases(engine, council, as_at) if engine.exists() else []

    def team_caseloads(self, plan: Plan, as_at: date) -> list[TeamCaseload]:
        engine = annex_a_engine()
        if not engine.exists():
            return []
        workers = worker_loads(engine, plan.council, as_at, plan_policy(plan), named_team_types(plan))
        highest: dict[str, int] = {}
        for load in workers:
            if load.allocated:
                highest[load.team] = max(highest.get(load.team, 0), load.cases)
        return [
            TeamCaseload(
                team.team,
                team.band.label if team.band else "",
                team.workers,
                team.cases,
                highest.get(team.team),
                team.above_band,
                team.unallocated,
            )  # fmt: skip
            for team in team_loads(workers)
        ]
