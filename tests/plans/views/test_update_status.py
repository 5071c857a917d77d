"""The monthly update form: RAG and commentary, recorded with who and when, and no lost updates."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db.models import F

from oversight.audit.models import Change
from oversight.plans.models import Action, StatusRecord
from tests.parsed import visible_text

pytestmark = pytest.mark.django_db

URL = "/plans/demo/actions/1.1/update/"


def form_fields(html: str) -> dict[str, str]:
    return dict(re.findall(r'type="hidden" name="(revision|seen)" value="(\d+)"', html))


def latest(action_id: str = "1.1") -> StatusRecord:
    return StatusRecord.objects.filter(action__action_id=action_id).order_by("-as_at", "-id").first()


def test_a_lead_records_this_months_status_with_commentary(signed_in, plan) -> None:
    client = signed_in("lee")
    fields = form_fields(client.get(URL).content.decode())
    response = client.post(URL, {"rag": "A", "commentary": "Protocol agreed at the board.", **fields})
    assert response.status_code == 302 and response["Location"] == "/plans/demo/actions/1.1/"
    record = latest()
    assert (record.rag, record.commentary, record.actor, record.source) == (
        "A",
        "Protocol agreed at the board.",
        "Lee",
        "website",
    )
    assert record.as_at.month == date.today().month


def test_every_status_change_is_in_the_audit_trail_with_old_and_new_values(signed_in) -> None:
    client = signed_in("lee")
    client.post(
        URL, {"rag": "G", "commentary": "Published.", **form_fields(client.get(URL).content.decode())}
    )
    changes = {c.field: (c.old_value, c.new_value, c.actor) for c in Change.objects.filter(source="website")}
    assert changes == {
        "RAG": ("Red", "Green", "Lee"),
        "commentary": ("Protocol drafted, not yet agreed.", "Published.", "Lee"),
    }


@pytest.mark.parametrize("rag", ["R", "A"])
def test_red_and_amber_need_commentary(signed_in, rag: str) -> None:
    client = signed_in("lee")
    before = StatusRecord.objects.count()
    response = client.post(
        URL, {"rag": rag, "commentary": "   ", **form_fields(client.get(URL).content.decode())}
    )
    assert response.status_code == 400
    assert "Enter commentary: it is needed for a" in response.content.decode()
    assert b'href="#commentary"' in response.content  # the error summary links to the field
    assert StatusRecord.objects.count() == before


@pytest.mark.parametrize("rag", ["G", "W"])
def test_green_and_white_may_be_saved_without_commentary(signed_in, rag: str) -> None:
    client = signed_in("lee")
    response = client.post(
        URL, {"rag": rag, "commentary": "", **form_fields(client.get(URL).content.decode())}
    )
    assert response.status_code == 302
    assert latest().rag == rag


def test_a_missing_or_unknown_rag_is_refused(signed_in) -> None:
    client = signed_in("lee")
    fields = form_fields(client.get(URL).content.decode())
    for rag in ("", "X"):
        response = client.post(URL, {"rag": rag, "commentary": "text", **fields})
        assert response.status_code == 400
        assert b"Select a RAG status" in response.content


def test_two_people_saving_the_same_action_the_second_is_refused_and_shown_what_changed(signed_in) -> None:
    olivia_form = form_fields(signed_in("olivia").get(URL).content.decode())
    lee = signed_in("lee")
    lee_form = form_fields(lee.get(URL).content.decode())
    assert lee.post(URL, {"rag": "A", "commentary": "Agreed by the board.", **lee_form}).status_code == 302
    saved = Action.objects.get(action_id="1.1").revision

    olivia = signed_in("olivia")
    response = olivia.post(
        URL, {"rag": "R", "commentary": "Still not agreed.", "safeguarding_risk": "no", **olivia_form}
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed this action while you were editing it" in page
    assert "Lee" in visible_text(page) and "from “Red” to “Amber”" in page
    assert "Still not agreed." in page  # what Olivia typed is kept in the form
    assert (latest().rag, latest().commentary) == ("A", "Agreed by the board.")
    assert Action.objects.get(action_id="1.1").revision == saved  # the refused save changed nothing

    # saving again from the refreshed form is a deliberate choice, and is accepted
    again = form_fields(page)
    assert (
        olivia.post(
            URL, {"rag": "R", "commentary": "Still not agreed.", "safeguarding_risk": "no", **again}
        ).status_code
        == 302
    )
    assert latest().rag == "R"


def test_a_save_after_returning_to_my_actions_goes_back_there(signed_in) -> None:
    client = signed_in("lee")
    fields = form_fields(client.get(URL + "?next=/plans/demo/my-actions/").content.decode())
    response = client.post(URL, {"rag": "G", "next": "/plans/demo/my-actions/", **fields})
    assert response["Location"] == "/plans/demo/my-actions/"


def test_a_next_address_off_the_site_is_ignored(signed_in) -> None:
    client = signed_in("lee")
    fields = form_fields(client.get(URL).content.decode())
    response = client.post(URL, {"rag": "G", "next": "https://evil.example/", **fields})
    assert response["Location"] == "/plans/demo/actions/1.1/"


def test_my_actions_lists_a_leads_actions_still_to_update_this_month(signed_in) -> None:
    page = signed_in("lee").get("/plans/demo/my-actions/").content.decode()
    assert "You lead 2 actions" in page
    assert "/plans/demo/actions/1.1/update/" in page and "/plans/demo/actions/2.2/update/" in page
    assert "/plans/demo/actions/2.1/update/" not in page


def test_an_update_after_a_month_end_status_file_was_imported_still_counts(signed_in, write_csv) -> None:
    from oversight.audit.actors import Actor
    from oversight.lib.months import last_day
    from oversight.plans.status_import import import_statuses

    month_end = last_day(date.today())
    rows = [["Action ID", "RAG", "Commentary"], ["1.1", "A", "Imported as at the month end."]]
    import_statuses(write_csv("month-end.csv", rows), "demo", month_end, Actor("officer"))
    client = signed_in("lee")
    listed = client.get("/plans/demo/actions/?rag=A").content.decode()
    assert "/plans/demo/actions/1.1/" in listed  # the imported status shows before the month ends
    fields = form_fields(client.get(URL).content.decode())
    client.post(URL, {"rag": "G", "commentary": "Agreed today.", **fields})
    record = latest()
    assert (record.rag, record.as_at) == ("G", month_end)
    assert "/plans/demo/actions/1.1/" in client.get("/plans/demo/actions/?rag=G").content.decode()


def test_last_months_commentary_is_shown_but_not_offered_as_this_months(signed_in) -> None:
    client = signed_in("lee")
    html = client.get(URL).content.decode()  # 1.1's status is from January 2017
    assert re.search(r'<textarea[^>]*name="commentary"[^>]*>\s*</textarea>', html)
    assert "Protocol drafted, not yet agreed." in visible_text(html)
    client.post(
        URL, {**form_fields(html), "rag": "R", "commentary": "Still waiting.", "safeguarding_risk": "no"}
    )
    again = client.get(URL).content.decode()  # this month's own update is offered for editing
    assert re.search(r'<textarea[^>]*name="commentary"[^>]*>\s*Still waiting.</textarea>', again)


def no_change_form(client) -> dict[str, str]:
    html = client.get("/plans/demo/my-actions/").content.decode()
    return {"revisions": re.search(r'name="revisions" value="([^"]*)"', html).group(1)}


def test_a_lead_confirms_no_change_for_several_actions_at_once(signed_in) -> None:
    client = signed_in("lara")  # leads 2.1 (Amber) and 2.2 (no status yet: not offered)
    form = no_change_form(client)
    response = client.post("/plans/demo/my-actions/", {**form, "actions": ["2.1"]})
    assert response["Location"] == "/plans/demo/my-actions/"
    record = latest("2.1")
    assert (record.rag, record.commentary, record.actor, record.source) == (
        "A", "Two audits so far.", "Lara", "website: no change this month",
    )  # fmt: skip
    assert record.month == date.today().replace(day=1)
    change = Change.objects.get(action__action_id="2.1", field="status")
    assert change.new_value.startswith("No change this month: Amber, as at ")
    assert "2.1" not in {a.action_id for a in client.get("/plans/demo/my-actions/").context["to_update"]}


def test_no_change_saves_nothing_if_an_action_changed_after_the_page_was_opened(signed_in) -> None:
    form = no_change_form(signed_in("lara"))
    Action.objects.filter(action_id="2.1").update(revision=F("revision") + 1)  # as any change moves it
    response = signed_in("lara").post("/plans/demo/my-actions/", {**form, "actions": ["2.1"]})
    assert response.status_code == 400
    text = visible_text(response.content.decode())
    assert "Action 2.1 changed after this page was opened: nothing was saved" in text
    assert latest("2.1").actor == "setup"


def test_a_lead_cannot_confirm_another_leads_action(signed_in) -> None:
    response = signed_in("lara").post("/plans/demo/my-actions/", {"actions": ["1.1"], "revisions": "1.1=0"})
    assert response.status_code == 400  # not among the choices offered to her
    assert latest("1.1").actor == "setup"
