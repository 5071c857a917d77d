"""Signing in and out, lock-out, session expiry, password hashing and password reset."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone

from oversight import settings as production
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client: Client, username: str, password: str):
    return client.post("/sign-in/", {"username": username, "password": password})


def test_the_sign_in_page_is_the_only_page_open_to_everyone(client: Client, plan: object) -> None:
    assert client.get("/sign-in/").status_code == 200
    assert client.get("/password-reset/").status_code == 200
    assert client.get("/plans/demo/").status_code == 302


def test_signing_in_leads_to_the_plans(client: Client, plan: object) -> None:
    response = sign_in(client, "vic", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"
    assert b"Improvement plan" in client.get("/").content


def test_signing_in_returns_to_the_page_asked_for(client: Client, plan: object) -> None:
    response = client.post("/sign-in/?next=/plans/demo/actions/", {"username": "lee", "password": PASSWORD})
    assert response["Location"] == "/plans/demo/actions/"


def test_a_wrong_password_shows_the_error_summary(client: Client, plan: object) -> None:
    response = sign_in(client, "lee", "not the password")
    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert b"<title>Error: Sign in" in response.content
    assert client.get("/plans/demo/").status_code == 302


def test_an_account_locks_after_five_failures_even_against_the_right_password(
    client: Client, plan: object
) -> None:
    for _ in range(5):
        sign_in(client, "lee", "guess")
    response = sign_in(client, "lee", PASSWORD)
    assert response.status_code == 429
    assert b"Too many attempts to sign in" in response.content
    assert client.get("/plans/demo/").status_code == 302


def test_a_lock_out_is_by_account_so_colleagues_behind_the_same_proxy_still_sign_in(
    client: Client, plan: object
) -> None:
    for _ in range(5):
        sign_in(client, "lee", "guess")
    assert sign_in(Client(), "lara", PASSWORD).status_code == 302


def test_production_hashes_passwords_with_argon2(plan: object) -> None:
    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    with override_settings(PASSWORD_HASHERS=production.PASSWORD_HASHERS):
        user = get_user_model().objects.get(username="lee")
        user.set_password("a long enough passphrase")
        user.save()
        assert user.password.startswith("argon2$")
        assert sign_in(Client(), "lee", "a long enough passphrase").status_code == 302


def test_a_session_expires(client: Client, plan: object) -> None:
    assert production.SESSION_COOKIE_AGE == 8 * 3600 and production.SESSION_EXPIRE_AT_BROWSER_CLOSE
    sign_in(client, "lee", PASSWORD)
    assert client.get("/plans/demo/").status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get("/plans/demo/").status_code == 302


def test_signing_out_needs_a_post_and_ends_the_session(client: Client, plan: object) -> None:
    sign_in(client, "lee", PASSWORD)
    assert client.get("/sign-out/").status_code == 405
    assert client.post("/sign-out/").status_code == 302
    assert client.get("/plans/demo/").status_code == 302


def test_a_password_reset_email_leads_to_a_new_password(client: Client, plan: object) -> None:
    response = client.post("/password-reset/", {"email": "lee@council.example"})
    assert response["Location"] == "/password-reset/sent/"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["lee@council.example"]
    link = re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[0].body)
    assert link
    page = client.get(link.group(1), follow=True)
    assert b"Set a new password" in page.content
    new = "a brand new passphrase"
    client.post(page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert sign_in(Client(), "lee", new).status_code == 302


def test_a_password_reset_for_an_unknown_address_says_the_same_and_sends_nothing(
    client: Client, plan: object
) -> None:
    response = client.post("/password-reset/", {"email": "nobody@council.example"})
    assert response["Location"] == "/password-reset/sent/"
    assert mail.outbox == []


def sign_in_from(address: str, username: str, password: str):
    return Client(REMOTE_ADDR=address).post("/sign-in/", {"username": username, "password": password})


def test_a_lock_out_holds_whatever_address_the_attempts_come_from(plan: object) -> None:
    for n in range(5):
        sign_in_from(f"10.0.0.{n}", "lee", "guess")
    assert sign_in_from("192.0.2.7", "lee", PASSWORD).status_code == 429


@pytest.mark.parametrize(
    "variants",
    [
        [" lee", "lee ", " lee ", "lee", "\tlee"],  # spaces around the name are not part of it
        ["ｌｅｅ", "ｌee", "lｅe", "leｅ", "ｌｅe"],  # full-width letters read as the plain ones
    ],
)
def test_every_way_of_writing_the_same_username_counts_against_one_account(plan: object, variants) -> None:
    statuses = [
        sign_in_from(f"10.0.1.{n}", variant, "guess").status_code for n, variant in enumerate(variants)
    ]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth wrong password locks the account
    assert sign_in_from("192.0.2.8", "lee", PASSWORD).status_code == 429


def test_a_username_in_other_capitals_is_another_username_that_signs_no_one_in(plan: object) -> None:
    for variant in ("LEE", "Lee", "lEe", "leE", "LeE"):
        response = sign_in_from("10.0.2.1", variant, PASSWORD)
        assert response.status_code == 200 and b"There is a problem" in response.content
    assert sign_in_from("10.0.2.1", "lee", PASSWORD).status_code == 302  # lee was never locked


def test_an_action_lead_of_one_plan_lands_on_the_actions_they_lead(client: Client, plan: object) -> None:
    assert sign_in(client, "lee", PASSWORD)["Location"] == "/plans/demo/my-actions/"
    assert sign_in(Client(), "olivia", PASSWORD)["Location"] == "/"
    asked = Client().post("/sign-in/?next=/plans/demo/report/", {"username": "lee", "password": PASSWORD})
    assert asked["Location"] == "/plans/demo/report/"  # where they were going comes first


def test_a_case_auditor_of_one_plan_lands_on_their_audits(client: Client, plan) -> None:
    from tests.quality.conftest import person

    person(plan, "audrey", "auditor")
    assert sign_in(client, "audrey", PASSWORD)["Location"] == "/plans/demo/quality/audits/"
    listed = Client()
    listed.force_login(get_user_model().objects.get(username="audrey"))
    assert 'href="/plans/demo/quality/audits/"' in listed.get("/").content.decode()
