"""Every page of the site, in each state a person meets it in, passes axe-core at WCAG 2.2 AA.

visit, submit and follow run axe on each page they reach; these tests go everywhere."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.browser.conftest import fill_date
from tests.conftest import PASSWORD, PLAN_ROWS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_pages_before_signing_in(pages, browser_plan, visit, submit, mailoutbox):
    page = visit(pages.new(), "/sign-in/")
    page.context.clear_cookies()  # as when the page was left open past its session
    page.get_by_label("Username").fill("nora")
    page.get_by_label("Password").fill("wrong")
    submit(page, "Sign in", status=403)
    assert page.locator("h1").inner_text() == "Your form was not sent"

    visit(page, "/sign-in/")
    page.get_by_label("Username").fill("nora")
    for _ in range(4):
        page.get_by_label("Password").fill("wrong")
        submit(page, "Sign in")
        assert page.locator(".govuk-error-summary").is_visible()
    page.get_by_label("Password").fill("wrong")
    submit(page, "Sign in", status=429)
    assert page.locator("h1").inner_text() == "Too many attempts to sign in"

    visit(page, "/password-reset/")
    page.get_by_label("Email address").fill("not an address")
    submit(page, "Send the link")
    assert page.locator(".govuk-error-summary").is_visible()
    page.get_by_label("Email address").fill("olivia@council.example")
    submit(page, "Send the link")
    assert page.locator("h1").inner_text() == "Check your email"
    link = re.search(r"https?://\S+", mailoutbox[0].body).group(0)
    visit(page, link)  # redirected to the form, the token kept out of the address bar
    assert page.locator("h1").inner_text() == "Set a new password"
    page.get_by_label("New password", exact=True).fill("a long new password for olivia")
    page.get_by_label("Confirm the new password").fill("a different long password")
    submit(page, "Set password")
    assert page.locator(".govuk-error-summary").is_visible()
    visit(page, "/password-reset/MQ/not-a-token/")
    assert "This link has expired" in page.locator("main").inner_text()
    visit(page, "/password-reset/done/")


def test_the_pages_an_officer_sees(sign_in, visit, submit, follow, write_csv):
    page = sign_in("olivia")  # the sign-in page and the list of plans
    visit(page, "/plans/demo/")
    visit(page, "/plans/demo/priorities/2/")
    visit(page, "/plans/demo/actions/")
    visit(page, "/plans/demo/actions/?priority=1&rag=R&rag=none&lead=HOS+LS&overdue=1&stale=1")
    assert page.get_by_role("link", name="1.1", exact=True).is_visible()
    visit(page, "/plans/demo/actions/?q=nothing+like+this")
    visit(page, "/plans/demo/actions/9.9/", status=404)

    visit(page, "/plans/demo/actions/1.1/update/")
    page.get_by_label("Commentary").fill("")
    submit(page, "Save status", status=400)
    page.get_by_label("Commentary").fill("Protocol to the board in March.")
    page.get_by_label("Yes").check()  # Red: the delay poses an immediate safeguarding risk
    page.get_by_label("If so, what is being done about it?").fill("Cases reviewed weekly.")
    submit(page, "Save status")  # the action page, with its new status and a success message

    visit(page, "/plans/demo/actions/1.1/evidence/")
    submit(page, "Add evidence", status=400)
    page.get_by_label("A link").check()
    page.get_by_label("Link", exact=True).fill("https://documents.council.example/protocol")
    page.get_by_label("Title").fill("Governance protocol")
    submit(page, "Add evidence")  # the action page listing evidence that can be removed
    assert page.get_by_role("button", name="Remove Governance protocol").is_visible()
    follow(page, "Governance protocol")  # the page saying where the link goes
    assert page.locator("h1").inner_text() == "You are leaving Oversight"

    visit(page, "/plans/demo/my-actions/")
    visit(page, "/plans/demo/report/")

    visit(page, "/plans/demo/import/")
    submit(page, "Upload and preview", status=400)
    page.get_by_label("The plan", exact=True).check()
    page.get_by_label("File", exact=True).set_input_files(
        write_csv("bad.csv", [*PLAN_ROWS, ["", "2.4", "Audit supervision.", "PSW", "", "Ongoing"]])
    )
    submit(page, "Upload and preview", status=400)
    follow(page, "Upload a corrected file")
    page.get_by_label("The plan", exact=True).check()
    page.get_by_label("File", exact=True).set_input_files(write_csv("good.csv", PLAN_ROWS))
    submit(page, "Upload and preview")
    submit(page, "Cancel")  # back to the import page, told nothing was imported

    visit(page, "/plans/demo/people/")
    submit(page, "Add person", status=400)
    visit(page, "/plans/demo/audit/")
    visit(page, "/plans/demo/audit/?since-day=31&since-month=13&since-year=2017")
    assert page.locator(".govuk-error-summary").is_visible()


def test_the_pages_a_lead_sees(sign_in, visit, follow, submit):
    page = sign_in("lee")
    visit(page, "/plans/demo/my-actions/")
    follow(page, "Choose which emails you get")  # the monthly return reminders listed, the rest to choose
    page.get_by_label("A completion verified").uncheck()
    submit(page, "Save your choice")
    visit(page, "/plans/demo/my-actions/")
    follow(page, "Update action 1.1")
    visit(page, "/plans/demo/import/", status=403)


def test_the_pages_a_site_administrator_sees(sign_in, follow, submit, django_user_model):
    django_user_model.objects.create_superuser("sam", "sam@council.example", PASSWORD)
    page = sign_in("sam")
    follow(page, "Start a new plan")
    submit(page, "Start the plan", status=400)
    page.get_by_label("Title").fill("Children's services improvement plan")
    page.get_by_label("Council").fill("Anytown Borough Council")
    page.get_by_label("Short name").fill("anytown-2026")
    submit(page, "Start the plan")  # the new plan's import page, with a success message
    assert page.url.endswith("/plans/anytown-2026/import/")


def test_the_pages_a_board_member_sees(sign_in, visit, submit, follow):
    page = sign_in("bob")
    visit(page, "/plans/demo/actions/?awaiting=1")
    visit(page, "/plans/demo/actions/1.2/")  # Green, awaiting verification
    follow(page, "Verify the completion")  # the confirmation page, with its evidence and measures
    submit(page, "Verify the completion", status=400)  # no evidence and no reason why none is needed
    visit(page, "/plans/demo/verify/?action=1.1&action=1.2")  # several at once, as ticked in a pack
    visit(page, "/plans/demo/actions/1.2/")
    follow(page, "Send back")
    submit(page, "Send back to Amber", status=400)
    page.get_by_label("Why is it not complete yet?").fill("The minutes do not record the agreement.")
    submit(page, "Send back to Amber")  # the action page, Amber with the reason as commentary
    assert "Sent back by Bob: The minutes do not record the agreement." in page.locator("main").inner_text()


def test_the_settings_an_administrator_sees(sign_in, visit, submit):
    page = sign_in("alice")
    visit(page, "/plans/demo/settings/")
    page.get_by_label("Completions are verified only on evidence already marked as verified").check()
    submit(page, "Save the settings")  # the same page, with a success message


def test_the_governance_pages_an_officer_sees(sign_in, visit, submit, write_csv):
    from oversight.audit.actors import Actor
    from oversight.governance.recommendation_import import import_recommendations

    rows = [
        [
            "No",
            "Recommendation",
            "Putting Children First Pillars",
            "Theme",
            "Actions",
            "Update at 31.12.2017",
        ],
        [
            "1",
            "Ensure leaders oversee practice.",
            "People and Leadership",
            "Leadership",
            "1.1",
            "Audits weekly.",
        ],
    ]
    import_recommendations(write_csv("recs.csv", rows), "demo", date(2016, 8, 1), Actor("officer"))
    page = sign_in("olivia")
    visit(page, "/plans/demo/governance/")
    visit(page, "/plans/demo/governance/recommendations/")
    from oversight.governance.models import Recommendation

    visit(page, f"/plans/demo/governance/recommendations/{Recommendation.objects.get().pk}/")
    page.get_by_label("Action IDs that answer it").fill("1.1 9.9")
    submit(page, "Save the actions", status=400)
    fill_date(page, "Update at", date(2018, 3, 31))
    page.get_by_label("Progress: what has been done").fill("Practice week held.")
    submit(page, "Add the update")
    assert "Update at 31 March 2018" in page.locator("main").inner_text()


def test_the_monitoring_visit_pages(sign_in, visit, submit):
    page = sign_in("olivia")
    visit(page, "/plans/demo/governance/visits/")
    submit(page, "Record the visit", status=400)
    fill_date(page, "Date", date(2017, 3, 14))
    page.get_by_label("Inspectors").fill("Jane Inspector HMI")
    page.get_by_label("Focus").fill("The front door.")
    page.get_by_label("Link to the published letter").fill("https://files.ofsted.gov.uk/v1/file/1")
    submit(page, "Record the visit")  # the visit's own page
    assert "Monitoring visit, 14 March 2017" in page.locator("h1").inner_text()
