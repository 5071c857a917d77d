"""People and roles: adding someone sends them a link to choose a password; every change is audited."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from oversight.accounts.models import Membership
from oversight.audit.models import Change

pytestmark = pytest.mark.django_db


def test_adding_someone_new_creates_their_account_and_emails_a_link_not_a_password(
    signed_in, plan, mail_server, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in("olivia").post(
            "/plans/demo/people/",
            {
                "name": "Hana Head",
                "email": "Hana.Head@council.example",
                "role": "lead",
                "leads": "HOS CLA, PSW",
            },
        )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="hana.head@council.example")
    assert (user.username, user.first_name, user.last_name) == ("hana.head@council.example", "Hana", "Head")
    assert not user.has_usable_password()
    membership = Membership.objects.get(plan=plan, user=user)
    assert (membership.role, membership.leads) == ("lead", "HOS CLA, PSW")
    [email] = mail_server.received
    assert (
        email.recipients == ["hana.head@council.example"] and email.subject == "You are invited to Oversight"
    )
    assert "You have been given a role in Improvement plan on Oversight" in email.text
    link = re.search(r"http://testserver(/password-reset/\S+/)", email.text)
    assert link and f'href="http://testserver{link.group(1)}"' in email.html
    change = Change.objects.get(field="role")
    assert (change.kind, change.new_value, change.actor) == (
        "added",
        "Action lead (leads as HOS CLA, PSW)",
        "Olivia",
    )
    invited = Change.objects.get(kind=Change.Kind.EMAILED)
    assert invited.new_value == (
        "to hana.head@council.example: invitation to Improvement plan (a link to choose a password)"
    )
    client = Client()
    page = client.get(link.group(1), follow=True)
    assert b"Set a new password" in page.content
    new = "a brand new passphrase"
    client.post(page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert get_user_model().objects.get(pk=user.pk).check_password(new)


def test_adding_someone_who_has_an_account_gives_them_the_role_without_an_email(
    signed_in, plan, mail_server, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        signed_in("olivia").post(
            "/plans/demo/people/", {"name": "", "email": "NORA@council.example", "role": "viewer"}
        )
    assert Membership.objects.get(plan=plan, user__username="nora").role == "viewer"
    assert mail_server.received == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "not an address", "role": "viewer"}, "Enter an email address in the right format"),
        ({"email": "x@council.example", "role": ""}, "Select a role"),
        ({"email": "x@council.example", "role": "lead", "leads": ""}, "Enter the names in the plan"),
    ],
)
def test_mistakes_in_the_form_are_shown_and_nothing_is_saved(signed_in, data, message) -> None:
    response = signed_in("olivia").post("/plans/demo/people/", {"name": "X", "leads": "", **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not get_user_model().objects.filter(email="x@council.example").exists()


def test_changing_and_removing_a_role_is_recorded(signed_in, plan) -> None:
    client = signed_in("olivia")
    vic = Membership.objects.get(plan=plan, user__username="vic")
    client.post(f"/plans/demo/people/{vic.pk}/", {"role": "board", "leads": ""})
    client.post(f"/plans/demo/people/{vic.pk}/", {"remove": "1"})
    assert not Membership.objects.filter(pk=vic.pk).exists()
    changes = [(c.kind, c.old_value, c.new_value) for c in Change.objects.filter(field="role").order_by("id")]
    assert changes == [("changed", "Viewer", "Board member"), ("removed", "Board member", "")]
    assert signed_in("vic").get("/plans/demo/").status_code == 404


def test_an_officer_cannot_demote_an_administrator_by_adding_them_again(signed_in, plan) -> None:
    response = signed_in("olivia").post(
        "/plans/demo/people/", {"name": "", "email": "ALICE@council.example", "role": "viewer", "leads": ""}
    )
    assert response.status_code == 400
    assert "only an administrator can change an administrator" in response.content.decode()
    assert Membership.objects.get(plan=plan, user__username="alice").role == "administrator"
    assert not Change.objects.filter(field="role").exists()


def test_adding_someone_who_already_has_a_role_records_the_role_they_had(signed_in, plan) -> None:
    response = signed_in("olivia").post(
        "/plans/demo/people/", {"name": "", "email": "vic@council.example", "role": "board", "leads": ""}
    )
    assert response.status_code == 302
    assert Membership.objects.get(plan=plan, user__username="vic").role == "board"
    change = Change.objects.get(field="role")
    assert (change.kind, change.old_value, change.new_value) == ("changed", "Viewer", "Board member")


def test_an_administrator_may_change_another_administrator_by_adding_them_again(signed_in, plan) -> None:
    Membership.objects.filter(plan=plan, user__username="olivia").update(role="administrator")
    response = signed_in("alice").post(
        "/plans/demo/people/", {"name": "", "email": "olivia@council.example", "role": "officer", "leads": ""}
    )
    assert response.status_code == 302
    assert Membership.objects.get(plan=plan, user__username="olivia").role == "officer"
    change = Change.objects.get(field="role")
    assert (change.old_value, change.new_value) == ("Administrator", "Improvement officer")


def test_an_over_long_name_and_a_missing_role_are_listed_together(signed_in, plan) -> None:
    response = signed_in("olivia").post(
        "/plans/demo/people/", {"name": "N" * 151, "email": "new@council.example", "role": "", "leads": ""}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#name"' in html and 'href="#role"' in html
    assert "Full name must be 150 characters or less" in html and "Select a role" in html
