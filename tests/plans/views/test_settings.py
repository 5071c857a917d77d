"""A plan's settings: the council's own rules, changed by its administrators, every change audited."""

from __future__ import annotations

import pytest

from oversight.audit.models import Change
from oversight.plans.models import Plan
from tests import parsed

pytestmark = pytest.mark.django_db

URL = "/plans/demo/settings/"


def test_an_administrator_requires_verified_evidence_and_the_audit_log_says_so(signed_in) -> None:
    client = signed_in("alice")
    page = client.get(URL)
    assert "Settings" in parsed.texts(page, "//nav//a")
    response = client.post(URL, {"setting": ["require_verified_evidence"]})
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
    assert checked == ["require_verified_evidence"]


@pytest.mark.parametrize("username", ["olivia", "lee", "bob", "ana", "vic"])
def test_only_administrators_change_the_settings(signed_in, username) -> None:
    client = signed_in(username)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"setting": ["require_verified_evidence"]}).status_code == 403
    assert "Settings" not in parsed.texts(client.get("/plans/demo/"), "//nav//a")
    assert not Plan.objects.get(slug="demo").require_verified_evidence


def test_someone_with_no_role_is_told_the_plan_does_not_exist(signed_in) -> None:
    assert signed_in("nora").get(URL).status_code == 404
