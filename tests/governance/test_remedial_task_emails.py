"""A remedial task's owner, when they have a role in the plan, is emailed the task when the board sets
it and once when it is overdue, and sees it on their My actions page; a task for someone outside the
plan is written down by name, and nobody is emailed."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from oversight.audit.models import Change
from oversight.governance.models import Board, Meeting, RemedialTask
from tests import parsed
from tests.posted import date_boxes

pytestmark = pytest.mark.django_db
TODAY = date.today()


@pytest.fixture
def meeting(plan) -> Meeting:
    board = Board.objects.create(plan=plan, name="Improvement Board")
    return Meeting.objects.create(board=board, held=TODAY - timedelta(days=7))


def set_task(client, meeting: Meeting, **owner: str):
    return client.post(
        f"/plans/demo/governance/meetings/{meeting.pk}/tasks/",
        {
            "description": "Agree the protocol with the police",
            "action": "1.1",
            **owner,
            **date_boxes("due", TODAY + timedelta(days=14)),
        },
    )


def test_a_task_set_for_someone_in_the_plan_is_emailed_to_them_and_on_their_my_actions(
    signed_in, meeting, mail_server, django_capture_on_commit_callbacks
) -> None:
    lara = get_user_model().objects.get(username="lara")
    with django_capture_on_commit_callbacks(execute=True):
        response = set_task(signed_in("bob"), meeting, owner_person=str(lara.pk))
    assert response.status_code == 302
    task = RemedialTask.objects.get()
    assert (task.owner, task.owner_user) == ("Lara", lara)
    [email] = mail_server.received
    assert email.recipients == ["lara@council.example"]
    assert email.subject.startswith("Improvement plan: a remedial task for you, due ")
    assert "The Improvement Board set you a remedial task at its meeting of" in email.text
    assert "Agree the protocol with the police" in email.text
    assert "It is about action 1.1: http://localhost:8000/plans/demo/actions/1.1/" in email.text
    page = parsed.visible_text(signed_in("lara").get("/plans/demo/my-actions/"))
    assert "Your remedial tasks" in page and "Agree the protocol with the police" in page
    assert "Improvement Board," in page


def test_a_task_for_someone_outside_the_plan_is_kept_by_name_and_emails_nobody(
    signed_in, meeting, mail_server, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        set_task(signed_in("bob"), meeting, owner="Chief Inspector, Police")
    task = RemedialTask.objects.get()
    assert (task.owner, task.owner_user) == ("Chief Inspector, Police", None)
    assert mail_server.received == []


@pytest.mark.parametrize(
    ("owner", "message"),
    [
        ({}, "Choose who will do it, or enter their name"),
        ({"owner_person": "lara", "owner": ""}, "Select a valid choice"),
        ({"owner_person": "", "owner": "x" * 201}, "200 characters or less"),
    ],
)
def test_a_task_needs_one_owner_from_the_plan_or_by_name(signed_in, meeting, owner, message) -> None:
    response = set_task(signed_in("bob"), meeting, **owner)
    assert response.status_code == 400 and message in parsed.visible_text(response)
    assert not RemedialTask.objects.exists()


def test_both_an_owner_from_the_list_and_a_name_is_refused(signed_in, meeting) -> None:
    lara = get_user_model().objects.get(username="lara")
    response = set_task(signed_in("bob"), meeting, owner_person=str(lara.pk), owner="Lara L")
    assert "Choose someone in the list or enter a name, not both" in parsed.visible_text(response)


def test_an_overdue_task_is_emailed_to_its_owner_once(signed_in, meeting, mail_server) -> None:
    lee = get_user_model().objects.get(username="lee")
    RemedialTask.objects.create(
        meeting=meeting,
        description="Audit ten cases",
        owner="Lee",
        owner_user=lee,
        due=TODAY - timedelta(days=1),
    )
    RemedialTask.objects.create(
        meeting=meeting, description="Not yet due", owner="Lee", owner_user=lee, due=TODAY
    )
    for _ in range(2):
        call_command("send_reminders", "--plan", "demo", "--today", TODAY.isoformat(), stdout=StringIO())
    overdue = [r for r in mail_server.received if "remedial task overdue" in r.subject]
    assert len(overdue) == 1 and overdue[0].recipients == ["lee@council.example"]
    assert "was due on" in overdue[0].text and "Audit ten cases" in overdue[0].text
    assert Change.objects.filter(kind=Change.Kind.EMAILED, new_value__contains="Audit ten cases").count() == 1
