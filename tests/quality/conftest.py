"""A quality assurance programme on the small plan (tests/conftest.py): quinn runs it, audrey is a case
auditor from the police (she sees only her audits), lara (an action lead) audits too, and lee manages
Safeguarding East. One tool on Ofsted's scale with three domains; a November cohort of four cases, two
each for audrey and lara (shared in turn, by team), due on 20 November 2026."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from oversight.accounts.models import Membership
from oversight.audit.actors import Actor
from oversight.quality.cohorts import NewCohort, create_cohort
from oversight.quality.models import CaseAudit, Cohort, Team, ToolVersion
from oversight.quality.sampling import Case
from oversight.quality.scales import OFSTED_GRADES, Domain
from oversight.quality.tools import save_tool
from tests.conftest import PASSWORD

QUINN = Actor("Quinn")
DOMAINS = (
    Domain("Management oversight", "Is management direction recorded and followed?"),
    Domain("Voice of the child", "Are the child's wishes and feelings recorded?"),
    Domain("Planning", "Is the plan specific and reviewed?"),
)
CASES = [
    Case("Safeguarding East", "Jo Smith", "C1001"),
    Case("Safeguarding East", "Sam Patel", "C1002"),
    Case("Children in Care", "Ali Khan", "C2001"),
    Case("Children in Care", "Ali Khan", "C2002"),
]
DUE = date(2026, 11, 20)


@dataclass
class Programme:
    plan: object
    version: ToolVersion
    cohort: Cohort

    def audit(self, ref: str) -> CaseAudit:
        return CaseAudit.objects.select_related("cohort__tool_version", "cohort__plan").get(case_ref=ref)


def person(plan: object, username: str, role: str):
    user = get_user_model().objects.create_user(
        username, f"{username}@council.example", PASSWORD, first_name=username.title()
    )
    Membership.objects.create(plan=plan, user=user, role=role)
    return user


@pytest.fixture
def programme(plan) -> Programme:
    users = get_user_model().objects
    person(plan, "quinn", "qa_lead")
    audrey = person(plan, "audrey", "auditor")
    Team.objects.create(plan=plan, name="Safeguarding East", manager=users.get(username="lee"))
    Team.objects.create(plan=plan, name="Children in Care")
    version = save_tool(plan.pk, "Case file audit", OFSTED_GRADES, 2, DOMAINS, QUINN)
    new = NewCohort("monthly", date(2026, 11, 1), "November case audits", "", version, DUE, "listed by hand")
    cohort = create_cohort(plan.pk, new, CASES, [audrey, users.get(username="lara")], QUINN)
    return Programme(plan, version, cohort)


def fresh(plan):  # type: ignore[no-untyped-def]
    """The plan as the database has it now: its revision moves with every change to the programme."""
    plan.refresh_from_db()
    return plan
