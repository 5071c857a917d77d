"""Every page's access rule, enforced by the server for each role: a matrix of page × person."""

from __future__ import annotations

import pytest
from django.test import Client

from oversight.accounts.models import Membership
from oversight.plans.models import StatusRecord

pytestmark = pytest.mark.django_db

EVERYONE = ("alice", "olivia", "lee", "lara", "bob", "ana", "vic")
MANAGERS = ("alice", "olivia")

READ_PAGES = [
    "/plans/demo/",
    "/plans/demo/priorities/1/",
    "/plans/demo/actions/",
    "/plans/demo/actions/?rag=R&overdue=1&stale=1&q=protocol&lead=HOS+LS&priority=1",
    "/plans/demo/actions/1.1/",
    "/plans/demo/my-actions/",
    "/plans/demo/report/",
    "/plans/demo/report/?month=2017-01",
    "/plans/demo/report/2017-01.docx",
    "/plans/demo/report/2017-01.xlsx",
    "/plans/demo/report/2017-01.json",
    "/plans/demo/report/2017-01.md",
    "/plans/demo/audit/",
    "/plans/demo/scorecard/",
    "/plans/demo/scorecard/2017-01.docx",
    "/plans/demo/scorecard/2017-01.xlsx",
    "/plans/demo/scorecard/service-areas/",
    "/plans/demo/caseloads/",
    "/plans/demo/caseloads/policy/",
    "/plans/demo/governance/",
    "/plans/demo/quality/",
]
MANAGER_PAGES = ["/plans/demo/import/", "/plans/demo/people/"]


@pytest.mark.parametrize("url", ["/", *READ_PAGES, *MANAGER_PAGES, "/plans/demo/actions/1.1/update/"])
def test_nothing_is_visible_without_signing_in(client: Client, plan: object, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=")


@pytest.mark.parametrize("url", READ_PAGES)
def test_everyone_with_a_role_reads_every_page_of_the_plan(signed_in, url: str) -> None:
    for username in EVERYONE:
        assert signed_in(username).get(url).status_code == 200, username


@pytest.mark.parametrize("url", [*READ_PAGES, *MANAGER_PAGES, "/plans/demo/actions/1.1/update/"])
def test_someone_with_no_role_in_the_plan_is_told_it_does_not_exist(signed_in, url: str) -> None:
    assert signed_in("nora").get(url).status_code == 404


def test_the_plans_page_lists_only_plans_someone_has_a_role_in(signed_in) -> None:
    assert b'href="/plans/demo/"' in signed_in("vic").get("/").content
    assert b'href="/plans/demo/"' not in signed_in("nora").get("/").content


def test_a_site_administrator_without_a_membership_administers_every_plan(signed_in) -> None:
    client = signed_in("nora")
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username="nora").update(is_superuser=True)
    assert client.get("/plans/demo/people/").status_code == 200


def test_only_analysts_reach_the_child_records_behind_annex_a_figures(signed_in) -> None:
    for username in EVERYONE:
        expected = 404 if username == "ana" else 403  # no such indicator: only an analyst may learn that
        response = signed_in(username).get("/plans/demo/scorecard/999/records/?as_at=2023-05-31&team=T")
        assert response.status_code == expected, username


def test_only_those_who_keep_the_indicators_refresh_them_from_annex_a(signed_in) -> None:
    for username in EVERYONE:
        expected = 302 if username in (*MANAGERS, "ana") else 403
        response = signed_in(username).post("/plans/demo/scorecard/annex-a/refresh/")
        assert response.status_code == expected, username


def test_only_those_who_keep_the_indicators_import_them(client: Client, signed_in) -> None:
    url = "/plans/demo/scorecard/import/"
    assert client.get(url)["Location"].startswith("/sign-in/?next=")
    assert signed_in("nora").get(url).status_code == 404
    for username in EVERYONE:
        expected = 200 if username in (*MANAGERS, "ana") else 403
        assert signed_in(username).get(url).status_code == expected, username
        no_file = signed_in(username).post(url, {"kind": "values"})
        assert no_file.status_code == (400 if expected == 200 else 403), username


@pytest.mark.parametrize("url", MANAGER_PAGES)
def test_only_administrators_and_officers_reach_imports_and_people(signed_in, url: str) -> None:
    for username in EVERYONE:
        expected = 200 if username in MANAGERS else 403
        assert signed_in(username).get(url).status_code == expected, username


@pytest.mark.parametrize("action_id", ["1.1", "2.1", "2.2"])
def test_the_update_form_opens_for_the_actions_lead_and_managers_only(signed_in, action_id: str) -> None:
    leads = {"1.1": {"lee"}, "2.1": {"lara"}, "2.2": {"lee", "lara"}}[action_id]
    for username in EVERYONE:
        expected = 200 if username in MANAGERS or username in leads else 403
        for page in ("update", "evidence"):
            response = signed_in(username).get(f"/plans/demo/actions/{action_id}/{page}/")
            assert response.status_code == expected, (username, page)


def test_a_crafted_update_of_another_leads_action_is_refused_and_saves_nothing(signed_in) -> None:
    before = StatusRecord.objects.count()
    response = signed_in("lee").post(
        "/plans/demo/actions/2.1/update/", {"rag": "G", "commentary": "", "revision": "0", "seen": "0"}
    )
    assert response.status_code == 403
    assert StatusRecord.objects.count() == before


@pytest.mark.parametrize("username", ["bob", "vic"])
def test_board_members_and_viewers_change_nothing(signed_in, username: str) -> None:
    client = signed_in(username)
    before = StatusRecord.objects.count()
    assert client.post("/plans/demo/actions/1.1/update/", {"rag": "G"}).status_code == 403
    assert (
        client.post("/plans/demo/actions/1.1/evidence/", {"kind": "link", "url": "https://x.org"}).status_code
        == 403
    )
    assert client.post("/plans/demo/import/", {"kind": "plan"}).status_code == 403
    assert client.post("/plans/demo/people/", {"email": "x@y.org", "role": "officer"}).status_code == 403
    assert StatusRecord.objects.count() == before


def test_an_officer_cannot_make_anyone_an_administrator_or_change_one(signed_in, plan) -> None:
    client = signed_in("olivia")
    response = client.post(
        "/plans/demo/people/", {"name": "Eve", "email": "eve@council.example", "role": "administrator"}
    )
    assert response.status_code == 400
    alice = Membership.objects.get(plan=plan, user__username="alice")
    assert client.post(f"/plans/demo/people/{alice.pk}/", {"role": "viewer"}).status_code == 403
    lee = Membership.objects.get(plan=plan, user__username="lee")
    assert client.post(f"/plans/demo/people/{lee.pk}/", {"role": "administrator"}).status_code == 403
    alice.refresh_from_db()
    lee.refresh_from_db()
    assert (alice.role, lee.role) == ("administrator", "lead")


def test_an_administrator_makes_someone_an_administrator(signed_in, plan) -> None:
    lee = Membership.objects.get(plan=plan, user__username="lee")
    response = signed_in("alice").post(
        f"/plans/demo/people/{lee.pk}/", {"role": "administrator", "leads": ""}
    )
    assert response.status_code == 302
    lee.refresh_from_db()
    assert lee.role == "administrator"


def test_only_a_site_administrator_starts_a_plan(signed_in) -> None:
    data = {"title": "Second plan", "council": "Demo", "slug": "second"}
    assert signed_in("alice").post("/plans/new/", data).status_code == 403  # a plan's administrator
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username="nora").update(is_superuser=True)
    client = signed_in("nora")
    response = client.post("/plans/new/", data)
    assert response["Location"] == "/plans/second/import/"
    again = client.post("/plans/new/", {**data, "slug": "Second Plan!"})
    assert again.status_code == 400 and b"lower-case letters" in again.content


def test_a_plan_cannot_take_the_short_name_of_another_page(signed_in) -> None:
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username="nora").update(is_superuser=True)
    response = signed_in("nora").post("/plans/new/", {"title": "New", "council": "Demo", "slug": "new"})
    assert response.status_code == 400
    assert "&#x27;new&#x27; is the address of another page" in response.content.decode()
    assert signed_in("nora").get("/plans/new/").status_code == 200  # still the page that starts a plan


def test_a_refusal_says_why_on_a_gov_uk_page(signed_in) -> None:
    response = signed_in("lee").get("/plans/demo/actions/2.1/update/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "You cannot do this" in page and "govuk-template" in page
    assert "Only the action&#x27;s lead or an improvement officer can update it." in page


def test_a_missing_page_is_a_gov_uk_page(signed_in) -> None:
    response = signed_in("lee").get("/plans/demo/actions/9.9/")
    assert response.status_code == 404
    assert b"Page not found" in response.content and b"govuk-template" in response.content


def test_the_error_page_renders_without_a_request() -> None:
    from django.template.loader import render_to_string

    assert "Sorry, there is a problem with the service" in render_to_string("500.html")
