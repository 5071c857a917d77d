"""Making a month's cohort of cases to audit: the cases (typed in, or drawn from an Annex A extract with
a seed), shared out in turn among the auditors chosen, each audit due by the date set. A case already in
a cohort of the same month is never chosen again that month."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from oversight.accounts.people import name_of
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.plans import programme_figures
from oversight.quality.emails import tell_auditors
from oversight.quality.models import CaseAudit, Cohort, ToolVersion
from oversight.quality.sampling import Case
from oversight.quality.trail import record


@dataclass(frozen=True)
class NewCohort:
    kind: str
    month: date
    title: str
    question: str
    version: ToolVersion
    due: date
    chosen: str = ""  # how the cases were chosen, in words
    seed: int | None = None
    agency: str = ""  # a multi-agency audit's auditors' agency, if one


def already_chosen(plan_id: int, month: date) -> set[str]:
    """The cases in the plan's cohorts of that month."""
    return set(
        CaseAudit.objects.filter(cohort__plan_id=plan_id, cohort__month=month).values_list(
            "case_ref", flat=True
        )
    )


def shared_out(cases: Sequence[Case], auditors: Sequence[Any]) -> list[tuple[Case, Any]]:
    """Each case with its auditor, in turn, in the cases' order (by team and worker)."""
    return [(case, auditors[n % len(auditors)]) for n, case in enumerate(cases)]


@transaction.atomic
def create_cohort(
    plan_id: int, new: NewCohort, cases: Sequence[Case], auditors: Sequence[Any], actor: Actor
) -> Cohort:
    cohort = Cohort.objects.create(
        plan_id=plan_id,
        kind=new.kind,
        month=new.month,
        title=new.title,
        question=new.question,
        tool_version=new.version,
        chosen=new.chosen[:500],
        seed=new.seed,
    )
    CaseAudit.objects.bulk_create(
        CaseAudit(
            cohort=cohort,
            case_ref=case.ref,
            team=case.team,
            worker=case.worker,
            auditor=auditor,
            auditor_name=name_of(auditor),
            agency=new.agency,
            due=new.due,
        )
        for case, auditor in shared_out(sorted(cases), auditors)
    )
    record(
        plan_id,
        actor,
        Change.Kind.ADDED,
        "audit cohort",
        f"{cohort.title} ({cohort.get_kind_display()}, {new.month:%B %Y}): {len(cases)} cases, due"
        f" {new.due:%-d %B %Y}" + (f"; {new.chosen}" if new.chosen else ""),
    )
    tell_auditors(cohort)
    programme_figures.changed(plan_id)  # audits not yet due count toward "completed on time" once due
    return cohort
