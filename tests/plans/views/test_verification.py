"""Board members verify completions or send them back to Amber with a reason."""

from __future__ import annotations

import pytest

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.plans.evidence import add_link
from oversight.plans.models import Evidence, StatusRecord, Verification
from tests import parsed

pytestmark = pytest.mark.django_db

ACTION = "/plans/demo/actions/1.2/"  # Green in the plan fixture


@pytest.fixture
def with_evidence(plan) -> Evidence:
    """A link to the minutes that show 1.2's terms of reference agreed."""
    action = plan.actions.get(action_id="1.2")
    return add_link(
        action, "https://minutes.council.example/itb-12", "Terms of reference agreed", Actor("Lee")
    )


def test_a_green_action_awaits_verification_and_shows_on_the_overview(signed_in) -> None:
    client = signed_in("bob")
    assert "Awaiting verification" in client.get(ACTION).content.decode()
    assert "1 complete, awaiting verification" in client.get("/plans/demo/").content.decode()
    listed = client.get("/plans/demo/actions/?awaiting=1").content.decode()
    assert "/plans/demo/actions/1.2/" in listed and "/plans/demo/actions/1.1/" not in listed


def test_verifying_asks_for_confirmation_showing_the_evidence_first(signed_in, with_evidence) -> None:
    client = signed_in("bob")
    action_page = client.get(ACTION)
    assert parsed.links(action_page)["Verify the completion"] == ACTION + "verify/"
    confirmation = client.get(ACTION + "verify/")
    assert parsed.texts(confirmation, "//h1") == ["Verify the completion"]
    assert parsed.links(confirmation)["Terms of reference agreed"] == (
        f"/plans/demo/actions/1.2/evidence/{with_evidence.pk}/"
    )
    assert Verification.objects.count() == 0  # looking is not verifying


def test_a_completion_with_evidence_is_verified_once_confirmed(signed_in, with_evidence) -> None:
    client = signed_in("bob")
    assert client.post(ACTION + "verify/")["Location"] == ACTION
    verification = Verification.objects.get()
    assert (verification.outcome, verification.actor, verification.reason) == ("verified", "Bob", "")
    page = client.get(ACTION)
    assert "Verified" in parsed.texts(page, "//main//dl//strong") and "Verify the completion" not in (
        parsed.links(page)
    )
    assert "0 complete, awaiting verification" in parsed.main_text(client.get("/plans/demo/"))
    change = Change.objects.get(field="completion")
    assert (change.old_value, change.new_value, change.actor) == (
        "Complete, awaiting verification",
        "Complete, verified (evidence: Terms of reference agreed)",
        "Bob",
    )


def test_a_completion_with_no_evidence_is_not_verified_without_a_reason(signed_in) -> None:
    response = signed_in("bob").post(ACTION + "verify/", {"reason-1.2": "  "})
    assert response.status_code == 400
    assert parsed.texts(response, "//*[@class='govuk-error-summary']//li") == [
        "Action 1.2 has no evidence: add its evidence, or give the reason none is needed"
    ]
    assert Verification.objects.count() == 0


def test_a_completion_with_no_evidence_is_verified_with_the_reason_none_is_needed(signed_in) -> None:
    reason = "The board saw the new terms of reference adopted at its own meeting."
    signed_in("bob").post(ACTION + "verify/", {"reason-1.2": reason})
    assert Verification.objects.get().reason == reason
    assert (
        Change.objects.get(field="completion").new_value == f"Complete, verified with no evidence: {reason}"
    )


def test_a_plan_can_require_verified_evidence(signed_in, plan, with_evidence) -> None:
    plan.require_verified_evidence = True
    plan.save()
    client = signed_in("bob")
    refused = client.post(ACTION + "verify/", {"reason-1.2": "Seen at the board."})
    assert refused.status_code == 400
    assert parsed.texts(refused, "//*[@class='govuk-error-summary']//li") == [
        "Action 1.2's evidence has not been marked as verified yet: this plan requires verified evidence"
    ]
    assert not parsed.texts(refused, "//textarea")  # no reason takes the place of verified evidence
    client.post(f"/plans/demo/actions/1.2/evidence/{with_evidence.pk}/verify/")
    assert client.post(ACTION + "verify/").status_code == 302
    assert Verification.objects.get().outcome == "verified"


def test_a_verified_completion_is_not_verified_again(signed_in, with_evidence) -> None:
    client = signed_in("bob")
    client.post(ACTION + "verify/")
    again = client.post(ACTION + "verify/")
    assert again.status_code == 400
    assert "The completion of action 1.2 is already verified" in parsed.main_text(again)
    assert Verification.objects.count() == 1


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
    response = signed_in("bob").post("/plans/demo/actions/1.1/verify/", {"reason-1.1": "Seen."})
    assert response.status_code == 400
    assert "Action 1.1 is not Green, so there is no completion to verify" in parsed.main_text(response)
    assert Verification.objects.count() == 0


@pytest.mark.parametrize("username", ["lee", "lara", "vic"])
def test_leads_and_viewers_cannot_verify_or_send_back(signed_in, username: str) -> None:
    client = signed_in(username)
    assert client.get(ACTION + "verify/").status_code == 403
    assert client.post(ACTION + "verify/", {"reason-1.2": "Seen."}).status_code == 403
    assert client.get("/plans/demo/verify/?action=1.2").status_code == 403
    assert client.get(ACTION + "send-back/").status_code == 403
    assert client.post(ACTION + "send-back/", {"reason": "No."}).status_code == 403
    assert Verification.objects.count() == 0


@pytest.mark.parametrize("username", ["alice", "olivia", "bob"])
def test_administrators_officers_and_board_members_can(signed_in, username: str) -> None:
    assert signed_in(username).post(ACTION + "verify/", {"reason-1.2": "Seen."}).status_code == 302
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

    from oversight.audit.actors import Actor
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
    client.post(ACTION + "verify/", {"reason-1.2": "Seen at the board."})
    assert report_json(client)["no_longer_red"] == [{"action_id": "1.2", "now": "Amber"}]  # verified later


def test_the_exception_report_flags_a_completion_whose_linked_measure_is_red(signed_in, plan) -> None:
    from datetime import date
    from decimal import Decimal

    from oversight.performance.models import Indicator
    from oversight.performance.values import record_value

    audits = Indicator.objects.create(
        plan=plan, name="Audits rated good or better", service_area="Quality assurance",
        polarity="higher", target=Decimal(75), tolerance=Decimal(5),
    )  # fmt: skip
    audits.actions.set([plan.actions.get(action_id="1.2")])
    record_value(audits, date(2017, 1, 1), Decimal(40), Actor("Ana"), "test")
    sentence = "Audits rated good or better: 40% in January 2017 against a target of 75% (Red)"
    client = signed_in("vic")
    assert report_json(client)["complete_but_measure_red"] == [
        {"action_id": "1.2", "priority": 1, "completion": "awaiting", "red_measures": [sentence]}
    ]
    page = client.get("/plans/demo/report/?month=2017-01")
    assert "Complete, but the measure it was meant to move is Red" in parsed.texts(page, "//main//h2")
    assert (
        "1 action rated Green is complete, but the measure it was meant to move is Red: 1.2."
        in parsed.texts(page, "//main//p")
    )
    record_value(audits, date(2017, 1, 1), Decimal(80), Actor("Ana"), "test")  # now Green
    assert report_json(client)["complete_but_measure_red"] == []
