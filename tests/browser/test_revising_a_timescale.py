"""A lead asks for a new deadline, an officer approves it, and the lead is told by email (a real SMTP
server on loopback); every page on the way is checked with axe at 320 and 1,280 px."""

from __future__ import annotations

import pytest

from oversight.plans.models import Action

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_lead_asks_for_a_new_deadline_an_officer_approves_it_and_the_lead_is_told(
    sign_in, visit, submit, follow, mail_server
):
    lara = sign_in("lara")
    visit(lara, "/plans/demo/actions/2.2/withdraw/")
    submit(lara, "Send the request", status=400)
    assert "Enter why the action is no longer applicable" in lara.locator(".govuk-error-summary").inner_text()
    visit(lara, "/plans/demo/actions/2.1/")
    follow(lara, "Ask for a revised timescale")
    submit(lara, "Send the request", status=400)  # nothing typed: both problems listed
    summary = lara.locator(".govuk-error-summary").inner_text()
    assert "Enter the revised timescale" in summary and "Enter why the timescale needs revising" in summary
    lara.get_by_label("Revised timescale").fill("Sep 17")
    lara.get_by_label("Why does it need revising?").fill("Delayed until the new case system goes live.")
    submit(lara, "Send the request")
    assert "It is waiting for a decision" in lara.locator("main").inner_text()
    assert [r.recipients for r in mail_server.received] == [["olivia@council.example"]]

    olivia = sign_in("olivia")
    visit(olivia, "/plans/demo/timescales/")
    olivia.get_by_label("Approve it").check()
    submit(olivia, "Save the decision on action 2.1")
    assert "The request about action 2.1 is approved." in olivia.locator("main").inner_text()
    assert Action.objects.get(action_id="2.1").timescale == "Sep 17"

    told = mail_server.to("lara@council.example")
    assert [e.subject for e in told] == ["Improvement plan: the revised timescale of action 2.1 is approved"]
    visit(lara, "/plans/demo/actions/2.1/")
    assert (
        "Originally Dec 16 - Mar 17; revised 1 time, 6 months later than first planned"
        in lara.locator("main").inner_text()
    )


def test_an_officer_says_an_action_the_plan_file_dropped_is_withdrawn(
    sign_in, visit, submit, follow, write_csv
):
    from oversight.audit.actors import Actor
    from oversight.plans.plan_import import import_plan
    from tests.conftest import PLAN_ROWS

    olivia = sign_in("olivia")
    visit(olivia, "/plans/demo/actions/2.1/")
    follow(olivia, "Edit the action's words")
    olivia.get_by_label("Agency involvement").fill("Police, Health")
    submit(olivia, "Save the action")
    assert "Action 2.1: changed agencies." in olivia.locator("main").inner_text()
    import_plan(write_csv("plan-without-2.3.csv", PLAN_ROWS[:-1]), "demo", Actor("setup"))
    visit(olivia, "/plans/demo/actions/")
    follow(olivia, "1 action no longer in the plan file: is it withdrawn?")
    submit(olivia, "Withdraw the actions ticked", status=400)  # no reason given
    olivia.get_by_label("Why are they no longer applicable?").fill("Merged into action 2.2.")
    submit(olivia, "Withdraw the actions ticked")
    assert "1 action withdrawn." in olivia.locator("main").inner_text()
    assert Action.objects.get(action_id="2.3").withdrawn_from is not None
