"""The workforce of a small plan: five teams, and thirteen months of their returns (November 2025 to
November 2026), as tests/workforce/test_a_year_worked_by_hand.py works them out."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from oversight.workforce.models import Team

TEAMS = [
    # name, service, kind, caseload policy
    ("Assessment 1", "Assessment", Team.Kind.SOCIAL_WORK, 18),
    ("Assessment 2", "Assessment", Team.Kind.SOCIAL_WORK, 18),
    ("Children in care", "Children in care", Team.Kind.SOCIAL_WORK, 15),
    ("Child protection", "Child protection", Team.Kind.SOCIAL_WORK, 18),
    ("IRO service", "Safeguarding and quality", Team.Kind.IRO, 70),
]
# each team's figures every month: funded, permanent, agency, vacancies (FTE), sickness days
EVERY_MONTH = {
    "Assessment 1": ("10", "8", "1.5", "2", "4"),
    "Assessment 2": ("12", "9", "3", "3", "9"),
    "Children in care": ("15", "12.5", "0", "2.5", "10"),
    "Child protection": ("8", "6", "2", "2", "12"),
    "IRO service": ("5", "5", "0", "0", "0"),
}
LEAVERS = {  # (team, month): leavers; every other month none
    ("Assessment 1", date(2025, 12, 1)): 1,
    ("Assessment 1", date(2026, 3, 1)): 1,
    ("Assessment 1", date(2026, 6, 1)): 1,
    ("Assessment 1", date(2026, 9, 1)): 1,
    ("Assessment 2", date(2025, 11, 1)): 2,
    ("Assessment 2", date(2026, 11, 1)): 1,
    ("Child protection", date(2026, 7, 1)): 2,
}
NO_RETURN = {("Children in care", date(2026, 2, 1))}
MONTHS = [date(2025 + (10 + i) // 12, (10 + i) % 12 + 1, 1) for i in range(13)]  # Nov 2025 to Nov 2026
HEADER: list[object] = [
    "Month", "Team", "Funded posts FTE", "Permanent staff FTE", "Agency staff FTE", "Vacancies FTE",
    "Starters", "Leavers", "Sickness days", "Offers made", "Offers accepted",
]  # fmt: skip


def return_rows() -> list[list[object]]:
    rows: list[list[object]] = [HEADER]
    for month in MONTHS:
        for team, (funded, permanent, agency, vacancies, sickness) in EVERY_MONTH.items():
            if (team, month) in NO_RETURN:
                continue
            leavers = LEAVERS.get((team, month), 0)
            rows.append(
                [
                    f"{month:%Y-%m}",
                    team,
                    funded,
                    permanent,
                    agency,
                    vacancies,
                    leavers,
                    leavers,
                    sickness,
                    2,
                    1,
                ]
            )
    return rows


STAFF_HEADER = ["Month", "Staff ID", "Team", "Last supervision", "Caseload", "Courses completed"]
STAFF_ROWS = [
    STAFF_HEADER,
    # October: one supervised within four weeks of the 31st, one overdue
    ["2026-10", "E1", "Assessment 1", "2026-10-25", "", "Threshold briefing"],
    ["2026-10", "E2", "Assessment 1", "2026-09-01", "", ""],
    # November, to the 30th: 10, 28, 29, 42 and 43 days; one with no date
    ["2026-11", "E1", "Assessment 1", "2026-11-20", "", "Threshold briefing; Signs of Safety"],
    ["2026-11", "E2", "Assessment 1", "2026-11-02", "", "threshold briefing"],
    ["2026-11", "E3", "Assessment 1", "2026-11-01", "", "Threshold Briefing"],
    ["2026-11", "E4", "Assessment 1", "2026-10-19", "", ""],
    ["2026-11", "E5", "Assessment 1", "2026-10-18", "", ""],
    ["2026-11", "E6", "Assessment 1", "", "", ""],
    # the independent reviewing officers' caseloads: 84, 96 and 70, and one not given
    ["2026-11", "I1", "IRO service", "2026-11-16", "84", "Threshold briefing"],
    ["2026-11", "I2", "IRO service", "2026-11-16", "96", ""],
    ["2026-11", "I3", "IRO service", "2026-11-16", "70", ""],
    ["2026-11", "I4", "IRO service", "2026-11-16", "", ""],
]


@pytest.fixture
def teams(plan):
    return {
        name: Team.objects.create(plan=plan, name=name, service=service, kind=kind, caseload_policy=policy)
        for name, service, kind, policy in TEAMS
    }


@pytest.fixture
def a_year(plan, teams, write_csv):
    """Thirteen months of the five teams' returns and two months of staff records, imported."""
    from oversight.audit.actors import Actor
    from oversight.workforce.models import Course
    from oversight.workforce.returns_import import import_staff_records, import_team_returns

    import_team_returns(write_csv("returns.csv", return_rows()), "demo", Actor("Olivia"))
    import_staff_records(write_csv("staff.csv", STAFF_ROWS), "demo", Actor("Olivia"))
    course = Course.objects.create(plan=plan, name="Threshold briefing")
    course.actions.set(plan.actions.filter(action_id="1.1"))
    return plan


def fte(text: str) -> Decimal:
    return Decimal(text)
