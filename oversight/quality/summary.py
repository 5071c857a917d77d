"""One month of the programme, as its page and its report both show it: completion, grades good or
better (overall, by team, by domain, and their trend over twelve months) and moderation. Computed once
from plain rows; the page and the Word and HTML report only render it. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from oversight.lib.months import add_months
from oversight.quality.figures import (
    AuditCount,
    Completion,
    GradeCount,
    Moderation,
    Share,
    completion,
    completion_by,
    domain_shares,
    good_or_better,
    good_or_better_by,
    moderation,
)

TREND_MONTHS = 12
DOMAIN_MONTHS = 6  # the domains' table shows this many months side by side


@dataclass(frozen=True)
class Summary:
    month: date
    day: date  # completion is as at this day: an audit due before it and not done is overdue
    months: tuple[date, ...]  # the trend's months, oldest first, ending with `month`
    completion: Completion
    by_team: dict[str, Completion]
    by_auditor: dict[str, Completion]
    by_kind: dict[str, Completion]
    good: Share
    good_trend: dict[date, Share]
    done_trend: dict[date, Completion]
    good_by_team: dict[str, Share]
    good_by_team_year: dict[str, Share]
    domains: tuple[str, ...]  # in the tool's order
    domain_months: tuple[date, ...]
    by_domain: dict[str, dict[date, Share]]
    by_domain_year: dict[str, Share]
    moderation: Moderation
    moderation_year: Moderation

    @property
    def year(self) -> Share:
        """Good or better over the trend's twelve months."""
        return Share(
            sum(s.part for s in self.good_trend.values()), sum(s.whole for s in self.good_trend.values())
        )

    @property
    def domain_rows(self) -> list[tuple[str, list[Share], Share]]:
        """Each domain: its share good or better in each of domain_months, and over the twelve months."""
        return [
            (d, [self.by_domain[d][m] for m in self.domain_months], self.by_domain_year.get(d, Share(0, 0)))
            for d in self.domains
        ]

    @property
    def trend_rows(self) -> list[tuple[date, Completion, Share]]:
        """Each month of the twelve: its programme's completion and its share good or better."""
        return [(m, self.done_trend[m], self.good_trend[m]) for m in self.months]

    @property
    def team_rows(self) -> list[tuple[str, Completion, Share, Share]]:
        """Each team with audits this month or in the twelve: completion and good or better this month,
        and good or better over the twelve months."""
        teams = sorted(set(self.by_team) | set(self.good_by_team_year), key=str.casefold)
        return [
            (
                t,
                self.by_team.get(t, Completion()),
                self.good_by_team.get(t, Share(0, 0)),
                self.good_by_team_year.get(t, Share(0, 0)),
            )
            for t in teams
        ]

    @property
    def any_audits(self) -> bool:
        return any(c.planned for c in self.done_trend.values())


def trend_months(month: date) -> tuple[date, ...]:
    return tuple(add_months(month, n) for n in range(1 - TREND_MONTHS, 1))


def summarise(
    month: date,
    day: date,
    audits: Sequence[AuditCount],
    grades: Sequence[GradeCount],
    domain_order: Sequence[str],
) -> Summary:
    """The counts of the audits (as at `day`) and of their grades, of the twelve months to `month`;
    `domain_order` the domains as the tool lists them (a domain graded on an older version comes after
    them)."""
    months = trend_months(month)
    this = [a for a in audits if a.month == month]
    seen = {g.domain for g in grades}
    domains = tuple(d for d in domain_order if d in seen) + tuple(sorted(seen - set(domain_order)))
    domain_months = months[-DOMAIN_MONTHS:]
    by_domain_month = domain_shares(
        [g for g in grades if g.month in domain_months], lambda g: (g.domain, g.month)
    )
    by_month = completion_by(audits, lambda a: a.month)
    good_by_month = good_or_better_by(audits, lambda a: a.month)
    return Summary(
        month=month,
        day=day,
        months=months,
        completion=completion(this),
        by_team=completion_by(this, lambda a: a.team),
        by_auditor=completion_by(this, lambda a: a.auditor),
        by_kind=completion_by(this, lambda a: a.kind),
        good=good_or_better(this),
        good_trend={m: good_by_month.get(m, Share(0, 0)) for m in months},
        done_trend={m: by_month.get(m, Completion()) for m in months},
        good_by_team=good_or_better_by(this, lambda a: a.team),
        good_by_team_year=good_or_better_by(audits, lambda a: a.team),
        domains=domains,
        domain_months=domain_months,
        by_domain={d: {m: by_domain_month.get((d, m), Share(0, 0)) for m in domain_months} for d in domains},
        by_domain_year=domain_shares(grades, lambda g: g.domain),
        moderation=moderation(this),
        moderation_year=moderation(audits),
    )
