"""The "Your emails" page: what a person's role needs is listed and cannot be turned off; the rest they
choose, and the reminder run follows their choice."""

from __future__ import annotations

import pytest

from oversight.notices.choices import chosen
from oversight.notices.kinds import Kind
from oversight.notices.models import EmailChoice
from tests import parsed

pytestmark = pytest.mark.django_db
URL = "/emails/"


def test_a_lead_sees_the_emails_their_role_needs_and_chooses_the_rest(signed_in) -> None:
    page = parsed.visible_text(signed_in("lee").get(URL))
    assert "Emails your role needs" in page and "Monthly return reminders" in page
    assert "lee@council.example" in page
    response = signed_in("lee").post(URL, {"kinds": ["task-overdue"]})
    assert response.status_code == 302
    lee = response.wsgi_request.user
    assert Kind.VERIFIED not in chosen(lee) and Kind.TASK_OVERDUE in chosen(lee)
    assert Kind.RETURN_REMINDER in chosen(lee)


def test_an_email_the_role_needs_cannot_be_turned_off_by_a_crafted_form(signed_in) -> None:
    response = signed_in("lee").post(URL, {"kinds": ["return-reminder"]})
    assert response.status_code == 400
    assert "Select a valid choice" in parsed.visible_text(response)
    assert not EmailChoice.objects.exists()


def test_someone_with_no_role_in_any_plan_chooses_every_kind(signed_in) -> None:
    page = parsed.visible_text(signed_in("nora").get(URL))
    assert "Emails your role needs" not in page and "A completion sent back" in page
