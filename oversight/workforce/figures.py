"""The workforce's figures, worked out from the teams' monthly returns and the staff records: vacancy,
agency and twelve-month turnover rates, sickness, offers, supervision in Reading's three bands, the share
of staff trained on a course, and caseloads beside the council's policy. Pure: plain data in, figures
out, every figure a part of a whole so a table, a chart and the scorecard show the same number. A figure
that cannot be worked out for a team (no return that month, fewer than twelve months for turnover, a
worker with no supervision date) leaves the team or worker out and says so; it is never taken as 0."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from oversight.lib.months import add_months, last_day
from oversight.lib.numbers import ratio

TURNOVER_MONTHS = 12
WITHIN_4_WEEKS, WITHIN_6_WEEKS = 28, 42  # days from supervision to the month's last day
ALL_TEAMS = "All teams"
ZERO = Decimal(0)


@dataclass(frozen=True)
class TeamMonth:
    """One team's return for one month: posts and staff as full-time equivalents, people as counts."""

    team: str
    service: str
    month: date
    funded: Decimal
    permanent: Decimal
    agency: Decimal
    vacancies: Decimal
    starters: int
    leavers: int
    sickness_days: Decimal
    offers_made: int
    offers_accepted: int


@dataclass(frozen=True)
class StaffMonth:
    """One worker in one month's staff records: their last supervision, caseload and courses done."""

    staff_id: str
    team: str
    month: date
    supervised: date | None
    caseload: int | None
    courses: frozenset[str]  # casefolded course names


@dataclass(frozen=True)
class Rate:
    """`part` of `whole`, per hundred (a percentage) or per one (days a worker, cases a worker)."""

    part: Decimal
    whole: Decimal
    per: int = 100

    @property
    def value(self) -> Decimal | None:
        """To one decimal place, rounded half up; None when nothing was counted."""
        return ratio(self.part, self.whole, self.per)

    def __str__(self) -> str:
        value = self.value
        if value is None:
            return "no data"
        return f"{value:,}%" if self.per == 100 else f"{value:,}"


@dataclass(frozen=True)
class GroupMonth:
    """A team's, a service's or the whole workforce's figures for one month."""

    name: str
    month: date
    teams: int  # the teams whose returns are counted
    missing: tuple[str, ...]  # the group's teams that sent no return that month
    funded: Decimal
    permanent: Decimal
    agency: Decimal
    vacancies: Decimal
    starters: int
    leavers: int
    offers_made: int
    offers_accepted: int
    vacancy: Rate  # vacancies of funded posts
    agency_share: Rate  # agency staff of the staff in post
    sickness: Rate  # days lost a permanent full-time post
    turnover: Rate  # leavers in twelve months of the average permanent staff over them
    turnover_left_out: tuple[str, ...]  # teams without twelve months of returns to the month


def _total(values: Iterable[Decimal]) -> Decimal:
    return sum(values, ZERO)


def group_month(
    name: str, teams: Sequence[str], month: date, returns: dict[tuple[str, date], TeamMonth]
) -> GroupMonth:
    """The figures of `teams` taken together in `month`, from `returns` by (team, month)."""
    counted = [returns[(team, month)] for team in teams if (team, month) in returns]
    missing = tuple(team for team in teams if (team, month) not in returns)
    funded = _total(r.funded for r in counted)
    permanent = _total(r.permanent for r in counted)
    agency = _total(r.agency for r in counted)
    vacancies = _total(r.vacancies for r in counted)
    leavers_in_year, average_staff, left_out = 0, ZERO, []
    year = [add_months(month, -back) for back in range(TURNOVER_MONTHS)]
    for team in teams:
        months = [returns.get((team, m)) for m in year]
        if any(r is None for r in months):
            left_out.append(team)
            continue
        leavers_in_year += sum(r.leavers for r in months if r)
        average_staff += _total(r.permanent for r in months if r) / TURNOVER_MONTHS
    return GroupMonth(
        name,
        month,
        len(counted),
        missing,
        funded,
        permanent,
        agency,
        vacancies,
        sum(r.starters for r in counted),
        sum(r.leavers for r in counted),
        sum(r.offers_made for r in counted),
        sum(r.offers_accepted for r in counted),
        Rate(vacancies, funded),
        Rate(agency, permanent + agency),
        Rate(_total(r.sickness_days for r in counted), permanent, per=1),
        Rate(Decimal(leavers_in_year), average_staff),
        tuple(left_out),
    )


@dataclass(frozen=True)
class Supervision:
    """Workers by days from their last supervision to the month's end, in Reading's three bands."""

    within_4_weeks: int
    within_6_weeks: int
    overdue: int
    no_date: int  # left out: no supervision date in the records

    @property
    def counted(self) -> int:
        return self.within_4_weeks + self.within_6_weeks + self.overdue

    def share(self, band: str) -> Rate:
        return Rate(Decimal(getattr(self, band)), Decimal(self.counted))


def supervision(staff: Iterable[StaffMonth]) -> Supervision:
    """The workers of one month's staff records in the bands."""
    listed = list(staff)
    if not listed:
        return Supervision(0, 0, 0, 0)
    return supervision_of(listed[0].month, Counter(w.supervised for w in listed).items())


def supervision_of(month: date, dates: Iterable[tuple[date | None, int]]) -> Supervision:
    """The bands from how many workers were last supervised on each day (None: no date) in `month`."""
    end = last_day(month)
    bands: Counter[str] = Counter()
    for supervised, count in dates:
        if supervised is None:
            bands["no_date"] += count
            continue
        days = (end - supervised).days
        band = (
            "within_4_weeks"
            if days <= WITHIN_4_WEEKS
            else "within_6_weeks"
            if days <= WITHIN_6_WEEKS
            else "overdue"
        )
        bands[band] += count
    return Supervision(bands["within_4_weeks"], bands["within_6_weeks"], bands["overdue"], bands["no_date"])


def trained(staff: Sequence[StaffMonth], course: str) -> Rate:
    """The share of the workers in the records who have done `course`."""
    wanted = course.casefold()
    return Rate(Decimal(sum(1 for w in staff if wanted in w.courses)), Decimal(len(staff)))


@dataclass(frozen=True)
class Caseloads:
    """Cases a worker beside the council's policy: the average, the highest, and how many are over."""

    workers: int
    cases: int
    highest: int | None
    over_policy: int | None  # None when the team has no policy
    policy: str  # "70", "12–15"; "" when there is none
    left_out: int = 0  # workers with no caseload in the records; or, from Annex A, cases with no worker

    @property
    def average(self) -> Rate:
        return Rate(Decimal(self.cases), Decimal(self.workers), per=1)


def recorded_caseloads(staff: Iterable[StaffMonth], policy: int | None) -> Caseloads:
    """From the caseloads in the staff records (independent reviewing officers, who are not in Annex A);
    a worker with none given is left out and counted."""
    listed = list(staff)
    counts = [w.caseload for w in listed if w.caseload is not None]
    return Caseloads(
        len(counts),
        sum(counts),
        max(counts, default=None),
        None if policy is None else sum(1 for c in counts if c > policy),
        "" if policy is None else str(policy),
        sum(1 for w in listed if w.caseload is None),
    )
