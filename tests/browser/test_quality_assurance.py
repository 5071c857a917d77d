"""The case audit programme in the browser: the quality assurance lead chooses a cohort, an auditor from
a partner agency completes an audit after an error, raising a safeguarding concern that emails the team's
manager at once (a real SMTP server on loopback), and the lead moderates it. Every page on the way is
checked with axe at 320 and 1,280 px."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from oversight.audit.actors import Actor
from oversight.quality.models import CaseAudit, Team
from oversight.quality.scales import OFSTED_GRADES
from oversight.quality.tools import save_tool
from tests.browser.conftest import fill_date
from tests.quality.conftest import DOMAINS, person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def grade(page, question: str, grade: str) -> None:
    page.get_by_role("group", name=question).get_by_label(grade, exact=True).check()


def test_an_audit_done_after_an_error_raises_a_concern_and_is_moderated(
    browser_plan, sign_in, visit, submit, follow, mail_server
):
    person(browser_plan, "quinn", "qa_lead")
    person(browser_plan, "audrey", "auditor")
    lee = get_user_model().objects.get(username="lee")
    Team.objects.create(plan=browser_plan, name="Safeguarding East", manager=lee)
    save_tool(browser_plan.pk, "Case file audit", OFSTED_GRADES, 2, DOMAINS, Actor("setup"))

    quinn = sign_in("quinn")
    visit(quinn, "/plans/demo/quality/")
    follow(quinn, "Cohorts and their cases")
    submit(quinn, "Choose the cohort", status=400)
    assert "Enter a title" in quinn.locator(".govuk-error-summary").inner_text()
    quinn.get_by_label("Title").fill("November case audits")
    fill_date(quinn, "Month", date(2026, 11, 1), ("month", "year"))
    fill_date(quinn, "Due by", date(2026, 11, 20))
    quinn.get_by_label("Audrey").check()
    quinn.get_by_label("Cases", exact=True).fill(
        "C1001, Safeguarding East, Jo Smith\nC2001, Children in Care"
    )
    submit(quinn, "Choose the cohort")
    assert "November case audits: 2 cases shared among 1 auditor." in quinn.locator("main").inner_text()
    audit = CaseAudit.objects.get(case_ref="C1001")
    assert [r.recipients for r in mail_server.received] == [["audrey@council.example"]]

    audrey = sign_in("audrey")  # a case auditor of one plan lands on her audits
    assert audrey.url.endswith("/plans/demo/quality/audits/")
    follow(audrey, f"Case audit {audit.pk}")
    grade(audrey, "Management oversight", "Good")
    submit(audrey, "Save the audit", status=400)
    errors = audrey.locator(".govuk-error-summary").inner_text()
    assert "Choose a grade for voice of the child" in errors and "Choose a grade for overall grade" in errors
    grade(audrey, "Voice of the child", "Requires improvement")
    grade(audrey, "Planning", "Inadequate")
    grade(audrey, "Overall grade", "Good")
    audrey.get_by_label("Strengths").fill("The child's wishes are recorded at every visit.")
    audrey.get_by_label("Immediate safeguarding concern").fill("No visit for eight weeks while on a plan.")
    submit(audrey, "Save the audit")
    assert f"Case audit {audit.pk} is saved." in audrey.locator("main").inner_text()
    audrey.get_by_label("What must be done").fill("Visit the child this week and update the plan.")
    audrey.get_by_label("Who will do it").select_option(label="Lee")
    fill_date(audrey, "Due by", date(2026, 11, 27))
    submit(audrey, "Set the case action")
    assert "The case action is set for 27 November 2026." in audrey.locator("main").inner_text()
    [concern] = mail_server.to("lee@council.example")
    assert (
        concern.subject == f"Improvement plan: an immediate safeguarding concern from case audit {audit.pk}"
    )

    visit(quinn, f"/plans/demo/quality/audits/{audit.pk}/")
    grade(quinn, "Agreed overall grade", "Requires improvement")
    submit(quinn, "Save the moderation")
    assert f"Case audit {audit.pk} is moderated." in quinn.locator("main").inner_text()
    assert CaseAudit.objects.get(pk=audit.pk).agreed_grade == "Requires improvement"

    visit(quinn, f"/plans/demo/quality/cohorts/{audit.cohort_id}/findings/")
    quinn.get_by_label("Findings").fill("Visits lapse when a worker leaves: plans drift without challenge.")
    quinn.get_by_label("Evidence for plan actions").fill("2.1")
    submit(quinn, "Save the findings")
    assert "added as evidence to 2.1" in quinn.locator("main").inner_text()
    visit(quinn, "/plans/demo/quality/case-actions/")
    assert "Visit the child this week" in quinn.locator("main").inner_text()
    visit(quinn, "/plans/demo/quality/?month=2026-11")
    assert "0% (0 of 1)" in quinn.locator("main").inner_text()  # moderated to Requires improvement

    manager = sign_in("lee")
    visit(manager, f"/plans/demo/quality/audits/{audit.pk}/")
    assert "No visit for eight weeks" in manager.locator("main").inner_text()


def test_the_programmes_other_pages(browser_plan, sign_in, visit, submit, follow, write_csv):
    person(browser_plan, "quinn", "qa_lead")
    quinn = sign_in("quinn")
    for url in ("/plans/demo/quality/tools/", "/plans/demo/quality/teams/", "/plans/demo/quality/themes/"):
        visit(quinn, url)
    visit(quinn, "/plans/demo/quality/tools/")
    submit(quinn, "Make the tool")  # a case file audit on Ofsted's scale with six domains, as offered
    assert "The audit tool Case file audit is made." in quinn.locator("main").inner_text()
    visit(quinn, "/plans/demo/quality/import/")
    log = [
        ["Month", "Child ID", "Team", "Auditor", "Completed", "Overall grade", "Management oversight"],
        ["Sep 2026", "C9001", "Safeguarding East", "Lara", "2026-09-14", "Good", "Adequate"],
    ]
    quinn.get_by_label("File", exact=True).set_input_files(write_csv("audits.csv", log))
    submit(quinn, "Upload and preview", status=400)  # 'Adequate', and five domains with no column
    assert "'Adequate' is not a grade" in quinn.locator("main").inner_text()
    log[1][-1] = "Good"
    log[0] += ["Quality of supervision", "Voice of the child", "Assessment", "Planning", "Outcomes"]
    log[1] += ["Good", "Requires improvement", "Good", "Good", "Good"]
    visit(quinn, "/plans/demo/quality/import/")
    quinn.get_by_label("File", exact=True).set_input_files(write_csv("audits.csv", log))
    submit(quinn, "Upload and preview")
    submit(quinn, "Import these changes")
    assert "Imported case audits into" in quinn.locator("main").inner_text()
    visit(quinn, "/plans/demo/quality/practice-weeks/")
    quinn.get_by_label("Title").fill("Practice development week")
    fill_date(quinn, "First day", date(2017, 3, 6))
    fill_date(quinn, "Last day", date(2017, 3, 10))
    quinn.get_by_label("Activities").fill(
        "5 review conferences\n20 team-based discussions\nthree live audits"
    )
    submit(quinn, "Record the week", status=400)
    assert "Line 3: start with how many" in quinn.locator(".govuk-error-summary").inner_text()
    quinn.get_by_label("Activities").fill("5 review conferences\n20 team-based discussions\n3 live audits")
    submit(quinn, "Record the week")
    assert "Practice development week is recorded: 28 activities." in quinn.locator("main").inner_text()
