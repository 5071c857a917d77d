"""The programme's figures from plain rows, worked by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from oversight.quality.figures import (
    AuditRow,
    GradeCount,
    Share,
    completion,
    completion_by,
    counted,
    domain_shares,
    good_or_better,
    moderation,
)

NOV = date(2026, 11, 1)


def audit(team: str, due: date, completed: date | None, good: bool | None, **more: bool) -> AuditRow:
    return AuditRow(NOV, "monthly", team, "Ann", due, completed, good, **more)


ROWS = [
    audit("East", date(2026, 11, 20), date(2026, 11, 18), True),  # on time
    audit("East", date(2026, 11, 20), date(2026, 11, 25), False),  # late
    audit("East", date(2026, 11, 20), None, None),  # overdue
    audit("West", date(2026, 12, 10), None, None),  # not yet due
    audit("West", date(2026, 11, 20), date(2026, 11, 19), True, moderated=True),
    audit("West", date(2026, 11, 20), date(2026, 11, 20), False, moderated=True, changed_by_moderation=True),
]
DAY = date(2026, 12, 1)
AUDITS = counted(ROWS, DAY)


def test_completion_counts_planned_done_on_time_and_overdue_as_at_a_day() -> None:
    c = completion(AUDITS)
    assert (c.planned, c.done, c.overdue, c.due, c.on_time, c.open) == (6, 4, 1, 5, 3, 2)
    assert c.on_time_share == Share(3, 5)
    assert str(c.on_time_share) == "60% (3 of 5)"


def test_completion_by_team() -> None:
    by_team = completion_by(AUDITS, lambda a: a.team)
    assert {t: (c.planned, c.done, c.overdue) for t, c in by_team.items()} == {
        "East": (3, 2, 1),
        "West": (3, 2, 0),
    }


def test_good_or_better_counts_only_graded_audits() -> None:
    assert good_or_better(AUDITS) == Share(2, 4)
    assert good_or_better(AUDITS).percent == 50
    assert str(Share(0, 0)) == "none yet"


def test_the_moderation_change_rate_is_of_the_audits_moderated() -> None:
    found = moderation(AUDITS)
    assert (found.moderated, found.changed, found.change_rate.percent) == (2, 1, 50)


def test_domain_grades_add_up_across_teams_and_months() -> None:
    counts = [
        GradeCount(NOV, "East", "Voice of the child", 2, 3),
        GradeCount(NOV, "West", "Voice of the child", 1, 3),
        GradeCount(date(2026, 10, 1), "East", "Voice of the child", 3, 3),
        GradeCount(NOV, "East", "Planning", 0, 3),
    ]
    assert domain_shares(counts, lambda g: g.domain) == {
        "Voice of the child": Share(6, 9),
        "Planning": Share(0, 3),
    }
    assert domain_shares(counts, lambda g: (g.domain, g.month))[("Voice of the child", NOV)] == Share(3, 6)
    assert Share(2, 3).percent == 67 and Share(2, 3).exact == Decimal("66.7")


def test_an_audit_not_yet_due_counts_as_planned_only() -> None:
    early = counted(ROWS, date(2026, 11, 15))  # before the due dates of the 20th
    c = completion(early)
    assert (c.planned, c.done, c.overdue, c.due, c.on_time) == (6, 4, 0, 0, 0)
