"""An Improvement Team Board: set up, a meeting verifies a completion and sets a task that becomes
overdue and shows on the next meeting's pack. Every page is checked with axe as it is visited."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from oversight.governance.models import Meeting, RemedialTask
from oversight.plans.models import Verification
from tests.browser.conftest import fill_date

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_board_meeting_verifies_a_completion_and_its_overdue_task_is_on_the_next_pack(
    sign_in, visit, submit, follow
):
    olivia = sign_in("olivia")
    visit(olivia, "/plans/demo/governance/")
    olivia.get_by_text("Set up a board").click()
    submit(olivia, "Set up the board", status=400)
    olivia.get_by_label("Name").fill("Improvement Team Board")
    olivia.get_by_label("Improvement Team Board (weekly").check()
    submit(olivia, "Set up the board")  # the board's page, with its rotation
    assert "Rotation of priorities" in olivia.locator("main").inner_text()
    board_url = olivia.url

    bob = sign_in("bob")
    visit(bob, board_url)
    two_weeks_ago = date.today() - timedelta(days=14)
    fill_date(bob, "Date", two_weeks_ago)
    bob.get_by_label("Priority 1 – Leadership and Governance").check()
    bob.get_by_label("Bob").check()
    submit(bob, "Record the meeting")  # the meeting's page: its pack is the record of that day
    assert "The record of the pack as it stood" in bob.locator("main").inner_text()

    bob.get_by_label("What is to be done").fill("Take the protocol to the leadership team")
    bob.get_by_label("Action ID (optional)").fill("1.1")
    bob.get_by_label("Owner", exact=True).select_option(label="Lee")  # a person in the plan
    fill_date(bob, "Due", date.today() - timedelta(days=2))
    submit(bob, "Set the task")
    task = RemedialTask.objects.get()
    assert (task.action.action_id, task.owner, task.owner_user.username) == ("1.1", "Lee", "lee")

    visit(bob, board_url)
    fill_date(bob, "Date", date.today())
    bob.get_by_label("Priority 1 – Leadership and Governance").check()
    submit(bob, "Record the meeting")  # today's meeting: its pack is live
    assert Meeting.objects.count() == 2
    pack = bob.locator("main").inner_text()
    assert "Take the protocol to the leadership team" in pack and "Overdue" in pack
    assert "1.2" in pack  # Green, awaiting verification, in priority 1

    bob.get_by_label("I have looked at action 1.2: verify it with the others ticked").check()
    submit(bob, "Verify the completions ticked")  # one page to confirm those ticked
    bob.get_by_label("Why is no evidence needed?").fill("The new terms of reference were read at the board.")
    submit(bob, "Verify the completion")  # back to the same place in the pack
    assert bob.url.endswith("#completions")
    assert "The completion of action 1.2 is verified." in bob.locator("main").inner_text()
    assert Verification.objects.get().actor == "Bob"
