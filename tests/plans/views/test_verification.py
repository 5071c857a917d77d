"""Board members verify completions or send them back to Amber with a reason."""

from __future__ import annotations

import pytest

from oversight.plans.models import Change, StatusRecord, Verification

pytestmark = pytest.mark.django_db

ACTION = "/plans/demo/actions/1.2/"  # Green in the plan fixture


def test_a_green_action_awaits_verification_and_shows_on_the_overview(signed_in) -> None:
    client = signed_in("bob")
    assert "Awaiting verification" in client.get(ACTION).content.decode()
    assert "1 complete, awaiting verification" in client.get("/plans/demo/").content.decode()
    listed = client.get("/plans/demo/actions/?awaiting=1").content.decode()
    assert "/plans/demo/actions/1.2/" in listed and "/plans/demo/actions/1.1/" not in listed


def test_a_board_member_verifies_a_completion(signed_in) -> None:
    client = signed_in("bob")
    assert client.post(ACTION + "verify/")["Location"] == ACTION
    verification = Verification.objects.get()
    assert (verification.outcome, verification.actor) == ("verified", "Bob")
    page = client.get(ACTION).content.decode()
    assert "Verified</strong>" in page and "Verify the completion" not in page
    assert "0 complete, awaiting verification" in client.get("/plans/demo/").content.decode()
    change = Change.objects.get(field="completion")
    assert (change.old_value, change.new_value, change.actor) == (
        "Complete, awaiting verification",
        "Complete, verified",
        "Bob",
    )


def test_sending_back_returns_the_action_to_amber_with_the_reason(signed_in) -> None:
    client = signed_in("bob")
    response = client.post(ACTION + "send-back/", {"reason": "The minutes do not show the terms agreed."})
    assert response["Location"] == ACTION
    latest = StatusRecord.objects.filter(action__action_id="1.2").latest("id")
    assert (latest.rag, latest.commentary, latest.actor) == (
        "A",
        "Sent back by Bob: The minutes do not show the terms agreed.",
        "Bob",
    )
    sent_back = Verification.objects.get()
    assert (sent_back.outcome, sent_back.reason) == ("sent_back", "The minutes do not show the terms agreed.")
    assert Change.objects.filter(field="RAG", old_value="Green", new_value="Amber", actor="Bob").exists()


def test_sending_back_needs_a_reason(signed_in) -> None:
    response = signed_in("bob").post(ACTION + "send-back/", {"reason": "  "})
    assert response.status_code == 400
    assert "Give the reason the completion is sent back" in response.content.decode()
    assert StatusRecord.objects.filter(action__action_id="1.2").latest("id").rag == "G"


def test_an_action_that_is_not_green_has_nothing_to_verify(signed_in) -> None:
    response = signed_in("bob").post("/plans/demo/actions/1.1/verify/", follow=True)
    assert "is not Green, so there is no completion to verify" in response.content.decode()
    assert Verification.objects.count() == 0


@pytest.mark.parametrize("username", ["lee", "lara", "vic"])
def test_leads_and_viewers_cannot_verify_or_send_back(signed_in, username: str) -> None:
    client = signed_in(username)
    assert client.post(ACTION + "verify/").status_code == 403
    assert client.get(ACTION + "send-back/").status_code == 403
    assert client.post(ACTION + "send-back/", {"reason": "No."}).status_code == 403
    assert Verification.objects.count() == 0


@pytest.mark.parametrize("username", ["alice", "olivia", "bob"])
def test_administrators_officers_and_board_members_can(signed_in, username: str) -> None:
    assert signed_in(username).post(ACTION + "verify/").status_code == 302
    assert Verification.objects.count() == 1


def report_json(client) -> dict:
    import json

    return json.loads(client.get("/plans/demo/report/2017-01.json").content)


def test_the_exception_report_counts_verified_and_awaiting_completions(signed_in, settings) -> None:
    client = signed_in("bob")
    assert report_json(client)["completion"] == {
        "verified": 0,
        "awaiting_verification": 1,
        "unverified_count_as_green": True,
    }
    page = client.get("/plans/demo/report/?month=2017-01").content.decode()
    assert (
        "0 have had their completion verified by the board and 1 is complete, awaiting verification" in page
    )
    assert "(counted as Green in this report)" in page


def test_a_setting_counts_unverified_completions_as_amber(signed_in, settings, write_csv) -> None:
    from datetime import date

    from oversight.plans.plan_import import Actor
    from oversight.plans.status_import import import_statuses

    # 1.2 was Red in December and Green in January: it is no longer Red, and its status now depends
    rows = [["Action ID", "RAG", "Commentary"], ["1.2", "R", "Late."], ["1.1", "R", "Late."]]
    import_statuses(write_csv("dec.csv", rows), "demo", date(2016, 12, 31), Actor("setup"))
    client = signed_in("bob")
    assert report_json(client)["no_longer_red"] == [{"action_id": "1.2", "now": "Green"}]
    settings.UNVERIFIED_COMPLETIONS_COUNT_AS_GREEN = False
    counted = report_json(client)
    assert counted["no_longer_red"] == [{"action_id": "1.2", "now": "Amber"}]
    assert counted["completion"]["unverified_count_as_green"] is False
    client.post(ACTION + "verify/")
    assert report_json(client)["no_longer_red"] == [{"action_id": "1.2", "now": "Amber"}]  # verified later
