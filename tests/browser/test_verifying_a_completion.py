"""A board member verifies one completion and sends another back, which returns to Amber with the reason."""

from __future__ import annotations

import pytest

from oversight.plans.models import StatusRecord, Verification

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_board_member_verifies_a_completion_and_sends_one_back(sign_in, visit, submit, follow):
    lee = sign_in("lee")
    visit(lee, "/plans/demo/actions/1.1/update/")
    lee.get_by_label("Green").check()
    lee.get_by_label("Commentary").fill("Protocol published on the intranet.")
    submit(lee, "Save status")
    assert "Awaiting verification" in lee.locator("main").inner_text()

    bob = sign_in("bob")
    visit(bob, "/plans/demo/actions/1.1/")
    follow(bob, "Verify the completion")  # a page to confirm it, with the evidence (none here)
    submit(bob, "Verify the completion", status=400)
    assert "Action 1.1 has no evidence" in bob.locator(".govuk-error-summary").inner_text()
    bob.get_by_label("Why is no evidence needed?").fill("The board read the published protocol itself.")
    submit(bob, "Verify the completion")
    assert "The completion of action 1.1 is verified." in bob.locator("main").inner_text()
    assert bob.locator(".govuk-tag", has_text="Verified").is_visible()

    visit(bob, "/plans/demo/actions/1.2/")
    follow(bob, "Send back")
    bob.get_by_label("Why is it not complete yet?").fill("No evidence of the new terms of reference.")
    submit(bob, "Send back to Amber")

    latest = StatusRecord.objects.filter(action__action_id="1.2").latest("id")
    assert (latest.rag, latest.commentary) == (
        "A",
        "Sent back by Bob: No evidence of the new terms of reference.",
    )
    assert sorted(Verification.objects.values_list("action__action_id", "outcome")) == [
        ("1.1", "verified"),
        ("1.2", "sent_back"),
    ]
    visit(lee, "/plans/demo/actions/1.2/")
    assert "No evidence of the new terms of reference." in lee.locator("main").inner_text()
