"""A lead asks for a revised timescale on the website, the officers are emailed, an officer approves it
on the plan's page of requests, and the lead is told; the action's page shows the original timescale,
the revisions and the slippage."""

from __future__ import annotations

import pytest

from oversight.plans.models import Action, TimescaleChange
from tests import parsed

pytestmark = pytest.mark.django_db
ACTION = "/plans/demo/actions/2.1/"  # "Dec 16 - Mar 17", led by HOS CLA: lara


def ask(client, timescale: str = "Sep 17", reason: str = "Delayed until September 2017."):
    return client.post(ACTION + "timescale/", {"timescale": timescale, "reason": reason})


def test_a_lead_asks_an_officer_approves_and_the_lead_is_told(
    signed_in, mail_server, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(signed_in("lara"))
    assert response["Location"] == ACTION
    [asked] = mail_server.received
    assert asked.recipients == ["olivia@council.example"]
    assert asked.subject == "Improvement plan: Lara asks for a revised timescale of action 2.1"
    assert "http://localhost:8000/plans/demo/timescales/" in asked.text
    page = parsed.visible_text(signed_in("lara").get(ACTION))
    assert "asked on" in page and "for the timescale to be revised to Sep 17" in page

    change = TimescaleChange.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        decided = signed_in("olivia").post(
            f"/plans/demo/timescales/{change.pk}/", {f"change-{change.pk}-decision": "approve"}
        )
    assert decided["Location"] == "/plans/demo/timescales/"
    told = mail_server.to("lara@council.example")
    assert [email.subject for email in told] == [
        "Improvement plan: the revised timescale of action 2.1 is approved"
    ]
    assert "The action's timescale is now Sep 17" in told[0].text
    page = parsed.visible_text(signed_in("lara").get(ACTION))
    assert "Sep 17 (December 2016 to September 2017)" in page
    assert "Originally Dec 16 - Mar 17; revised 1 time, 6 months later than first planned" in page
    assert Action.objects.get(plan__slug="demo", action_id="2.1").timescale == "Sep 17"


def test_a_refusal_needs_a_reason_and_leaves_the_timescale(signed_in) -> None:
    ask(signed_in("lara"))
    change = TimescaleChange.objects.get()
    url = f"/plans/demo/timescales/{change.pk}/"
    refused = signed_in("bob").post(url, {f"change-{change.pk}-decision": "refuse"})
    assert refused.status_code == 400 and "Enter why it is refused" in parsed.visible_text(refused)
    signed_in("bob").post(
        url,
        {f"change-{change.pk}-decision": "refuse", f"change-{change.pk}-reason": "The board wants March."},
    )
    change.refresh_from_db()
    assert (change.state, change.decided_by) == ("refused", "Bob")
    assert Action.objects.get(plan__slug="demo", action_id="2.1").timescale == "Dec 16 - Mar 17"


def test_an_unreadable_timescale_is_refused_with_the_forms_it_can_take(signed_in) -> None:
    response = ask(signed_in("lara"), timescale="after the summer")
    assert response.status_code == 400
    assert "'after the summer' is not a timescale Oversight can read" in parsed.visible_text(response)
    assert not TimescaleChange.objects.exists()


def test_a_lead_asks_for_a_withdrawal_and_a_board_member_approves_it(signed_in) -> None:
    response = signed_in("lara").post(ACTION + "withdraw/", {"reason": "The service has closed."})
    assert response["Location"] == ACTION
    change = TimescaleChange.objects.get()
    assert change.kind == "withdraw"
    signed_in("bob").post(f"/plans/demo/timescales/{change.pk}/", {f"change-{change.pk}-decision": "approve"})
    action = Action.objects.get(plan__slug="demo", action_id="2.1")
    assert action.withdrawn_from is not None
    page = parsed.visible_text(signed_in("lara").get(ACTION))
    assert "no longer applicable, and not counted as due" in page
    mine = signed_in("lara").get("/plans/demo/my-actions/")
    assert "2.1" not in {a.action_id for a in mine.context["to_update"]}


def test_a_lead_cannot_decide_nor_ask_about_another_leads_action(signed_in) -> None:
    ask(signed_in("lara"))
    change = TimescaleChange.objects.get()
    assert signed_in("lara").post(f"/plans/demo/timescales/{change.pk}/", {}).status_code == 403
    assert (
        signed_in("lee").post(ACTION + "timescale/", {"timescale": "Sep 17", "reason": "x"}).status_code
        == 403
    )
    assert signed_in("vic").get(ACTION + "withdraw/").status_code == 403


def test_actions_a_plan_file_drops_are_withdrawn_by_an_officer_and_stay_in_earlier_months(
    signed_in, write_csv
) -> None:
    from datetime import date

    from oversight.audit.actors import Actor
    from oversight.plans.plan_import import import_plan
    from oversight.plans.report_data import exception_report
    from tests.conftest import PLAN_ROWS

    january = exception_report("demo", date(2017, 1, 31))
    import_plan(write_csv("plan-without-2.3.csv", PLAN_ROWS[:-1]), "demo", Actor("setup"))
    client = signed_in("olivia")
    listed = parsed.visible_text(client.get("/plans/demo/actions/"))
    assert "1 action no longer in the plan file: is it withdrawn?" in listed
    refused = client.post("/plans/demo/left-the-plan/", {"actions": ["2.3"], "reason": ""})
    assert (
        refused.status_code == 400
        and "Enter why these actions are no longer applicable" in parsed.visible_text(refused)
    )
    client.post("/plans/demo/left-the-plan/", {"actions": ["2.3"], "reason": "Merged into 2.2."})
    withdrawn = Action.objects.get(plan__slug="demo", action_id="2.3")
    assert withdrawn.withdrawn_from is not None and not withdrawn.in_plan
    assert "no longer in the plan file" not in parsed.visible_text(client.get("/plans/demo/actions/"))
    assert exception_report("demo", date(2017, 1, 31)).due == january.due  # earlier months still count it
    assert signed_in("lee").get("/plans/demo/left-the-plan/").status_code == 403
