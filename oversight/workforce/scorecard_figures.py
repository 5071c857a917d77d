"""The workforce's figures offered to the scorecard (plans/programme_figures.py), month by month, each a
part of a whole: all teams' and each service's vacancy, agency and twelve-month turnover rates and days
lost to sickness; staff supervised within four weeks and overdue; staff trained on each course an action
requires; and the independent reviewing officers' average caseload."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import date
from decimal import Decimal

from oversight.lib.months import month_of
from oversight.plans import case_lists
from oversight.plans.models import Plan
from oversight.plans.programme_figures import Figure, Monthly
from oversight.workforce.figures import (
    ALL_TEAMS,
    Rate,
    StaffMonth,
    group_month,
    recorded_caseloads,
    trained,
)
from oversight.workforce.models import Course, Team
from oversight.workforce.reading import staff_months, supervision_by_month, team_months

PREFIX = "workforce-"
RATES = {  # key: (name, the GroupMonth's rate, polarity)
    "vacancy": ("Vacancy rate", "vacancy"),
    "agency": ("Agency rate", "agency_share"),
    "turnover": ("Turnover over 12 months", "turnover"),
    "sickness": ("Days lost to sickness a permanent post", "sickness"),
}
SUPERVISED, OVERDUE, IRO_CASELOAD = (
    PREFIX + "supervised",
    PREFIX + "supervision-overdue",
    PREFIX + "iro-caseload",
)
CASELOAD = PREFIX + "caseload"  # social workers' average, from each Annex A extract
TRAINED = PREFIX + "trained:"  # and the course's name
EVERY_MONTH = (date(1990, 1, 1), date(2100, 12, 1))


def _rate_key(rate: str, service: str = "") -> str:
    return f"{PREFIX}{rate}" + (f":{service}" if service else "")


class WorkforceFigures:
    def offered(self, plan_id: int) -> list[Figure]:
        services = sorted(set(Team.objects.filter(plan_id=plan_id).values_list("service", flat=True)))
        rates = [
            Figure(
                _rate_key(rate, service),
                f"{name}, {service or ALL_TEAMS.lower()}",
                "lower",
                1 if rate == "sickness" else 100,
            )
            for service in ["", *services]
            for rate, (name, _) in RATES.items()
        ]
        courses = Course.objects.filter(plan_id=plan_id).values_list("name", flat=True)
        return [
            *rates,
            Figure(SUPERVISED, "Staff supervised within 4 weeks"),
            Figure(OVERDUE, "Staff whose supervision is overdue", "lower"),
            *(Figure(TRAINED + name, f"Staff trained: {name}") for name in courses),
            Figure(IRO_CASELOAD, "Independent reviewing officers' average caseload", "lower", per=1),
            Figure(CASELOAD, "Social workers' average caseload (Annex A)", "lower", per=1),
        ]

    def monthly(self, plan_id: int, keys: Collection[str], day: date) -> dict[str, dict[date, Monthly]]:
        wanted = {key for key in keys if key.startswith(PREFIX)}
        found: dict[str, dict[date, Monthly]] = {}
        if not wanted:
            return found
        teams = list(
            Team.objects.filter(plan_id=plan_id).values_list("name", "service", "kind", "caseload_policy")
        )
        groups = {"": [t[0] for t in teams]}
        for name, service, *_ in teams:
            groups.setdefault(service, []).append(name)
        rate_keys = {key for key in wanted if key.split(":")[0].removeprefix(PREFIX) in RATES}
        if rate_keys:
            returns = team_months(plan_id, *EVERY_MONTH)
            months = sorted({month for _, month in returns})
            for key in rate_keys:
                rate, _, service = key.removeprefix(PREFIX).partition(":")
                if service not in groups:
                    continue
                attribute = RATES[rate][1]
                found[key] = _shares(
                    (m, getattr(group_month(service, groups[service], m, returns), attribute)) for m in months
                )
        if wanted & {SUPERVISED, OVERDUE}:
            bands = supervision_by_month(plan_id, *EVERY_MONTH)
            for key, band in ((SUPERVISED, "within_4_weeks"), (OVERDUE, "overdue")):
                if key in wanted:
                    found[key] = _shares((m, s.share(band)) for m, s in bands.items())
        if CASELOAD in wanted:
            found[CASELOAD] = _annex_a_caseloads(
                plan_id, {name for name, _, kind, _ in teams if kind == Team.Kind.SOCIAL_WORK}
            )
        rest = wanted - rate_keys - {SUPERVISED, OVERDUE, CASELOAD}
        if rest:
            by_month: dict[date, list[StaffMonth]] = defaultdict(list)
            for worker in staff_months(plan_id, *EVERY_MONTH):
                by_month[worker.month].append(worker)
            iro_teams = {name for name, _, kind, _ in teams if kind == Team.Kind.IRO}
            for key in rest:
                if key.startswith(TRAINED):
                    course = key.removeprefix(TRAINED)
                    found[key] = _shares((m, trained(s, course)) for m, s in by_month.items())
                elif key == IRO_CASELOAD:
                    found[key] = _shares(
                        (m, recorded_caseloads([w for w in s if w.team in iro_teams], None).average)
                        for m, s in by_month.items()
                    )
        return found


def _annex_a_caseloads(plan_id: int, social_work: set[str]) -> dict[date, Monthly]:
    """The social work teams' open cases over their allocated workers, in the month of each loaded
    extract (the latest extract of a month when there are several)."""
    plan = Plan.objects.get(pk=plan_id)
    wanted = {name.casefold() for name in social_work}
    found: dict[date, Monthly] = {}
    for as_at in sorted(case_lists.extract_dates(plan.council)):
        loads = [load for load in case_lists.team_caseloads(plan, as_at) if load.team.casefold() in wanted]
        workers = sum(load.workers for load in loads)
        if workers:
            found[month_of(as_at)] = Monthly(Decimal(sum(load.cases for load in loads)), Decimal(workers))
    return found


def _shares(rates: Iterable[tuple[date, Rate]]) -> dict[date, Monthly]:
    return {month: Monthly(Decimal(r.part), Decimal(r.whole)) for month, r in rates if r.whole}
