"""An improvement officer edits an action's key action, lead and agencies on the website: each change is
in the audit log with its old and new words, a page opened before someone else's change saves nothing,
and only officers and administrators may."""

from __future__ import annotations

import pytest

from oversight.audit.models import Change
from oversight.plans.models import Action
from tests import parsed

pytestmark = pytest.mark.django_db
URL = "/plans/demo/actions/2.1/edit/"


def action() -> Action:
    return Action.objects.get(plan__slug="demo", action_id="2.1")


def form_of(client) -> dict[str, str]:
    page = parsed.document(client.get(URL))
    return {
        "key_action": page.xpath("string(//textarea[@name='key_action'])").strip(),
        **{
            name: page.xpath(f"string(//input[@name='{name}']/@value)")
            for name in ("lead", "agencies", "revision", "seen")
        },
    }


def test_an_officer_edits_the_words_and_the_audit_log_keeps_the_old_and_new(signed_in) -> None:
    client = signed_in("olivia")
    data = form_of(client) | {"lead": "HOS CLA, PSW", "agencies": "Police, Health"}
    response = client.post(URL, data)
    assert response["Location"] == "/plans/demo/actions/2.1/"
    assert (action().lead, action().agencies) == ("HOS CLA, PSW", "Police, Health")
    changes = Change.objects.filter(action=action(), source="website").order_by("id")
    assert [(c.field, c.old_value, c.new_value, c.actor) for c in changes] == [
        ("lead", "HOS CLA", "HOS CLA, PSW", "Olivia"),
        ("agencies", "Police", "Police, Health", "Olivia"),
    ]


def test_a_page_opened_before_someone_elses_change_saves_nothing(signed_in) -> None:
    stale = form_of(signed_in("olivia"))
    signed_in("alice").post(
        URL, form_of(signed_in("alice")) | {"key_action": "Audit strategy discussions weekly."}
    )
    response = signed_in("olivia").post(URL, stale | {"lead": "PSW"})
    assert response.status_code == 409
    page = parsed.visible_text(response)
    assert "Someone else changed this action while you were editing it" in page
    assert "Alice" in page and "Your words are still below." in page
    assert (action().key_action, action().lead) == ("Audit strategy discussions weekly.", "HOS CLA")


def test_an_over_long_lead_is_refused_at_the_field(signed_in) -> None:
    client = signed_in("olivia")
    response = client.post(URL, form_of(client) | {"lead": "L" * 301})
    assert response.status_code == 400 and "Lead must be 300 characters or less" in parsed.visible_text(
        response
    )
    assert action().lead == "HOS CLA"


@pytest.mark.parametrize("username", ["lara", "bob", "ana", "vic"])
def test_only_officers_and_administrators_edit_an_actions_words(signed_in, username) -> None:
    client = signed_in(username)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"key_action": "x", "lead": "y"}).status_code == 403
    assert action().key_action == "Audit strategy discussions monthly."
