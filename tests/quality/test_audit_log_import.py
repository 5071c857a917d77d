"""A council's audit log from before Oversight, imported all or nothing: every problem named with its
row and column, nothing changed by a file with any; the same audits never imported twice."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.problems import ImportFailed
from oversight.quality.audit_log_import import import_audit_log
from oversight.quality.models import CaseAudit, Cohort
from oversight.quality.reading import summary
from tests.quality.conftest import fresh

pytestmark = pytest.mark.django_db
HEADER = [
    "Month", "Audit type", "Child ID", "Team", "Worker", "Auditor", "Completed", "Overall grade",
    "Management oversight", "Voice of the child", "Planning", "Moderated grade", "Moderator", "Strengths",
]  # fmt: skip
GOOD = ("Good", "Good", "Good")


def row(
    case: str,
    *,
    month: object = "Sep 2026",
    kind: str = "",
    team: str = "East",
    worker: str = "",
    auditor: str = "Lara",
    completed: object = "2026-09-14",
    overall: str = "Good",
    domains: tuple[str, str, str] = GOOD,
    agreed: str = "",
    moderator: str = "",
    strengths: str = "",
) -> list:
    return [
        month,
        kind,
        case,
        team,
        worker,
        auditor,
        completed,
        overall,
        *domains,
        agreed,
        moderator,
        strengths,
    ]


GOOD_ROWS = [
    row("C9001", kind="Monthly case audit", team="Safeguarding East", worker="Jo Smith",
        domains=("Good", "Requires improvement", "Good"), strengths="Clear plan."),
    row("C9002", team="Children in Care", auditor="Audrey", completed="15/09/2026",
        overall="requires improvement",
        domains=("Requires improvement", "Good", "Inadequate"), agreed="Inadequate", moderator="Quinn"),
    row("C9003", month="2026-10", kind="Dip sample", team="Children in Care", auditor="Ms Agency Auditor",
        completed="", overall="", domains=("", "", "")),
]  # fmt: skip
QUINN = Actor("Quinn")


def test_a_log_is_imported_into_cohorts_of_its_months_and_kinds(programme, write_csv) -> None:
    path = write_csv("audit-log.csv", [HEADER, *GOOD_ROWS])
    found = import_audit_log(path, "demo", QUINN)
    assert (found.audits, found.completed, found.moderated) == (3, 2, 1)
    assert found.lines(done=False)[0] == "Will import case audits into 'Improvement plan' from audit-log.csv:"
    september = Cohort.objects.get(title="Monthly case audit, September 2026 (imported)")
    assert september.chosen == "imported from audit-log.csv"
    first, second = september.audits.order_by("case_ref")
    assert (first.auditor_name, first.auditor.username, first.completed) == (
        "Lara",
        "lara",
        date(2026, 9, 14),
    )
    assert [(g.domain, g.label) for g in first.grades.all()] == [
        ("Management oversight", "Good"),
        ("Voice of the child", "Requires improvement"),
        ("Planning", "Good"),
    ]  # fmt: skip
    assert (second.overall_grade, second.agreed_grade, second.moderator_name, second.overall_good) == (
        "Requires improvement", "Inadequate", "Quinn", False,
    )  # fmt: skip
    dip = CaseAudit.objects.get(case_ref="C9003")
    assert (dip.cohort.kind, dip.state, dip.auditor, dip.auditor_name, dip.due) == (
        "dip_sample", "assigned", None, "Ms Agency Auditor", date(2026, 10, 1),
    )  # fmt: skip
    sep = summary(fresh(programme.plan), date(2026, 9, 1), date(2026, 10, 1))
    assert str(sep.good) == "50% (1 of 2)" and str(sep.moderation.change_rate) == "100% (1 of 1)"
    logged = Change.objects.get(field=f"case audit {first.pk}")
    assert logged.source == "quality assurance import: audit-log.csv"
    assert "C9001" not in logged.new_value and "overall Good" in logged.new_value
    with pytest.raises(ImportFailed) as again:
        import_audit_log(path, "demo", QUINN)
    assert "C9001 already has a monthly case audit in September 2026 on Oversight" in str(again.value)


def test_a_workbooks_dates_and_a_title_row_above_the_header_are_read(programme, write_xlsx) -> None:
    rows = [["Case file audits, kept by the QA team"], HEADER]
    rows.append(row("C9101", month=datetime(2026, 9, 1), auditor="lara", completed=datetime(2026, 9, 20)))
    import_audit_log(write_xlsx("log.xlsx", {"Audits": rows}), "demo", QUINN)
    audit = CaseAudit.objects.get(case_ref="C9101")
    assert (audit.cohort.month, audit.completed, audit.overall_grade) == (
        date(2026, 9, 1),
        date(2026, 9, 20),
        "Good",
    )


def test_every_problem_is_named_with_its_row_and_column_and_nothing_changes(programme, write_csv) -> None:
    before = (CaseAudit.objects.count(), Cohort.objects.count(), Change.objects.count())
    bad = [
        HEADER,
        row("C1", month="Septembre"),
        row("Jane Smith"),
        row("C3", overall="Adequate", domains=("Good", "Good", "")),
        row("C4", completed="", domains=("", "", "")),
        row("C5", kind="Peer review", team="", auditor="", completed="Sep 2026", agreed="Good"),
        row("C6"),
        row("c6"),
    ]
    with pytest.raises(ImportFailed) as failed:
        import_audit_log(write_csv("bad.csv", bad), "demo", QUINN)
    assert [str(p) for p in failed.value.problems] == [
        "bad.csv, row 2, column A (Month): 'Septembre' is not a month: expected one such as 2026-11,"
        " Nov 2026 or a date",
        "bad.csv, row 3, column C (Child ID): 'Jane Smith' is not a child's ID: letters, digits and - _ / ."
        " only, with no spaces (a case is named by its ID, never by the child's name)",
        "bad.csv, row 4, column H (Overall grade): 'Adequate' is not a grade on Case file audit's scale:"
        " expected one of Outstanding, Good, Requires improvement, Inadequate",
        "bad.csv, row 4, column K (Planning): expected a grade for Planning on Case file audit's scale",
        "bad.csv, row 5, column G (Completed): grades without the date the audit was completed: enter the"
        " date, or leave the grades blank for an audit not yet done",
        "bad.csv, row 6, column B (Audit type): 'Peer review' is not a kind of audit: expected one of Monthly"
        " case audit, Thematic deep dive, Dip sample, Live audit (Triple Lock), Multi-agency audit",
        "bad.csv, row 6, column D (Team): expected the team",
        "bad.csv, row 6, column F (Auditor): expected the auditor",
        "bad.csv, row 6, column G (Completed): 'Sep 2026' is not a date: expected one such as 2026-11-18 or"
        " 18/11/2026",
        "bad.csv, row 6, column M (Moderator): expected who moderated it",
        "bad.csv, row 8, column C (Child ID): c6 is audited twice in September 2026 (first on row 7)",
    ]
    assert (CaseAudit.objects.count(), Cohort.objects.count(), Change.objects.count()) == before


def test_a_utf_16_file_is_read_by_its_mark_and_refused_in_words_without_one(programme, write_csv) -> None:
    import_audit_log(write_csv("unicode.csv", [HEADER, GOOD_ROWS[0]], encoding="utf-16"), "demo", QUINN)
    assert CaseAudit.objects.filter(case_ref="C9001").exists()
    with pytest.raises(ImportFailed) as failed:
        import_audit_log(
            write_csv("no-mark.csv", [HEADER, GOOD_ROWS[1]], encoding="utf-16-le"), "demo", QUINN
        )
    assert "it may be UTF-16 or UTF-32 without a byte-order mark" in str(failed.value)
