"""Emails posted while held wait in the outbox for the next `oversight send-reminders` (which delivers
whatever is waiting) instead of going when their transaction commits."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.notices.models import Email
from oversight.notices.sending import deliver, held
from oversight.quality.cohorts import NewCohort, create_cohort
from oversight.quality.sampling import Case
from tests.quality.conftest import QUINN, person

pytestmark = pytest.mark.django_db


def test_held_emails_wait_for_the_next_delivery(
    programme, mail_server, django_capture_on_commit_callbacks
) -> None:
    auditor = person(programme.plan, "ann", "auditor")
    new = NewCohort("dip_sample", date(2026, 11, 1), "Dip sample", "", programme.version, date(2026, 11, 30))
    with django_capture_on_commit_callbacks(execute=True), held():
        create_cohort(programme.plan.pk, new, [Case("Court", "", "C7001")], [auditor], QUINN)
    waiting = Email.objects.get(to="ann@council.example")
    assert waiting.state == Email.State.WAITING and mail_server.to("ann@council.example") == []
    deliver()
    assert Email.objects.get(pk=waiting.pk).state == Email.State.SENT
    assert len(mail_server.to("ann@council.example")) == 1
