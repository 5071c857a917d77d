"""A lead can update only the actions they lead, whether through the pages or a crafted request."""

from __future__ import annotations

import pytest

from oversight.audit.models import Change
from oversight.plans.models import Action, StatusRecord

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_lead_is_refused_another_leads_action(sign_in, visit):
    page = sign_in("lee")
    visit(page, "/plans/demo/actions/2.1/")
    assert page.get_by_role("link", name="Update status").count() == 0
    visit(page, "/plans/demo/actions/2.1/update/", status=403)
    assert "Save status" not in page.content()


def test_a_crafted_update_to_another_leads_action_is_refused_and_nothing_is_saved(
    sign_in, visit, live_server
):
    page = sign_in("lee")
    visit(page, "/plans/demo/actions/1.1/update/")
    form = {
        "csrfmiddlewaretoken": page.locator("input[name=csrfmiddlewaretoken]").first.get_attribute("value"),
        "rag": "G",
        "commentary": "Done, says lee.",
        "revision": "0",
        "seen": "0",
    }
    before = (
        Action.objects.get(action_id="2.1").revision,
        StatusRecord.objects.count(),
        Change.objects.count(),
    )
    origin = {"Referer": f"{live_server.url}/plans/demo/actions/1.1/update/", "Origin": live_server.url}

    refused = page.request.post("/plans/demo/actions/2.1/update/", form=form, headers=origin, max_redirects=0)

    assert refused.status == 403
    assert "CSRF" not in refused.text()  # refused for the role, not for a bad token
    after = Action.objects.get(action_id="2.1").revision, StatusRecord.objects.count(), Change.objects.count()
    assert after == before
    # the same request to lee's own action is accepted, so the token and session were good
    form["revision"] = str(Action.objects.get(action_id="1.1").revision)
    accepted = page.request.post(
        "/plans/demo/actions/1.1/update/", form=form, headers=origin, max_redirects=0
    )
    assert accepted.status == 302
    assert StatusRecord.objects.filter(action__action_id="1.1").latest("id").commentary == "Done, says lee."
