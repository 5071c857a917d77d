"""Who reaches each quality assurance page: the figures for everyone who can see the plan; the
programme's pages (which name cases) for its lead only; an audit for the lead, its auditor and its
moderator, and its team's manager once it raises a concern; a case auditor nothing else of the plan."""

from __future__ import annotations

import pytest
from django.test import Client

from oversight.audit.models import Change
from oversight.quality.models import CaseAudit
from tests.accounts.test_access import EVERYONE
from tests.quality.test_programme import GOOD, RI, grade

pytestmark = pytest.mark.django_db
NOT_LEAD = (*EVERYONE, "audrey")


def pages(programme) -> dict[str, str]:
    cohort = programme.cohort.pk
    return {
        "programme": "/plans/demo/quality/",
        "month": "/plans/demo/quality/?month=2026-11",
        "tools": "/plans/demo/quality/tools/",
        "tool": f"/plans/demo/quality/tools/{programme.version.tool_id}/",
        "teams": "/plans/demo/quality/teams/",
        "cohorts": "/plans/demo/quality/cohorts/",
        "cohort": f"/plans/demo/quality/cohorts/{cohort}/",
        "my audits": "/plans/demo/quality/audits/",
        "audit": f"/plans/demo/quality/audits/{programme.audit('C1001').pk}/",
        "case actions": "/plans/demo/quality/case-actions/",
    }


def test_nothing_is_visible_without_signing_in(client: Client, programme) -> None:
    for url in pages(programme).values():
        assert client.get(url)["Location"].startswith("/sign-in/?next="), url


def test_someone_with_no_role_in_the_plan_is_told_none_of_it_exists(signed_in, programme) -> None:
    for url in pages(programme).values():
        assert signed_in("nora").get(url).status_code == 404, url


def test_the_programmes_figures_are_for_everyone_who_sees_the_plan_but_a_case_auditor(
    signed_in, programme
) -> None:
    for name in ("programme", "month"):
        url = pages(programme)[name]
        for username in (*EVERYONE, "quinn"):
            assert signed_in(username).get(url).status_code == 200, (username, url)
        assert signed_in("audrey").get(url).status_code == 404
    assert signed_in("audrey").get("/plans/demo/").status_code == 404  # nor any other page of the plan


@pytest.mark.parametrize("name", ["tools", "tool", "teams", "cohorts", "cohort", "case actions"])
def test_the_pages_that_name_cases_are_the_quality_assurance_leads(signed_in, programme, name) -> None:
    url = pages(programme)[name]
    assert signed_in("quinn").get(url).status_code == 200
    for username in EVERYONE:
        assert signed_in(username).get(url).status_code == 403, username
    assert signed_in("audrey").get(url).status_code == 404


def test_an_audit_opens_for_the_lead_its_auditor_and_its_moderator_only(signed_in, programme) -> None:
    audrey_s, laras = programme.audit("C1001"), programme.audit("C1002")
    assert (audrey_s.auditor_name, laras.auditor_name) == ("Audrey", "Lara")
    url = pages(programme)["audit"]
    for username, expected in {
        "quinn": 200,
        "audrey": 200,
        "lara": 404,
        "lee": 404,
        "alice": 404,
        "ana": 404,
    }.items():
        assert signed_in(username).get(url).status_code == expected, username
    assert signed_in("audrey").get(f"/plans/demo/quality/audits/{laras.pk}/").status_code == 404
    CaseAudit.objects.filter(pk=audrey_s.pk).update(moderator=laras.auditor)
    assert signed_in("lara").get(url).status_code == 200


def test_the_teams_manager_opens_an_audit_once_it_raises_a_concern(signed_in, programme) -> None:
    url = pages(programme)["audit"]
    assert signed_in("lee").get(url).status_code == 404
    grade(programme, "C1001", RI, concern="Child left alone overnight.")
    assert signed_in("lee").get(url).status_code == 200


def test_every_viewing_of_an_audit_is_in_the_audit_log(signed_in, programme) -> None:
    audit = programme.audit("C1001")
    signed_in("quinn").get(pages(programme)["audit"])
    signed_in("audrey").get(pages(programme)["audit"])
    viewed = Change.objects.filter(
        kind=Change.Kind.VIEWED, field="case audit", new_value=f"case audit {audit.pk}"
    )
    assert sorted(viewed.values_list("actor", flat=True)) == ["Audrey", "Quinn"]


def test_another_plans_audits_and_cohorts_are_not_found_through_this_plan(
    signed_in, programme, write_csv
) -> None:
    from oversight.plans.models import Plan

    other = Plan.objects.create(slug="other", title="Other plan")
    cohort = programme.cohort
    cohort.plan = other
    cohort.save()
    for url in (f"/plans/demo/quality/cohorts/{cohort.pk}/", pages(programme)["audit"]):
        assert signed_in("quinn").get(url).status_code == 404, url


def test_only_the_auditor_grades_and_only_a_moderator_moderates(signed_in, programme) -> None:
    audit = programme.audit("C1001")
    form = {f"domain_{n}": str(GOOD) for n in range(3)} | {"overall": str(GOOD), "revision": "0"}
    assert signed_in("quinn").post(f"/plans/demo/quality/audits/{audit.pk}/grades/", form).status_code == 404
    assert signed_in("lara").post(f"/plans/demo/quality/audits/{audit.pk}/grades/", form).status_code == 404
    assert programme.audit("C1001").overall_rank is None
    assert signed_in("audrey").post(f"/plans/demo/quality/audits/{audit.pk}/grades/", form).status_code == 302
    moderation = {"agreed": str(RI), "revision": "1"}
    url = f"/plans/demo/quality/audits/{audit.pk}/moderation/"
    assert signed_in("audrey").post(url, moderation).status_code == 404  # her own audit
    assert signed_in("lara").post(url, moderation).status_code == 404  # not given it to moderate
    assert signed_in("quinn").post(url, moderation).status_code == 302
    assert programme.audit("C1001").agreed_grade == "Requires improvement"


def test_every_form_needs_its_security_token(programme) -> None:
    from django.contrib.auth import get_user_model

    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username="quinn"))
    audit = programme.audit("C1001").pk
    for url in (
        "/plans/demo/quality/tools/",
        f"/plans/demo/quality/tools/{programme.version.tool_id}/",
        "/plans/demo/quality/teams/",
        "/plans/demo/quality/cohorts/",
        f"/plans/demo/quality/cohorts/{programme.cohort.pk}/moderation/",
        f"/plans/demo/quality/audits/{audit}/grades/",
        f"/plans/demo/quality/audits/{audit}/moderation/",
        f"/plans/demo/quality/audits/{audit}/case-actions/",
        f"/plans/demo/quality/cohorts/{programme.cohort.pk}/findings/",
        "/plans/demo/quality/themes/",
        "/plans/demo/quality/practice-weeks/",
        "/plans/demo/quality/import/",
    ):
        assert client.post(url, {}).status_code == 403, url


def test_a_case_auditors_menu_has_only_their_audits(signed_in, programme) -> None:
    page = signed_in("audrey").get("/plans/demo/quality/audits/").content.decode()
    assert 'href="/plans/demo/quality/audits/"' in page
    for elsewhere in ('href="/plans/demo/"', 'href="/plans/demo/actions/"', 'href="/plans/demo/quality/"'):
        assert elsewhere not in page, elsewhere
