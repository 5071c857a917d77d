"""What a plan file says about records other apps keep: the Ofsted recommendations each action answers,
and the inspection's recommendations themselves when their file is imported with the plan.

The governance app keeps recommendations and builds on plans, so plans never imports it: governance
registers how these links are checked and saved (GovernanceConfig.ready), and the plan import asks
here, checking them with the file's own rows so that every problem is listed at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from oversight.audit.actors import Actor
from oversight.lib.problems import Problem
from oversight.plans.models import ImportRun, Plan
from oversight.plans.plan_file import PlanFile


@dataclass(frozen=True)
class Recommendations:
    """An inspection's recommendations, in a file imported in the same go as the plan."""

    path: Path
    published: date
    framework: str = "SIF"
    sheet: str | None = None
    as_at: date | None = None  # dates the file's updates, when its header does not


class Links(Protocol):
    frameworks: tuple[str, ...]  # the inspection frameworks a recommendations file can be under

    def problems(self, slug: str, parsed: PlanFile, recommendations: Recommendations | None) -> list[Problem]:
        """What is wrong with the links the plan file (and the recommendations file) make."""
        ...

    def save(
        self,
        plan: Plan,
        parsed: PlanFile,
        recommendations: Recommendations | None,
        actor: Actor,
        run: ImportRun,
    ) -> tuple[int, list[str]]:
        """Saves them, inside the plan import's transaction: the number of links from actions to
        recommendations, and lines for the import's summary."""
        ...

    def latest_recommendations(self, plan: Plan) -> dict[int, int]:
        """The recommendations of the plan's latest inspection, number: primary key."""
        ...


_registered: list[Links] = []


def register(links: Links) -> None:
    if all(type(known) is not type(links) for known in _registered):
        _registered.append(links)


def frameworks() -> list[str]:
    """The inspection frameworks a recommendations file imported with a plan can be under."""
    return list(dict.fromkeys(framework for links in _registered for framework in links.frameworks))


def latest_recommendations(plan: Plan) -> dict[int, int]:
    """The recommendations of the plan's latest inspection, number: primary key (the numbers an
    indicator's form offers); none while governance is off."""
    found: dict[int, int] = {}
    for links in _registered:
        found |= links.latest_recommendations(plan)
    return found


def problems(slug: str, parsed: PlanFile, recommendations: Recommendations | None) -> list[Problem]:
    found = [problem for links in _registered for problem in links.problems(slug, parsed, recommendations)]
    wanted = recommendations is not None or any(row.recommendations for row in parsed.actions)
    if wanted and not _registered:
        found.append(
            Problem(parsed.file, "Ofsted's recommendations cannot be linked: the governance app is off")
        )
    return found


def save(
    plan: Plan, parsed: PlanFile, recommendations: Recommendations | None, actor: Actor, run: ImportRun
) -> tuple[int, list[str]]:
    linked, lines = 0, list[str]()
    for links in _registered:
        count, said = links.save(plan, parsed, recommendations, actor, run)
        linked, lines = linked + count, lines + said
    return linked, lines
