"""Boards, meetings, their packs, decisions and remedial tasks on the website."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
from docx import Document

from oversight.audit.models import Change
from oversight.governance.models import Board, Decision, Meeting, RemedialTask
from tests import parsed
from tests.parsed import visible_text
from tests.posted import date_boxes, typed_date

pytestmark = pytest.mark.django_db

TODAY = date.today()


@pytest.fixture
def board(plan) -> Board:
    return Board.objects.create(plan=plan, name="Improvement Team Board")


def meeting_on(client, board: Board, held: date, priorities=("1",), attended=()) -> Meeting:
    response = client.post(
        f"/plans/demo/governance/boards/{board.pk}/meetings/",
        {**date_boxes("held", held), "priority": list(priorities), "attended": list(attended)},
    )
    assert response.status_code == 302, response.content
    return Meeting.objects.get(pk=int(re.search(r"/meetings/(\d+)/", response["Location"]).group(1)))


def test_an_officer_sets_up_a_board_and_it_is_audited(signed_in, plan) -> None:
    client = signed_in("olivia")
    response = client.post("/plans/demo/governance/", {"name": "Improvement Team Board", "kind": "team"})
    board = Board.objects.get()
    assert response["Location"] == f"/plans/demo/governance/boards/{board.pk}/"
    assert Change.objects.filter(field="board", new_value="Improvement Team Board", actor="Olivia").exists()
    assert (
        signed_in("olivia").post("/plans/demo/governance/", {"name": "", "kind": "team"}).status_code == 400
    )


def test_the_board_page_explains_the_rotation(signed_in, board) -> None:
    page = signed_in("vic").get(f"/plans/demo/governance/boards/{board.pk}/").content.decode()
    assert "Rotation of priorities" in page
    assert "Week 1" in page and "Priority 1" in page and "Priority 2" in page
    assert "Red and" in page or "due:" in page


def test_a_board_member_records_a_meeting_with_its_priorities_and_attendance(signed_in, board, plan) -> None:
    client = signed_in("bob")
    bob = plan.memberships.get(user__username="bob").user
    meeting = meeting_on(client, board, TODAY, priorities=["1", "2"], attended=[str(bob.pk)])
    assert sorted(meeting.priorities.values_list("number", flat=True)) == [1, 2]
    assert list(meeting.attended.all()) == [bob] and list(board.members.all()) == [bob]
    page = client.get(f"/plans/demo/governance/meetings/{meeting.pk}/").content.decode()
    assert "Red and Amber actions" in page and "1.1" in page and "Protocol drafted, not yet agreed." in page
    assert "2.1" in page  # Amber, in priority 2
    assert "Completions awaiting verification" in page and "1.2" in page


def test_leads_and_viewers_cannot_minute_a_meeting(signed_in, board) -> None:
    for username in ("lee", "vic"):
        client = signed_in(username)
        url = f"/plans/demo/governance/boards/{board.pk}/meetings/"
        assert client.post(url, date_boxes("held", TODAY)).status_code == 403
        assert client.post("/plans/demo/governance/", {"name": "X", "kind": "team"}).status_code == 404
    assert Meeting.objects.count() == 0 and Board.objects.count() == 1


def test_a_remedial_task_that_becomes_overdue_is_on_the_next_pack(signed_in, board) -> None:
    client = signed_in("bob")
    first = meeting_on(client, board, TODAY - timedelta(days=14))
    client.post(
        f"/plans/demo/governance/meetings/{first.pk}/decisions/", {"text": "Escalate 1.1 to the DCS."}
    )
    client.post(
        f"/plans/demo/governance/meetings/{first.pk}/tasks/",
        {
            "description": "Agree the protocol",
            "action": "1.1",
            "owner": "HOS LS",
            **date_boxes("due", TODAY - timedelta(days=3)),
        },
    )
    task = RemedialTask.objects.get()
    assert (task.action.action_id, task.owner) == ("1.1", "HOS LS")
    second = meeting_on(client, board, TODAY)
    page = client.get(f"/plans/demo/governance/meetings/{second.pk}/").content.decode()
    assert "Agree the protocol" in page and "Overdue" in visible_text(page)
    assert "Escalate 1.1 to the DCS." in page  # decisions from the last meeting
    pack = Document(io.BytesIO(client.get(f"/plans/demo/governance/meetings/{second.pk}/pack.docx").content))
    cells = [c.text for t in pack.tables for r in t.rows for c in r.cells]
    assert "Agree the protocol" in cells and "Overdue" in cells
    assert "Escalate 1.1 to the DCS." in [p.text for p in pack.paragraphs]

    client.post(f"/plans/demo/governance/tasks/{task.pk}/done/", follow=True)
    task.refresh_from_db()
    assert task.status == "done" and task.done == TODAY
    third = meeting_on(client, board, TODAY + timedelta(days=7))
    assert (
        "Agree the protocol"
        not in client.get(f"/plans/demo/governance/meetings/{third.pk}/").content.decode()
    )


def test_a_task_needs_what_who_and_when_and_a_real_action(signed_in, board) -> None:
    client = signed_in("bob")
    meeting = meeting_on(client, board, TODAY)
    response = client.post(
        f"/plans/demo/governance/meetings/{meeting.pk}/tasks/",
        {"description": "", "action": "9.9", "owner": "", **typed_date("due", "soon", "", "")},
        follow=True,
    )
    text = response.content.decode()
    assert "Enter what is to be done" in text and "There is no action 9.9 in this plan" in text
    assert RemedialTask.objects.count() == 0
    assert Decision.objects.count() == 0


def test_an_officer_changes_the_rotations_settings_and_the_board_page_follows(signed_in, board) -> None:
    url = f"/plans/demo/governance/boards/{board.pk}/"
    client = signed_in("olivia")
    assert "No priority waits longer than 2 weeks (one more than" in client.get(url).content.decode()
    client.post(url + "settings/", {"per_meeting": "1", "max_gap": "3"})
    board.refresh_from_db()
    assert (board.priorities_per_meeting, board.max_gap_weeks) == (1, 3)
    assert "No priority waits longer than 3 weeks;" in client.get(url).content.decode()
    assert Change.objects.get(field="rotation of Improvement Team Board").new_value == "1 a meeting, gap 3"
    assert signed_in("bob").post(url + "settings/", {"per_meeting": "2"}).status_code == 403
    client = signed_in("olivia")
    client.post(url + "settings/", {"per_meeting": "1", "max_gap": "1"})
    assert "cannot all be seen every 1 weeks" in client.get(url).content.decode()


def test_the_governance_page_names_each_board_once_with_how_it_works(signed_in, board, plan) -> None:
    name = "Children's Services Improvement Governance Board"
    Board.objects.create(plan=plan, name=name, kind="governance")
    listed = parsed.texts(signed_in("vic").get("/plans/demo/governance/"), "//main//li[a]")
    assert listed == [
        "Children's Services Improvement Governance Board (monthly, reads the exception report)",
        "Improvement Team Board (weekly, 2 priorities a meeting)",
    ]


def test_a_meeting_whose_date_cannot_be_a_date_is_refused_at_the_date(signed_in, board) -> None:
    response = signed_in("bob").post(
        f"/plans/demo/governance/boards/{board.pk}/meetings/", typed_date("held", "30", "2", "2017")
    )
    assert response.status_code == 400
    assert parsed.texts(response, "//*[@class='govuk-error-summary']//li") == [
        "The date of the meeting must be a real date"
    ]
    assert parsed.texts(response, "//*[@id='held-error']") == [
        "Error: The date of the meeting must be a real date"
    ]
    assert parsed.document(response).xpath("//input[@id='held-day']/@value") == ["30"]
    assert Meeting.objects.count() == 0


def test_a_rotation_of_no_priorities_a_meeting_is_refused_at_the_field(signed_in, board) -> None:
    url = f"/plans/demo/governance/boards/{board.pk}/settings/"
    response = signed_in("olivia").post(url, {"per_meeting": "0", "max_gap": "soon"})
    assert response.status_code == 400
    assert parsed.document(response).xpath("//*[@class='govuk-error-summary']//a/@href") == [
        "#per_meeting",
        "#max_gap",
    ]
    board.refresh_from_db()
    assert board.priorities_per_meeting == 2
