"""The workforce as the page, its download and the board's paper show it for one month: the plan's
teams' figures (each team, each service, all teams) that month and over the year to it, supervision,
training on the courses actions require, and caseloads beside the council's policy. Reads the database in
a fixed number of queries however many teams, months or staff there are; the figures are worked out by
figures.py."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from django.db.models import Count

from oversight.lib.months import add_months, last_day
from oversight.notices.sending import site_address
from oversight.plans import case_lists
from oversight.plans.action_training import Training
from oversight.plans.models import Plan
from oversight.workforce.figures import (
    ALL_TEAMS,
    Caseloads,
    GroupMonth,
    Rate,
    StaffMonth,
    Supervision,
    TeamMonth,
    group_month,
    recorded_caseloads,
    supervision,
    supervision_of,
    trained,
)
from oversight.workforce.models import Course, StaffRecord, Team, TeamReturn

HISTORY_MONTHS = 13  # the month and the twelve before it, as the page's charts show them
NONE_SUPERVISED = Supervision(0, 0, 0, 0)


@dataclass(frozen=True)
class TeamLine:
    """A row of the page's tables: a team, a service's total, or all teams'."""

    level: str  # "team", "service" or "all"
    service: str
    figures: GroupMonth
    supervision: Supervision


@dataclass(frozen=True)
class CourseShare:
    name: str
    actions: tuple[str, ...]  # the action IDs that require it
    trained: Rate


@dataclass(frozen=True)
class TeamCaseloads:
    team: str
    source: str  # "Annex A, 30 November 2026" or "staff records"
    caseloads: Caseloads


@dataclass(frozen=True)
class Picture:
    month: date
    months: tuple[date, ...]  # the history, oldest first, ending with `month`
    lines: tuple[TeamLine, ...]
    history: tuple[GroupMonth, ...]  # all teams (or the service or team of `trend`), month by month
    supervision_history: tuple[tuple[date, Supervision], ...]
    courses: tuple[CourseShare, ...]
    caseloads: tuple[TeamCaseloads, ...]
    staff_counted: int  # workers in the month's staff records
    trend: str = ALL_TEAMS  # what the history is of: all teams, a service or a team

    @property
    def whole(self) -> TeamLine:
        return self.lines[-1]


def return_months(plan_id: int) -> list[date]:
    """The months with any team's return, newest first."""
    return list(
        TeamReturn.objects.filter(team__plan_id=plan_id)
        .order_by("-month")
        .values_list("month", flat=True)
        .distinct()
    )


def team_months(plan_id: int, first: date, last: date) -> dict[tuple[str, date], TeamMonth]:
    found = {}
    for r in TeamReturn.objects.filter(
        team__plan_id=plan_id, month__gte=first, month__lte=last
    ).select_related("team"):
        found[(r.team.name, r.month)] = TeamMonth(
            r.team.name, r.team.service, r.month, r.funded, r.permanent, r.agency, r.vacancies,
            r.starters, r.leavers, r.sickness_days, r.offers_made, r.offers_accepted,
        )  # fmt: skip
    return found


def staff_months(plan_id: int, first: date, last: date) -> list[StaffMonth]:
    names = dict(Team.objects.filter(plan_id=plan_id).values_list("pk", "name"))
    return [
        StaffMonth(
            staff_id, names[team_id], month, supervised, caseload, frozenset(c.casefold() for c in courses)
        )
        for staff_id, team_id, month, supervised, caseload, courses in StaffRecord.objects.filter(
            plan_id=plan_id, month__gte=first, month__lte=last
        ).values_list("staff_id", "team_id", "month", "supervised", "caseload", "courses")
    ]


def supervision_by_month(
    plan_id: int, first: date, last: date, teams: Collection[str] | None = None
) -> dict[date, Supervision]:
    """Each month's bands (of `teams`' staff, or everyone's), counted from how many workers were
    supervised on each day: the database groups the records, so a month of 1,500 staff is a few dozen
    rows."""
    days: dict[date, list[tuple[date | None, int]]] = defaultdict(list)
    records = StaffRecord.objects.filter(plan_id=plan_id, month__gte=first, month__lte=last)
    if teams is not None:
        records = records.filter(team__name__in=teams)
    for month, supervised, count in (
        records.values_list("month", "supervised").annotate(count=Count("pk")).order_by()
    ):
        days[month].append((supervised, count))
    return {month: supervision_of(month, found) for month, found in days.items()}


def trend_groups(teams: Sequence[Team]) -> dict[str, tuple[str, list[str]]]:
    """What a trend can be shown for, by the key an address names it with: all teams (""), each service
    ("service:Assessment") and each team ("team:Assessment 1"), each with its label and its teams."""
    found: dict[str, tuple[str, list[str]]] = {"": (ALL_TEAMS, [t.name for t in teams])}
    for service in sorted({t.service for t in teams}):
        found[f"service:{service}"] = (
            f"{service} (service)",
            [t.name for t in teams if t.service == service],
        )
    for team in sorted(teams, key=lambda t: t.name):
        found[f"team:{team.name}"] = (team.name, [team.name])
    return found


def picture(plan: Plan, month: date, history: int = HISTORY_MONTHS, trend: str = "") -> Picture:
    """Everything the page shows for `month`, with `history` months of trend for all teams, or for the
    service or team `trend` names (trend_groups)."""
    teams = list(Team.objects.filter(plan=plan))
    months = tuple(add_months(month, -back) for back in reversed(range(history)))
    returns = team_months(plan.pk, add_months(months[0], -11), month)
    this_month = staff_months(plan.pk, month, month)
    groups = trend_groups(teams)
    label, trend_teams = groups.get(trend, groups[""])
    supervised = supervision_by_month(plan.pk, months[0], month, None if label == ALL_TEAMS else trend_teams)
    by_team: dict[str, list[StaffMonth]] = defaultdict(list)
    for worker in this_month:
        by_team[worker.team].append(worker)
    services: dict[str, list[str]] = defaultdict(list)
    for team in teams:
        services[team.service].append(team.name)
    lines = []
    for service, names in services.items():
        lines += [
            TeamLine("team", service, group_month(name, [name], month, returns), supervision(by_team[name]))
            for name in names
        ]
        if len(services) > 1 and len(names) > 1:
            lines.append(
                TeamLine(
                    "service",
                    service,
                    group_month(service, names, month, returns),
                    supervision(w for name in names for w in by_team[name]),
                )
            )
    everyone = [team.name for team in teams]
    lines.append(
        TeamLine("all", "", group_month(ALL_TEAMS, everyone, month, returns), supervision(this_month))
    )
    return Picture(
        month,
        months,
        tuple(lines),
        tuple(group_month(label, trend_teams, m, returns) for m in months),
        tuple((m, supervised.get(m, NONE_SUPERVISED)) for m in months),
        _courses(plan.pk, this_month),
        _caseloads(plan, teams, month, by_team),
        len(this_month),
        label,
    )


def every_trend(plan: Plan, months: Sequence[date]) -> list[GroupMonth]:
    """Every service's and team's rates month by month, for the download."""
    teams = list(Team.objects.filter(plan=plan))
    returns = team_months(plan.pk, add_months(months[0], -11), months[-1])
    return [
        group_month(label, names, month, returns)
        for key, (label, names) in trend_groups(teams).items()
        if key
        for month in months
    ]


def _courses(plan_id: int, staff: list[StaffMonth]) -> tuple[CourseShare, ...]:
    return tuple(
        CourseShare(
            course.name,
            tuple(sorted(a.action_id for a in course.actions.all())),
            trained(staff, course.name),
        )
        for course in Course.objects.filter(plan_id=plan_id).prefetch_related("actions")
    )


def _caseloads(
    plan: Plan, teams: list[Team], month: date, staff: dict[str, list[StaffMonth]]
) -> tuple[TeamCaseloads, ...]:
    """Social work teams' caseloads from the latest Annex A extract on or before the month's end, by the
    caseload policy of the Caseloads page; the independent reviewing officers' from the staff records,
    by their team's policy."""
    found = []
    extract = next((d for d in case_lists.extract_dates(plan.council) if d <= last_day(month)), None)
    loads = {}
    if extract is not None and any(t.kind == Team.Kind.SOCIAL_WORK for t in teams):
        loads = {
            " ".join(load.team.split()).casefold(): load for load in case_lists.team_caseloads(plan, extract)
        }
    for team in teams:
        if team.kind == Team.Kind.IRO:
            found.append(
                TeamCaseloads(
                    team.name, "staff records", recorded_caseloads(staff[team.name], team.caseload_policy)
                )
            )
        elif team.kind == Team.Kind.SOCIAL_WORK and extract is not None:
            load = loads.get(team.name.casefold())
            found.append(
                TeamCaseloads(
                    team.name,
                    f"Annex A, {extract:%-d %B %Y}",
                    Caseloads(0, 0, None, None, "")
                    if load is None
                    else Caseloads(
                        load.workers,
                        load.cases,
                        load.highest,
                        load.above_policy if load.policy else None,
                        load.policy,
                        load.unallocated,
                    ),  # fmt: skip
                )
            )
    return tuple(found)


def training_for_action(action_pk: int) -> list[Training]:
    """The courses an action requires, each with the share of staff in the latest month's staff records
    who have done it (plans/action_training)."""
    found = []
    for course in Course.objects.filter(actions__pk=action_pk).select_related("plan"):
        month = (
            StaffRecord.objects.filter(plan_id=course.plan_id)
            .order_by("-month")
            .values_list("month", flat=True)
            .first()
        )
        if month is None:
            trained_text = "no staff records yet"
        else:
            share = trained(staff_months(course.plan_id, month, month), course.name)
            trained_text = f"{int(share.part)} of {int(share.whole)} staff ({share}) by {month:%B %Y}"
        found.append(Training(course.name, trained_text, site_address("workforce", course.plan.slug)))
    return found
