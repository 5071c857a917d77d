"""The quality assurance programme's figures: how much of the programme is done, the share of audits
graded good or better (overall, and by domain, team and month), and how often moderation changed a
grade. Pure: they add up counts of audits that the database makes (quality/reading.py), one count for
each month, kind of audit, team and auditor, so that a year of a large council's audits is a few
hundred rows, not thousands; `counted` makes the same counts from audits one by one.

An audit's overall grade is the moderated one where it was moderated (the auditor's is kept beside it);
a domain's grade is the auditor's."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import TypeVar

from oversight.lib.numbers import exact_percent, percent

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class AuditRow:
    """One audit, as `counted` takes it."""

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
class Tally:
    """Counts of audits, as at a day."""

    planned: int = 0
    done: int = 0
    on_time: int = 0  # done on or before their due date, which has come
    overdue: int = 0  # not done and past their due date
    due: int = 0  # due on or before the day: done or not
    good: int = 0  # graded good or better (the grade in force)
    graded: int = 0
    moderated: int = 0
    changed: int = 0  # moderated to another overall grade

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(Tally)))


@dataclass(frozen=True)
class AuditCount:
    """The audits of one month's cohorts of one kind, in one team, by one auditor."""

    month: date
    kind: str
    team: str
    auditor: str
    tally: Tally


def counted(rows: Iterable[AuditRow], day: date) -> list[AuditCount]:
    """The counts the database makes, from audits one by one (as at `day`)."""
    sums: dict[tuple[date, str, str, str], Tally] = defaultdict(Tally)
    for a in rows:
        done = a.completed is not None
        one = Tally(
            planned=1,
            done=done,
            on_time=done and a.completed <= a.due and a.due <= day,  # type: ignore[operator]
            overdue=not done and a.due < day,
            due=a.due <= day,
            good=a.good is True,
            graded=a.good is not None,
            moderated=a.moderated,
            changed=a.moderated and a.changed_by_moderation,
        )
        key = (a.month, a.kind, a.team, a.auditor)
        sums[key] = sums[key] + one
    return [AuditCount(*key, tally) for key, tally in sums.items()]


@dataclass(frozen=True)
class GradeCount:
    """How many audits of a month's cohorts, in a team, graded a domain, and how many of them good or
    better (counted by the database)."""

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
    on_time: int = 0
    overdue: int = 0
    due: int = 0

    @property
    def open(self) -> int:
        return self.planned - self.done

    @property
    def on_time_share(self) -> Share:
        """Of the audits due by the day, those done by their due date."""
        return Share(self.on_time, self.due)


def total(counts: Iterable[AuditCount]) -> Tally:
    found = Tally()
    for count in counts:
        found = found + count.tally
    return found


def completion(counts: Iterable[AuditCount]) -> Completion:
    t = total(counts)
    return Completion(t.planned, t.done, t.on_time, t.overdue, t.due)


def good_or_better(counts: Iterable[AuditCount]) -> Share:
    """Of the audits graded, those whose overall grade in force is good or better."""
    t = total(counts)
    return Share(t.good, t.graded)


def by(counts: Iterable[AuditCount], key: Callable[[AuditCount], K]) -> dict[K, list[AuditCount]]:
    grouped: dict[K, list[AuditCount]] = defaultdict(list)
    for count in counts:
        grouped[key(count)].append(count)
    return dict(sorted(grouped.items()))  # type: ignore[type-var]


def completion_by(counts: Iterable[AuditCount], key: Callable[[AuditCount], K]) -> dict[K, Completion]:
    return {k: completion(found) for k, found in by(counts, key).items()}


def good_or_better_by(counts: Iterable[AuditCount], key: Callable[[AuditCount], K]) -> dict[K, Share]:
    """The audits graded, and those good or better, by month, team, auditor or kind (groups with none
    graded are left out)."""
    return {k: share for k, found in by(counts, key).items() if (share := good_or_better(found)).whole}


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


def moderation(counts: Iterable[AuditCount]) -> Moderation:
    t = total(counts)
    return Moderation(t.moderated, t.changed)
