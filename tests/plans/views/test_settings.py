"""A plan's settings: the council's own rules, changed by its administrators, every change audited."""

from __future__ import annotations

import pytest

from oversight.audit.models import Change
from oversight.plans.models import Plan
from tests import parsed

pytestmark = pytest.mark.django_db

URL = "/plans/demo/settings/"
DAYS = {"reminder_day": "20", "return_day": "25", "second_reminder_days": "2"}


def test_an_administrator_requires_verified_evidence_and_the_audit_log_says_so(signed_in) -> None:
    client = signed_in("alice")
    page = client.get(URL)
    assert "Settings" in parsed.texts(page, "//nav//a")
    response = client.post(URL, {"setting": ["require_verified_evidence", "send_reminders"], **DAYS})
    assert response["Location"] == URL
    plan = Plan.objects.get(slug="demo")
    assert (plan.require_verified_evidence, plan.accept_red_without_commentary) == (True, False)
    change = Change.objects.get(source="plan settings")
    assert (change.field, change.old_value, change.new_value, change.actor) == (
        "setting: Completions are verified only on evidence already marked as verified",
        "No",
        "Yes",
        "Alice",
    )
    checked = parsed.document(client.get(URL)).xpath("//input[@checked]/@value")
    assert checked == ["require_verified_evidence", "send_reminders"]


@pytest.mark.parametrize("username", ["olivia", "lee", "bob", "ana", "vic"])
def test_only_administrators_change_the_settings(signed_in, username) -> None:
    client = signed_in(username)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"setting": ["require_verified_evidence"]}).status_code == 403
    assert "Settings" not in parsed.texts(client.get("/plans/demo/"), "//nav//a")
    assert not Plan.objects.get(slug="demo").require_verified_evidence


def test_someone_with_no_role_is_told_the_plan_does_not_exist(signed_in) -> None:
    assert signed_in("nora").get(URL).status_code == 404


def test_an_administrator_sets_the_monthly_returns_days_and_turns_reminders_off(signed_in) -> None:
    client = signed_in("alice")
    response = client.post(URL, {"reminder_day": "15", "return_day": "28", "second_reminder_days": "0"})
    assert response["Location"] == URL
    plan = Plan.objects.get(slug="demo")
    assert (plan.send_reminders, plan.reminder_day, plan.return_day, plan.second_reminder_days) == (
        False, 15, 28, 0,
    )  # fmt: skip
    changes = dict(Change.objects.filter(source="plan settings").values_list("field", "new_value"))
    assert changes["setting: Day of the month updates are due"] == "28"
    assert changes["setting: Email the monthly return's reminders"] == "No"
    assert "Oversight emails you the actions still to update on 15 " in parsed.visible_text(
        signed_in("lee").get("/plans/demo/my-actions/")
    )


@pytest.mark.parametrize(
    ("days", "message"),
    [
        (
            {"reminder_day": "25", "return_day": "20"},
            "The first reminder must come before the day updates are due",
        ),
        ({"return_day": "32"}, "Enter a number from 1 to 31"),
        ({"second_reminder_days": "two"}, "as a whole number"),
        ({"reminder_day": ""}, "Enter the day of the month of the first reminder"),
    ],
)
def test_days_that_cannot_be_are_refused_and_nothing_is_saved(signed_in, days, message) -> None:
    response = signed_in("alice").post(URL, {"setting": ["send_reminders"], **DAYS, **days})
    assert response.status_code == 400
    assert message in parsed.visible_text(response)
    assert not Change.objects.filter(source="plan settings").exists()
