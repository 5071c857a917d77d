"""An action's leads are told when its completion is sent back (with the reason) or verified, by email
through a real SMTP server, once, after the change is saved; and not when it is refused."""

from __future__ import annotations

import pytest

from oversight.accounts.models import Membership
from oversight.audit.models import Change
from oversight.notices.models import EmailChoice

pytestmark = pytest.mark.django_db
ACTION = "/plans/demo/actions/1.2/"  # Green, awaiting verification; led by DCS


@pytest.fixture
def lee_leads_1_2(plan) -> None:
    Membership.objects.filter(user__username="lee").update(leads="HOS LS, DCS")


def test_a_completion_sent_back_tells_its_lead_why(
    signed_in, mail_server, lee_leads_1_2, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in("bob").post(
            ACTION + "send-back/", {"reason": "The minutes do not show the terms."}
        )
    assert response.status_code == 302
    [email] = mail_server.received
    assert email.recipients == ["lee@council.example"]
    assert email.subject == "Improvement plan: the completion of action 1.2 was sent back"
    assert "Bob sent back the completion of action 1.2 in Improvement plan: it is Amber again." in email.text
    assert "The reason:\nThe minutes do not show the terms." in email.text
    assert "http://localhost:8000/plans/demo/actions/1.2/update/" in email.text
    assert "<p>The minutes do not show the terms.</p>" in email.html
    sent = Change.objects.get(kind=Change.Kind.EMAILED)
    assert (
        sent.new_value == "to lee@council.example: action 1.2 sent back: The minutes do not show the terms."
    )


def test_a_lead_cannot_turn_off_being_told_of_a_completion_sent_back(
    signed_in, mail_server, lee_leads_1_2, django_capture_on_commit_callbacks
) -> None:
    EmailChoice.objects.create(
        user=Membership.objects.get(user__username="lee").user, kind="sent-back", wanted=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        signed_in("bob").post(ACTION + "send-back/", {"reason": "Not yet."})
    assert len(mail_server.received) == 1


def test_a_verified_completion_tells_its_lead_unless_they_turned_it_off(
    signed_in, mail_server, lee_leads_1_2, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        signed_in("bob").post(ACTION + "verify/", {"reason-1.2": "Minutes seen."})
    [email] = mail_server.received
    assert email.subject == "Improvement plan: the completion of action 1.2 is verified"
    assert "Bob verified the completion of action 1.2" in email.text


def test_a_lead_who_turned_off_verifications_is_not_told(
    signed_in, mail_server, lee_leads_1_2, django_capture_on_commit_callbacks
) -> None:
    signed_in("lee").post("/emails/", {"kinds": []})
    with django_capture_on_commit_callbacks(execute=True):
        signed_in("bob").post(ACTION + "verify/", {"reason-1.2": "Minutes seen."})
    assert mail_server.received == []


def test_a_refused_verification_tells_nobody(
    signed_in, mail_server, lee_leads_1_2, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in("bob").post(ACTION + "verify/", {"reason-1.2": "  "})
    assert response.status_code == 400
    assert mail_server.received == []
