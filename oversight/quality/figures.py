"""The quality assurance programme's figures, from plain rows: how much of the programme is done, the
share of audits graded good or better (overall, and by domain, team and month), and how often
moderation changed a grade. Pure.

An audit's overall grade is the moderated one where it was moderated (the auditor's is kept beside it);
a domain's grade is the auditor's."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TypeVar

from oversight.lib.numbers import exact_percent, percent

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class AuditRow:
    month: date  # the month of the audit's cohort
    kind: str
    team: str
    auditor: str
    due: date
    completed: date | None
    good: bool | None  # its overall grade in force is good or better; None: not graded yet
    moderated: bool = False
    changed_by_moderation: bool = False


@dataclass(frozen=True)
class GradeCount:
    """How many audits of a month's cohorts, in a team, graded a domain, and how many of them good or
    better (counted by the database: a year of a large council's audits is tens of thousands of grades)."""

    month: date
    team: str
    domain: str
    good: int
    graded: int


@dataclass(frozen=True)
class Share:
    part: int
    whole: int

    @property
    def percent(self) -> int:
        return percent(self.part, self.whole)

    @property
    def exact(self) -> Decimal | None:
        """To one decimal place, for a scorecard value."""
        return exact_percent(self.part, self.whole)

    def __str__(self) -> str:
        return f"{self.percent}% ({self.part:,} of {self.whole:,})" if self.whole else "none yet"


@dataclass(frozen=True)
class Completion:
    planned: int = 0
    done: int = 0
    on_time: int = 0  # done on or before the due date
    overdue: int = 0  # not done and past the due date
    due: int = 0  # due on or before the day: done or not

    @property
    def open(self) -> int:
        return self.planned - self.done

    @property
    def on_time_share(self) -> Share:
        """Of the audits due by the day, those done by their due date."""
        return Share(self.on_time, self.due)


def completion(audits: Iterable[AuditRow], day: date) -> Completion:
    planned = done = on_time = overdue = due = 0
    for audit in audits:
        planned += 1
        if audit.completed is not None:
            done += 1
            on_time += audit.completed <= audit.due and audit.due <= day
        elif audit.due < day:
            overdue += 1
        due += audit.due <= day
    return Completion(planned, done, on_time, overdue, due)


def completion_by(audits: Iterable[AuditRow], day: date, key: Callable[[AuditRow], K]) -> dict[K, Completion]:
    grouped: dict[K, list[AuditRow]] = defaultdict(list)
    for audit in audits:
        grouped[key(audit)].append(audit)
    return {k: completion(rows, day) for k, rows in sorted(grouped.items())}  # type: ignore[type-var]


def good_or_better(audits: Iterable[AuditRow]) -> Share:
    """Of the audits graded, those whose overall grade in force is good or better."""
    graded = [a.good for a in audits if a.good is not None]
    return Share(sum(graded), len(graded))


def good_or_better_by(audits: Iterable[AuditRow], key: Callable[[AuditRow], K]) -> dict[K, Share]:
    """The audits graded, and those good or better, by month, team, auditor or kind."""
    parts: dict[K, list[int]] = defaultdict(lambda: [0, 0])
    for audit in audits:
        if audit.good is not None:
            counts = parts[key(audit)]
            counts[0] += audit.good
            counts[1] += 1
    return {k: Share(*counts) for k, counts in sorted(parts.items())}  # type: ignore[type-var]


def domain_shares(counts: Iterable[GradeCount], key: Callable[[GradeCount], K]) -> dict[K, Share]:
    """Domains graded good or better, by domain, month or team (or a pair of them)."""
    parts: dict[K, list[int]] = defaultdict(lambda: [0, 0])
    for count in counts:
        found = parts[key(count)]
        found[0] += count.good
        found[1] += count.graded
    return {k: Share(*found) for k, found in parts.items()}


@dataclass(frozen=True)
class Moderation:
    moderated: int
    changed: int

    @property
    def change_rate(self) -> Share:
        """Of the audits moderated, those whose overall grade moderation changed."""
        return Share(self.changed, self.moderated)


def moderation(audits: Iterable[AuditRow]) -> Moderation:
    moderated = [a for a in audits if a.moderated]
    return Moderation(len(moderated), sum(1 for a in moderated if a.changed_by_moderation))
