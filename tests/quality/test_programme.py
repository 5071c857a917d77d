"""The programme as the quality assurance lead and the auditors run it: versioned tools, cohorts shared
out among auditors, audits graded and moderated, and a safeguarding concern emailed at once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.quality.audits import AuditRefused, Grading, complete, moderate
from oversight.quality.cohorts import NewCohort, create_cohort
from oversight.quality.moderation import share_out_moderation
from oversight.quality.reading import summary
from oversight.quality.scales import OFSTED_GRADES, Domain
from oversight.quality.tools import ToolChanged, save_tool
from tests.quality.conftest import CASES, DOMAINS, DUE, QUINN, fresh, person

pytestmark = pytest.mark.django_db
NOV, DAY = date(2026, 11, 1), date(2026, 12, 1)
GOOD, RI = 1, 2  # places on Ofsted's scale


def user(username: str):
    return get_user_model().objects.get(username=username)


def grade(
    programme, ref: str, overall: int, domains=(GOOD, GOOD, RI), concern: str = "", on=date(2026, 11, 18)
):
    audit = programme.audit(ref)
    auditor = Actor(audit.auditor_name, audit.auditor_id)
    grading = Grading(list(domains), overall, "Clear plan.", "Supervision gaps.", "Safer at home.", concern)
    return complete(audit, grading, auditor, audit.revision, on)


def test_the_cohorts_cases_are_shared_out_in_turn_and_each_auditor_is_emailed_once(
    plan, mail_server, django_capture_on_commit_callbacks
) -> None:
    audrey, lara = person(plan, "audrey", "auditor"), user("lara")
    version = save_tool(plan.pk, "Case file audit", OFSTED_GRADES, 2, DOMAINS, QUINN)
    new = NewCohort("monthly", NOV, "November case audits", "", version, DUE)
    with django_capture_on_commit_callbacks(execute=True):
        cohort = create_cohort(plan.pk, new, CASES, [audrey, lara], QUINN)
    given = {a.case_ref: a.auditor_name for a in cohort.audits.all()}
    assert given == {"C2001": "Audrey", "C2002": "Lara", "C1001": "Audrey", "C1002": "Lara"}
    assert sorted(r.recipients for r in mail_server.received) == [
        ["audrey@council.example"],
        ["lara@council.example"],
    ]
    email = mail_server.to("audrey@council.example")[0]
    assert email.subject == "Improvement plan: 2 case audits for you, due 20 November 2026"
    assert "due by Friday 20 November 2026" in email.text
    assert (
        "http://testserver/plans/demo/quality/audits/" in email.text
        or "/plans/demo/quality/audits/" in email.text
    )
    assert "C2001" not in email.text and "C2001" not in email.html  # no case is named in an email


def test_changing_a_tool_makes_a_new_version_and_audits_keep_theirs(programme) -> None:
    tool = programme.version.tool
    more = (*DOMAINS, Domain("Outcomes", "Is the child's life better?"))
    second = save_tool(programme.plan.pk, tool.name, OFSTED_GRADES, 2, more, QUINN, tool, seen_version=1)
    assert second.number == 2 and programme.audit("C1001").cohort.tool_version.number == 1
    assert (
        save_tool(programme.plan.pk, tool.name, OFSTED_GRADES, 2, more, QUINN, tool, seen_version=2) == second
    )
    with pytest.raises(ToolChanged):  # made from version 1 after version 2 was saved
        save_tool(programme.plan.pk, tool.name, OFSTED_GRADES, 1, DOMAINS, QUINN, tool, seen_version=1)
    assert tool.versions.count() == 2


def test_an_audit_records_each_domains_grade_on_its_tools_scale(programme) -> None:
    audit = grade(programme, "C1001", GOOD)
    assert [(g.domain, g.label, g.good) for g in audit.grades.all()] == [
        ("Management oversight", "Good", True),
        ("Voice of the child", "Good", True),
        ("Planning", "Requires improvement", False),
    ]
    assert (audit.state, audit.completed, audit.overall_grade, audit.overall_good) == (
        "completed", date(2026, 11, 18), "Good", True,
    )  # fmt: skip


def test_a_save_from_a_page_made_before_the_last_change_is_refused_and_changes_nothing(programme) -> None:
    audit = programme.audit("C1001")
    grade(programme, "C1001", GOOD)
    stale = Grading([RI, RI, RI], RI, "", "", "")
    with pytest.raises(AuditRefused, match="Someone changed this audit after you opened it"):
        complete(audit, stale, Actor("Audrey"), audit.revision, date(2026, 11, 19))
    assert programme.audit("C1001").overall_grade == "Good"


def test_a_concern_emails_the_teams_manager_at_once_and_names_no_child(
    programme, mail_server, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        audit = grade(programme, "C1001", RI, concern="Mother's new partner is a registered sex offender.")
    [email] = mail_server.to("lee@council.example")
    audit_id = audit.pk
    assert email.subject == f"Improvement plan: an immediate safeguarding concern from case audit {audit_id}"
    assert f"/plans/demo/quality/audits/{audit_id}/" in email.text
    assert "Safeguarding East" in email.text
    for part in (email.text, email.html):
        assert "C1001" not in part and "sex offender" not in part
    logged = Change.objects.filter(field=f"case audit {audit_id}: immediate safeguarding concern").get()
    assert logged.new_value == "raised for Safeguarding East; its manager emailed"
    # the audit log, which every role reads, never names the child
    assert not Change.objects.filter(new_value__contains="C1001").exists()
    with django_capture_on_commit_callbacks(execute=True):  # saved again: the manager is not told twice
        grade(
            programme, "C1001", RI, concern="Mother's new partner is a registered sex offender. Police told."
        )
    assert len(mail_server.to("lee@council.example")) == 1
    with pytest.raises(AuditRefused, match="cannot be taken back"):
        grade(programme, "C1001", RI, concern="")


def test_moderation_replaces_the_grade_in_the_figures_and_keeps_the_auditors(programme) -> None:
    grade(programme, "C1001", GOOD)  # audrey's
    grade(programme, "C1002", GOOD)  # lara's
    before = summary(fresh(programme.plan), NOV, DAY)
    assert (before.good.part, before.good.whole) == (2, 2)
    audit = programme.audit("C1001")
    with pytest.raises(AuditRefused, match="not by the one who did it"):
        moderate(audit, RI, "", Actor("Audrey"), user("audrey"), audit.revision, DAY)
    moderated = moderate(audit, RI, "Drift not challenged.", QUINN, user("quinn"), audit.revision, DAY)
    assert (moderated.overall_grade, moderated.agreed_grade, moderated.overall_good) == (
        "Good",
        "Requires improvement",
        False,
    )
    after = summary(fresh(programme.plan), NOV, DAY)
    assert (after.good.part, after.good.whole) == (1, 2)
    assert (after.moderation.moderated, after.moderation.changed) == (1, 1)
    with pytest.raises(AuditRefused, match="can no longer be changed"):
        grade(programme, "C1001", GOOD)


def test_a_sample_for_moderation_never_goes_to_the_audits_own_auditor(
    programme, mail_server, django_capture_on_commit_callbacks
) -> None:
    for ref in ("C1001", "C1002", "C2001", "C2002"):
        grade(programme, ref, GOOD)
    audrey, lara = user("audrey"), user("lara")
    with django_capture_on_commit_callbacks(execute=True):
        given = share_out_moderation(programme.cohort, Decimal(1), [audrey, lara], 7, QUINN)
    assert given == 4
    for audit in programme.cohort.audits.all():
        assert audit.moderator_id not in (None, audit.auditor_id)
    assert (
        sorted(r.subject for r in mail_server.received) == ["Improvement plan: 2 case audits to moderate"] * 2
    )
    assert share_out_moderation(programme.cohort, Decimal(1), [audrey], 7, QUINN) == 0


def test_each_morning_an_auditor_is_told_once_of_a_cohorts_audits_now_overdue(
    programme, mail_server, django_capture_on_commit_callbacks
) -> None:
    from oversight.notices.sending import deliver, post
    from oversight.quality.each_day import each_day

    grade(programme, "C1001", GOOD)  # audrey's other audit, C2001, is still to do
    assert each_day(programme.plan, date(2026, 11, 20)) == []  # due today: not yet overdue
    letters = each_day(programme.plan, date(2026, 11, 21))
    assert sorted((x.user.username, x.subject) for x in letters) == [
        ("audrey", "Improvement plan: 1 case audit overdue since 20 November 2026"),
        ("lara", "Improvement plan: 2 case audits overdue since 20 November 2026"),
    ]
    post(letters, send=False)
    deliver()
    post(each_day(programme.plan, date(2026, 11, 22)), send=False)  # the next morning: nothing new
    deliver()
    [told] = [r for r in mail_server.to("audrey@council.example") if "overdue" in r.subject]
    assert "due by Friday 20 November 2026 and is not yet done" in told.text
