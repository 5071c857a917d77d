"""Every form refuses a post without the CSRF token, and works with it."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from oversight.accounts.models import Membership
from oversight.plans.models import Evidence
from tests.conftest import PASSWORD
from tests.parsed import visible_text

pytestmark = pytest.mark.django_db

SIGNED_IN_FORMS = [
    "/sign-out/",
    "/plans/demo/actions/1.1/update/",
    "/plans/demo/actions/1.1/evidence/",
    "/plans/demo/actions/1.1/evidence/{evidence}/remove/",
    "/plans/demo/actions/1.1/evidence/{evidence}/verify/",
    "/plans/demo/actions/1.2/verify/",
    "/plans/demo/actions/1.2/send-back/",
    "/plans/demo/import/",
    "/plans/demo/import/{token}/confirm/",
    "/plans/demo/import/{token}/cancel/",
    "/plans/demo/people/",
    "/plans/demo/people/{membership}/",
    "/plans/demo/scorecard/import/",
    "/plans/demo/scorecard/import/{token}/confirm/",
    "/plans/demo/scorecard/import/{token}/cancel/",
    "/plans/demo/scorecard/annex-a/refresh/",
    "/plans/demo/scorecard/service-areas/",
    "/plans/demo/scorecard/service-areas/1/remove/",
    "/plans/demo/caseloads/policy/",
    "/plans/demo/caseloads/policy/band/",
    "/plans/demo/caseloads/policy/team/",
    "/plans/demo/scorecard/new/",
    "/plans/demo/scorecard/1/edit/",
]


@pytest.fixture
def guarded(plan) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username="olivia"))
    return client


def _url(template: str, plan) -> str:
    evidence = Evidence.objects.create(
        action=plan.actions.get(action_id="1.1"), kind="link", title="Minutes", url="https://x.org", actor="o"
    )
    membership = Membership.objects.get(plan=plan, user__username="lee")
    return template.format(evidence=evidence.pk, token="0" * 32, membership=membership.pk)


@pytest.mark.parametrize("template", SIGNED_IN_FORMS)
def test_a_post_without_the_token_is_refused(guarded: Client, plan, template: str) -> None:
    response = guarded.post(_url(template, plan), {"rag": "G", "role": "viewer"})
    assert response.status_code == 403
    assert "CSRF" in visible_text(response)
    assert Evidence.objects.count() == 1


@pytest.mark.parametrize("url", ["/sign-in/", "/password-reset/"])
def test_the_sign_in_forms_refuse_a_post_without_the_token(plan, url: str) -> None:
    response = Client(enforce_csrf_checks=True).post(
        url, {"username": "lee", "password": PASSWORD, "email": "x"}
    )
    assert response.status_code == 403


def test_a_post_with_the_token_from_the_page_is_accepted(plan) -> None:
    client = Client(enforce_csrf_checks=True)
    client.get("/sign-in/")
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/sign-in/", {"username": "lee", "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


def test_a_refused_form_is_explained_on_the_sites_own_page(guarded: Client, plan) -> None:
    response = guarded.post("/plans/demo/actions/1.1/update/", {"rag": "G"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "<title>Your form was not sent – Oversight</title>" in html and "govuk-template" in html
    assert "Nothing has been saved" in html and 'href="/"' in html


def test_a_sign_in_sent_from_an_old_page_is_explained_with_a_way_back(plan) -> None:
    response = Client(enforce_csrf_checks=True).post("/sign-in/", {"username": "lee", "password": PASSWORD})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Your form was not sent" in html and 'href="/sign-in/"' in html
