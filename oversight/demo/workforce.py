"""The demo council's workforce, made up: the Annex A teams of the made-up extracts (so their caseloads
show beside the policy) and an IRO service, two years of monthly returns with a vacancy rate coming down
as the programme recruits, thirteen months of staff records (supervision, IRO caseloads, two courses the
plan's actions require), and two scorecard indicators computed from them. No real person's record."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from oversight.demo.synthetic import COUNCIL_TEAMS
from oversight.lib.months import add_months, last_day, month_of
from oversight.performance.models import Indicator
from oversight.plans import programme_figures
from oversight.plans.models import Action, Plan
from oversight.workforce.models import Course, StaffRecord, Team, TeamReturn

RETURN_MONTHS, STAFF_MONTHS = 24, 13
COURSES = ("Threshold briefing", "Signs of Safety practice")
INDICATORS = (
    ("workforce-vacancy", "Social work vacancy rate", "lower", Decimal(15)),
    ("workforce-supervised", "Staff supervised within 4 weeks", "higher", Decimal(90)),
)


def _service(name: str) -> str:
    for words, service in (
        ("Front Door", "Front door"), ("Assessment", "Assessment"), ("Child Protection", "Child protection"),
        ("Care", "Children in care"), ("Permanence", "Children in care"), ("Court", "Children in care"),
        ("Leaving", "Care leavers"), ("16+", "Care leavers"),
    ):  # fmt: skip
        if words in name:
            return service
    return "Children in need"


def seed_workforce(plan: Plan, today: date) -> tuple[int, int]:
    """The workforce, in place of any the demo had before: how many teams and returns it has."""
    Team.objects.filter(plan=plan).delete()
    Course.objects.filter(plan=plan).delete()
    rng = random.Random(today.toordinal() + 17)
    teams = [
        Team.objects.create(plan=plan, name=t.name, service=_service(t.name), caseload_policy=None)
        for t in COUNCIL_TEAMS
    ]
    teams.append(
        Team.objects.create(
            plan=plan, name="IRO Service", service="Safeguarding and quality", kind=Team.Kind.IRO,
            caseload_policy=70,
        )
    )  # fmt: skip
    sizes = {t.name: t.workers for t in COUNCIL_TEAMS} | {"IRO Service": 8}
    last = add_months(month_of(today), -1)
    returns = []
    for back in range(RETURN_MONTHS - 1, -1, -1):
        month = add_months(last, -back)
        progress = (RETURN_MONTHS - back) / RETURN_MONTHS  # recruitment fills posts as the plan goes on
        for team in teams:
            funded = Decimal(sizes[team.name] + 1)
            vacant = Decimal(max(0, round(float(funded) * (0.28 - 0.15 * progress) + rng.uniform(-0.6, 0.6))))
            permanent = funded - vacant
            agency = min(vacant, Decimal(rng.choice((0, 0, 1, 1, 2))))
            leavers = 1 if rng.random() < 0.12 - 0.04 * progress else 0
            offers = rng.choice((0, 0, 1, 1, 2))
            returns.append(
                TeamReturn(
                    team=team, month=month, funded=funded, permanent=permanent, agency=agency,
                    vacancies=vacant, starters=rng.choice((0, 0, 0, 1)), leavers=leavers,
                    sickness_days=Decimal(rng.randint(0, 12)) + Decimal("0.5") * rng.randint(0, 1),
                    offers_made=offers, offers_accepted=min(offers, rng.choice((0, 1, 1, 2))),
                )
            )  # fmt: skip
    TeamReturn.objects.bulk_create(returns)
    _staff(plan, teams, sizes, last, rng)
    _courses(plan)
    for key, name, polarity, target in INDICATORS:
        Indicator.objects.update_or_create(
            plan=plan,
            name=name,
            defaults={
                "service_area": "Workforce", "polarity": polarity, "target": target, "tolerance": Decimal(5),
                "source": Indicator.Source.CASE_AUDITS, "measure": key,
                "definition": "From the workforce returns: all teams, month by month.",
            },
        )  # fmt: skip
    programme_figures.changed(plan.pk)
    return len(teams), len(returns)


def _staff(plan: Plan, teams: list[Team], sizes: dict[str, int], last: date, rng: random.Random) -> None:
    records = []
    for back in range(STAFF_MONTHS - 1, -1, -1):
        month = add_months(last, -back)
        end = last_day(month)
        trained_share = 0.2 + 0.7 * (STAFF_MONTHS - back) / STAFF_MONTHS
        for number, team in enumerate(teams):
            for worker in range(sizes[team.name]):
                courses = [c for c in COURSES if rng.random() < trained_share]
                late = rng.random() < 0.12 - 0.06 * (STAFF_MONTHS - back) / STAFF_MONTHS
                days = rng.randint(43, 80) if late else rng.randint(0, 40)
                records.append(
                    StaffRecord(
                        plan=plan, team=team, month=month, staff_id=f"E{1000 + number * 20 + worker}",
                        supervised=None if rng.random() < 0.02 else end - timedelta(days=days),
                        caseload=rng.randint(58, 96) if team.kind == Team.Kind.IRO else None, courses=courses,
                    )
                )  # fmt: skip
    StaffRecord.objects.bulk_create(records, batch_size=1000)


def _courses(plan: Plan) -> None:
    actions = list(Action.objects.filter(plan=plan, in_plan=True).order_by("pk")[:2])
    for name, action in zip(COURSES, actions, strict=False):
        course = Course.objects.create(plan=plan, name=name)
        course.actions.set([action])
