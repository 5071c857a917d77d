"""Revised timescales and withdrawals (Bromley's "delayed until September 2017", "no longer applicable and
will never be progressed"): the original timescale is kept, each month's report counts an action against
the timescale in force in that month, and a withdrawn action leaves the counts from its month, not before.

The small plan (tests/conftest.py): 1.1 "Nov 16" (HOS LS: lee), 2.1 "Dec 16 - Mar 17" (HOS CLA: lara),
2.2 "Jan 17" (both)."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.plans.models import Action, TimescaleChange
from oversight.plans.register import register
from oversight.plans.report_data import exception_report
from oversight.plans.status_import import import_statuses
from oversight.plans.timescale_changes import ChangeRefused, decide, request_change, request_withdrawal

pytestmark = pytest.mark.django_db
LARA, OLIVIA = Actor("Lara"), Actor("Olivia")
ASKED = (
    "Dec 16 - Mar 17 (December 2016 - March 2017) to Jun 17 (December 2016 - June 2017), because Waiting "
    "for the new system."
)


def action(action_id: str) -> Action:
    return Action.objects.select_related("plan").get(plan__slug="demo", action_id=action_id)


def retime(action_id: str, timescale: str, on: date, reason: str = "Delayed.") -> TimescaleChange:
    change = request_change(action(action_id), timescale, reason, LARA)
    return decide(change, True, "", OLIVIA, on)


def statuses(write_csv, as_at: date, *rows: tuple[str, str, str]) -> None:
    path = write_csv(f"status-{as_at}.csv", [["Action ID", "RAG", "Commentary"], *rows])
    import_statuses(path, "demo", as_at, Actor("setup"))


def red_in_table_2(report) -> list[int]:
    return report.trend_total


def test_an_action_re_timed_twice_keeps_its_original_timescale_and_counts_its_slippage(plan) -> None:
    retime("2.1", "Jun 17", date(2017, 1, 20), "Delayed until the new system goes live.")
    retime("2.1", "Sep 17", date(2017, 2, 12), "Delayed until September 2017.")
    retimed = action("2.1")
    assert (retimed.timescale, retimed.last_month) == ("Sep 17", date(2017, 9, 1))
    report = exception_report("demo", date(2017, 2, 28))
    [row] = report.retimed
    assert (row.original, row.now, row.revisions, row.months, row.this_month) == (
        "Dec 16 - Mar 17", "Sep 17", 2, 6, True,
    )  # fmt: skip
    by_priority = {r.priority: r for r in report.slippage}
    assert (by_priority[2].retimed_this_month, by_priority[2].retimed, by_priority[2].months) == (1, 1, 6)
    assert report.slippage_total.months == 6
    january = exception_report("demo", date(2017, 1, 31))
    assert [(r.now, r.revisions, r.months, r.this_month) for r in january.retimed] == [("Jun 17", 1, 3, True)]
    assert exception_report("demo", date(2016, 12, 31)).retimed == []


def test_table_2_counts_a_past_month_against_the_timescale_in_force_then(plan, write_csv) -> None:
    statuses(write_csv, date(2016, 12, 31), ("1.1", "R", "Protocol not agreed."))
    statuses(write_csv, date(2017, 2, 28), ("1.1", "R", "Still not agreed."))
    retime("1.1", "Apr 17", date(2017, 2, 3))  # 1.1 was due in November 2016
    report = exception_report("demo", date(2017, 2, 28), months=3)
    assert report.trend_months == [date(2016, 12, 1), date(2017, 1, 1), date(2017, 2, 1)]
    assert red_in_table_2(report) == [1, 1, 0]  # Red and due in December and January; not yet due now
    assert "1.1" not in {a.action_id for a in report.red_actions}
    before = exception_report("demo", date(2017, 1, 31))
    assert "1.1" in {a.action_id for a in before.red_actions}  # January's report as it was


def test_a_withdrawn_action_leaves_the_counts_from_its_month_and_not_before(plan, write_csv) -> None:
    statuses(write_csv, date(2017, 1, 31), ("2.2", "R", "Training not booked."))
    statuses(write_csv, date(2017, 2, 28), ("2.2", "R", "Training not booked."))
    change = request_withdrawal(action("2.2"), "No longer applicable: the service has closed.", LARA)
    decide(change, True, "", OLIVIA, date(2017, 2, 15))
    february = exception_report("demo", date(2017, 2, 28), months=2)
    assert "2.2" not in {a.action_id for a in february.red_actions}
    assert red_in_table_2(february) == [2, 1]  # January: 1.1 and 2.2; February: 1.1
    [withdrawn] = february.withdrawn
    assert (withdrawn.action_id, withdrawn.since) == ("2.2", date(2017, 2, 1))
    assert withdrawn.why == "No longer applicable: the service has closed. (approved by Olivia)"
    january = exception_report("demo", date(2017, 1, 31))
    assert "2.2" in {a.action_id for a in january.red_actions} and january.withdrawn == []
    assert february.due == january.due - 1


@pytest.mark.parametrize("statuses_until", [None, date(2017, 3, 31)], ids=["summary", "history"])
def test_the_overviews_pace_counts_due_actions_as_the_report_does(plan, write_csv, statuses_until) -> None:
    if statuses_until:  # a status after the day asked for: the register is worked out from the history
        statuses(write_csv, statuses_until, ("2.1", "A", "On track."))
    retime("1.1", "Apr 17", date(2017, 2, 3))  # 1.1 was due in November 2016
    change = request_withdrawal(action("2.2"), "No longer applicable: the service has closed.", LARA)
    decide(change, True, "", OLIVIA, date(2017, 2, 15))
    plan.refresh_from_db()
    pace = {point.month: point.due for point in register(plan, date(2017, 2, 28)).pace}
    # 1.2 due in October; 1.1 in November, re-timed to April in February; 2.2 in January, withdrawn
    # in February
    assert [pace[date(2016, m, 1)] for m in (10, 11, 12)] == [1, 2, 2]
    assert [pace[date(2017, 1, 1)], pace[date(2017, 2, 1)]] == [3, 1]
    assert exception_report("demo", date(2017, 1, 31)).due == 3
    assert exception_report("demo", date(2017, 2, 28)).due == 1


def test_a_request_and_its_decision_are_in_the_audit_log_with_the_old_and_new_timescale(plan) -> None:
    retime("2.1", "Jun 17", date(2017, 1, 20), "Waiting for the new system.")
    changes = Change.objects.filter(action=action("2.1"), source="timescale changes").order_by("id")
    assert [(c.kind, c.field, c.old_value, c.new_value) for c in changes] == [
        ("added", "revised timescale", "", f"from {ASKED}"),
        ("changed", "revised timescale", "Waiting for a decision", f"Approved: from {ASKED}"),
        ("changed", "timescale", "Dec 16 - Mar 17", "Jun 17"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("timescale", "reason", "problem"),
    [
        ("", "Delayed.", "Enter the revised timescale"),
        ("next spring", "Delayed.", "'next spring' is not a timescale Oversight can read"),
        ("Dec 16 - Mar 17", "Delayed.", "That is its timescale now"),
        ("Jun 17", "  ", "Enter why the timescale needs revising"),
        ("x" * 101, "Delayed.", "The timescale must be 100 characters or less"),
    ],
)
def test_a_request_that_cannot_be_is_refused_and_records_nothing(plan, timescale, reason, problem) -> None:
    with pytest.raises(ChangeRefused) as refused:
        request_change(action("2.1"), timescale, reason, LARA)
    assert any(problem in text for text in refused.value.problems.values())
    assert not TimescaleChange.objects.exists()


def test_one_request_at_a_time_and_a_refusal_needs_a_reason(plan) -> None:
    change = request_change(action("2.1"), "Jun 17", "Delayed.", LARA)
    with pytest.raises(ChangeRefused, match="already waiting for a decision"):
        request_withdrawal(action("2.1"), "Not needed.", LARA)
    with pytest.raises(ChangeRefused, match="Enter why it is refused"):
        decide(change, False, "", OLIVIA, date(2017, 1, 20))
    decide(change, False, "The board wants it by March.", OLIVIA, date(2017, 1, 20))
    assert action("2.1").timescale == "Dec 16 - Mar 17"
    with pytest.raises(ChangeRefused, match="already refused by Olivia"):
        decide(change, True, "", OLIVIA, date(2017, 1, 20))


def test_an_approval_is_refused_when_the_timescale_changed_since_the_request(plan) -> None:
    change = request_change(action("2.1"), "Jun 17", "Delayed.", LARA)
    Action.objects.filter(plan__slug="demo", action_id="2.1").update(
        timescale="Apr 17", last_month=date(2017, 4, 1)
    )
    with pytest.raises(ChangeRefused, match="timescale changed to Apr 17 since the request"):
        decide(change, True, "", OLIVIA, date(2017, 1, 20))
    assert action("2.1").timescale == "Apr 17"


def test_every_paper_has_the_slippage_and_withdrawn_sections(plan, write_csv) -> None:
    from docx import Document
    from openpyxl import load_workbook

    from oversight.plans.render import renderer
    from tests.pdfs import read_pdf

    retime("2.1", "Jun 17", date(2017, 2, 3), "Waiting for the new system.")
    decide(
        request_withdrawal(action("2.2"), "The service has closed.", LARA), True, "", OLIVIA, date(2017, 2, 9)
    )
    report = exception_report("demo", date(2017, 2, 28))
    sentence = (
        "In February 2017 the timescales of 1 action were revised. 1 action in the plan now has a revised "
        "timescale, 3 months later than first planned in all."
    )
    word = Document(io.BytesIO(renderer("docx")(report)))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "6. Revised timescales (slippage)" in text and "7. Withdrawn actions" in text
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert (
        "Dec 16 - Mar 17" in cells
        and "Jun 17" in cells
        and "The service has closed. (approved by Olivia)" in cells
    )
    book = load_workbook(io.BytesIO(renderer("xlsx")(report)))
    assert list(book["Slippage"].iter_rows(values_only=True))[-1] == ("Total", 1, 1, 3)
    assert [r[0] for r in book["Withdrawn"].iter_rows(min_row=3, values_only=True)] == ["2.2"]
    markdown = renderer("md")(report).decode()
    assert "## Revised timescales (slippage)" in markdown and "## Withdrawn actions" in markdown
    pdf = read_pdf(renderer("pdf")(report))
    assert "6. Revised timescales (slippage)" in pdf.text and "7. Withdrawn actions" in pdf.text
    data = json.loads(renderer("json")(report))
    assert data["slippage"]["actions"][0]["months"] == 3 and data["withdrawn"][0]["from"] == "2017-02"
    assert sentence in text


def test_a_plan_file_that_revises_a_timescale_keeps_the_original_as_the_website_does(plan, write_csv) -> None:
    from oversight.plans.plan_import import import_plan
    from tests.conftest import PLAN_ROWS

    rows = [list(r) for r in PLAN_ROWS]
    rows[3][5] = "Dec 16 - Jun 17"  # 2.1, "Dec 16 - Mar 17" before
    import_plan(write_csv("plan-revised.csv", rows), "demo", Actor("setup"))
    [change] = TimescaleChange.objects.all()
    assert (change.state, change.old_timescale, change.new_timescale, change.source) == (
        "approved", "Dec 16 - Mar 17", "Dec 16 - Jun 17", "plan import: plan-revised.csv",
    )  # fmt: skip
    import_plan(write_csv("plan-again.csv", rows), "demo", Actor("setup"))
    assert TimescaleChange.objects.count() == 1  # the same file again revises nothing
