"""The caseload page and the caseload policy on the website: teams and workers above their band,
the bands officers set, and the team types they name."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from oversight.annex_a.load import load_extract
from oversight.audit.models import Change
from oversight.performance.annex_a_engine import annex_a_engine
from oversight.performance.models import CaseloadBand, CaseloadTeam
from tests import parsed

pytestmark = pytest.mark.django_db

AS_AT = date(2023, 5, 31)
EARLIER = date(2023, 3, 31)
HEADER = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "CIN Start Date",
          "CIN Closure Date", "Allocated Team", "Allocated Worker"]  # fmt: skip
POLICY = "/plans/demo/caseloads/policy/"
BAND = "/plans/demo/caseloads/policy/band/"
TEAM = "/plans/demo/caseloads/policy/team/"


def cases(team: str, worker: str, count: int) -> list[list[str]]:
    """`count` children in need, open, allocated to `worker` in `team`."""
    return [[f"{worker}-{i}", "", "", "", "", "01/01/2023", "", team, worker] for i in range(count)]


@pytest.fixture
def load(plan, settings, tmp_path, write_csv):
    """Loads list 6 for the plan's council ("Anytown") as at a date, into a DuckDB file of the test's own."""
    settings.ANNEX_A_DATABASE = tmp_path / "annex_a.duckdb"
    plan.council = "Anytown"
    plan.save()

    def load_list6(rows: list[list[str]], as_at: date = AS_AT) -> None:
        load_extract(annex_a_engine(), [write_csv(f"list6-{as_at}.csv", [HEADER, *rows])], "Anytown", as_at)

    return load_list6


@pytest.fixture
def caseload_extract(load):
    """Ann Smith is above the safeguarding band (16 against 12–15); Cy Jones's team "Pod 4" has no
    type in its name; Di Brown is within the band for children looked after."""
    load(
        cases("Safeguarding 1", "Ann Smith", 16)
        + cases("Safeguarding 1", "Bo Green", 12)
        + cases("Pod 4", "Cy Jones", 11)
        + cases("Children Looked After", "Di Brown", 9)
    )


def page(client, url: str = "/plans/demo/caseloads/") -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def table_row(text: str, heading: str) -> str:
    """The table row whose heading cell is `heading`."""
    start = text.index(f'<th scope="row" class="govuk-table__header">{heading}</th>')
    return text[start : text.index("</tr>", start)]


def test_the_caseload_page_compares_each_team_with_the_default_policy(signed_in, caseload_extract) -> None:
    text = page(signed_in("vic"))
    assert "1 of 3 teams has workers above their band; 1 worker in all." in text
    assert "1 team has no band" in text
    assert "the default bands" in text
    assert "as at 31 May 2023" in text
    assert '<title id="caseload-chart-title">' in text and "Teams as at 31 May 2023" in text
    row = table_row(text, "Safeguarding 1")
    assert "12–15" in row and ">2<" in row and ">28<" in row and ">14.0<" in row and "Above band" in row
    pod = table_row(text, "Pod 4")
    assert "Not known" in pod and "No band" in pod
    assert 'href="/plans/demo/caseloads/policy/"' in text


@pytest.mark.parametrize("username", ["alice", "olivia", "ana"])
def test_administrators_officers_and_analysts_see_the_workers_above_their_band(
    signed_in, caseload_extract, username: str
) -> None:
    text = page(signed_in(username))
    assert "Ann Smith" in text and "Bo Green" not in text


@pytest.mark.parametrize("username", ["vic", "lee", "lara", "bob"])
def test_others_see_how_many_workers_are_above_their_band_but_not_who(
    signed_in, caseload_extract, username: str
) -> None:
    text = page(signed_in(username))
    assert "Ann Smith" not in text
    assert "1 worker is above their band" in text


def test_the_caseload_page_says_how_to_load_an_extract(signed_in, plan, load) -> None:
    assert 'oversight annex-a load annex-a.xlsx --council "Anytown"' in page(signed_in("vic"))
    plan.council = ""
    plan.save()
    text = page(signed_in("vic"))
    assert "This plan has no council named" in text and "--council" in text


def test_the_newest_extract_is_shown_unless_another_is_chosen(signed_in, load) -> None:
    load(cases("Safeguarding 1", "Ann Smith", 16), AS_AT)
    load(cases("Safeguarding 1", "Ann Smith", 15), EARLIER)
    client = signed_in("olivia")
    assert "1 of 1 team has workers above" in page(client)
    earlier = page(client, "/plans/demo/caseloads/?as_at=2023-03-31")
    assert "No team has workers above their band" in earlier and "as at 31 March 2023" in earlier
    assert client.get("/plans/demo/caseloads/?as_at=2023-04-30").status_code == 404
    assert client.get("/plans/demo/caseloads/?as_at=soon").status_code == 404


def test_the_policy_page_shows_the_default_bands_until_the_plan_sets_its_own(signed_in, plan) -> None:
    text = page(signed_in("vic"), POLICY)
    assert "uses the default bands" in text
    assert ">Independent reviewing officers<" in text and "up to 60" in text
    assert "Add the band" not in text and '<form method="post" action="/plans/demo/caseloads' not in text
    assert "Add the band" in page(signed_in("olivia"), POLICY)
    CaseloadBand.objects.create(plan=plan, team_type="Court", low=6, high=9)
    text = page(signed_in("vic"), POLICY)
    assert "uses the default bands" not in text and "6–9" in text and "Independent reviewing" not in text


def test_an_officer_changes_a_band_and_the_caseload_page_follows(signed_in, caseload_extract, plan) -> None:
    client = signed_in("olivia")
    response = client.post(BAND, {"band": "Safeguarding", "low": "12", "high": "16"})
    assert response.status_code == 302 and response["Location"] == POLICY
    assert CaseloadBand.objects.filter(plan=plan).count() == 5  # the default bands became the plan's own
    assert CaseloadBand.objects.get(plan=plan, team_type="Safeguarding").high == 16
    adopted = Change.objects.get(plan=plan, field="caseload policy")
    assert adopted.kind == "added" and adopted.new_value.startswith(
        "default bands: Safeguarding 12–15; Court"
    )
    changed = Change.objects.get(plan=plan, field="caseload band: Safeguarding")
    assert (changed.kind, changed.old_value, changed.new_value, changed.actor) == (
        "changed",
        "12–15",
        "12–16",
        "Olivia",
    )
    text = page(client)
    assert "No team has workers above their band" in text and "the default bands" not in text
    assert client.post(BAND, {"band": "Safeguarding", "low": "12", "high": "16"}).status_code == 302
    assert Change.objects.filter(plan=plan, field="caseload band: Safeguarding").count() == 1  # no change


def test_an_officer_adds_and_removes_bands(signed_in, plan) -> None:
    client = signed_in("olivia")
    response = client.post(POLICY, {"team_type": "Disabled children", "low": "", "high": "10"})
    assert response.status_code == 302
    assert CaseloadBand.objects.get(plan=plan, team_type="Disabled children").low is None
    added = Change.objects.get(plan=plan, field="caseload band: Disabled children")
    assert (added.kind, added.new_value) == ("added", "up to 10")
    again = client.post(POLICY, {"team_type": "disabled CHILDREN", "low": "", "high": "12"})
    assert again.status_code == 400
    assert "The policy already has a band for disabled CHILDREN" in again.content.decode()
    assert client.post(BAND, {"band": "Court", "remove": "1"}).status_code == 302
    assert not CaseloadBand.objects.filter(plan=plan, team_type="Court").exists()
    removed = Change.objects.get(plan=plan, field="caseload band: Court")
    assert (removed.kind, removed.old_value) == ("removed", "8–10")


def test_the_last_band_is_not_removed(signed_in, plan) -> None:
    CaseloadBand.objects.create(plan=plan, team_type="Court", low=8, high=10)
    response = signed_in("olivia").post(BAND, {"band": "Court", "remove": "1"})
    assert response.status_code == 400
    assert "The policy needs at least one band" in response.content.decode()
    assert CaseloadBand.objects.filter(plan=plan).count() == 1


def test_bad_bands_are_refused_with_what_to_type_and_nothing_changes(signed_in, plan) -> None:
    client = signed_in("olivia")
    response = client.post(POLICY, {"team_type": "", "low": "twelve", "high": "10"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "There is a problem" in text and 'href="#team_type"' in text and 'href="#low"' in text
    assert "Enter the team type" in text and "Enter the fewest cases as a whole number" in text
    assert 'value="twelve"' in text  # what was typed is kept
    response = client.post(BAND, {"band": "Court", "low": "10", "high": "8"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "The most cases for Court must be at least the fewest (10)" in text and 'href="#high-1"' in text
    assert parsed.document(response).xpath("//input[@id='high-1'][@name='high']/@value") == ["8"]
    response = client.post(BAND, {"band": "Court", "low": "", "high": "9.5"})
    assert response.status_code == 400
    assert not CaseloadBand.objects.filter(plan=plan).exists()
    assert not Change.objects.filter(plan=plan, field__startswith="caseload").exists()
    missing = client.post(BAND, {"band": "Fostering", "low": "", "high": "9"})
    assert missing.status_code == 302 and not CaseloadBand.objects.filter(plan=plan).exists()


def test_the_policy_page_lists_the_teams_with_the_type_their_name_tells(signed_in, caseload_extract) -> None:
    text = page(signed_in("vic"), POLICY)
    pod = table_row(text, "Pod 4")
    assert "Not known" in pod
    safeguarding = table_row(text, "Safeguarding 1")
    assert safeguarding.count("Safeguarding") == 3  # its name, the type from its name, and the type used
    assert ">No team<" not in text


def test_naming_a_teams_type_gives_it_that_types_band(signed_in, caseload_extract, plan) -> None:
    client = signed_in("olivia")
    assert client.post(TEAM, {"team": "Pod 4", "team_type": "Court"}).status_code == 302
    assert CaseloadTeam.objects.get(plan=plan, team="Pod 4").team_type == "Court"
    named = Change.objects.get(plan=plan, field="caseload team type: Pod 4")
    assert (named.kind, named.old_value, named.new_value) == ("added", "", "Court")
    text = page(client)
    pod = table_row(text, "Pod 4")
    assert "Court" in pod and "8–10" in pod and "Above band" in pod  # Cy Jones: 11 cases
    assert "2 of 3 teams have workers above their band; 2 workers in all." in text
    assert "Cy Jones" in text
    assert '<option value="Court" selected>' in page(client, POLICY)
    assert client.post(TEAM, {"team": "Pod 4", "team_type": ""}).status_code == 302
    assert not CaseloadTeam.objects.filter(plan=plan).exists()
    assert Change.objects.filter(plan=plan, field="caseload team type: Pod 4", kind="removed").exists()


def test_a_team_type_outside_the_policy_is_refused(signed_in, caseload_extract, plan) -> None:
    response = signed_in("olivia").post(TEAM, {"team": "Pod 4", "team_type": "Anything"}, follow=True)
    assert "Select one of the policy&#x27;s team types" in response.content.decode()
    assert not CaseloadTeam.objects.filter(plan=plan).exists()


@pytest.mark.parametrize("username", ["lee", "lara", "bob", "ana", "vic"])
def test_only_administrators_and_officers_change_the_policy(
    signed_in, caseload_extract, plan, username: str
) -> None:
    client = signed_in(username)
    assert client.post(POLICY, {"team_type": "Court", "low": "", "high": "5"}).status_code == 403
    assert client.post(BAND, {"band": "Court", "low": "", "high": "5"}).status_code == 403
    assert client.post(BAND, {"band": "Court", "remove": "1"}).status_code == 403
    assert client.post(TEAM, {"team": "Pod 4", "team_type": "Court"}).status_code == 403
    assert not CaseloadBand.objects.exists() and not CaseloadTeam.objects.exists()
    assert signed_in("nora").post(POLICY, {"team_type": "Court", "high": "5"}).status_code == 404


def test_changing_the_policy_takes_a_post(signed_in, plan) -> None:
    assert signed_in("olivia").get(BAND).status_code == 405
    assert signed_in("olivia").get(TEAM).status_code == 405


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        page(client, url)
    return len(captured)


@pytest.mark.parametrize("url", ["/plans/demo/caseloads/", POLICY])
def test_queries_do_not_grow_with_teams_or_named_types(signed_in, load, plan, url: str) -> None:
    client = signed_in("olivia")
    load(cases("Safeguarding 1", "Ann Smith", 16))
    CaseloadTeam.objects.create(plan=plan, team="Pod 0", team_type="Court")
    small = _queries(client, url)
    load([row for i in range(40) for row in cases(f"Pod {i}", f"Worker {i}", 5 + i)])
    CaseloadTeam.objects.bulk_create(
        CaseloadTeam(plan=plan, team=f"Pod {i}", team_type="Court") for i in range(1, 40)
    )
    CaseloadBand.objects.create(plan=plan, team_type="Court", low=8, high=10)
    assert _queries(client, url) == small
