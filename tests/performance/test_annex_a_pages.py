"""An Annex A indicator's page: its figure by team against the target; the child records behind a
team's figure for analysts only, every viewing logged; refreshing the scorecard from Annex A."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal as D

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from oversight.annex_a.load import load_extract
from oversight.audit.models import Change
from oversight.performance.annex_a_engine import annex_a_engine
from oversight.performance.models import Indicator, IndicatorValue
from oversight.performance.views import annex_a as annex_a_views
from oversight.plans.models import Plan
from tests.annex_a.conftest import COMMON
from tests.parsed import visible_text as text
from tests.performance.conftest import computed
from tests.posted import month_boxes

pytestmark = pytest.mark.django_db
EVERYONE_BUT_ANALYSTS = ("alice", "olivia", "lee", "lara", "bob", "vic")
LIST5 = [
    *COMMON,
    "Strategy discussion initiating Section 47 Enquiry Start Date",
    "Date of Initial Child Protection Conference",
    "Allocated Team",
    "Allocated Worker",
]


@pytest.fixture
def icpcs(annex_a) -> Indicator:
    return computed(annex_a, "ICPCs in timescale", "icpc_15", tolerance=D(5))


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def records_url(indicator: Indicator, team: str = "Team 1") -> str:
    return f"/plans/demo/scorecard/{indicator.pk}/records/?as_at=2023-05-31&team={team.replace(' ', '+')}"


def test_the_figure_by_team_with_each_team_rated_against_the_target(signed_in, icpcs) -> None:
    words = text(page(signed_in("vic"), f"/plans/demo/scorecard/{icpcs.pk}/"))
    assert "Extract Anytown, as at 31 May 2023" in words
    assert "Figure 2 of 3 records: 66.7% (higher is better)" in words
    assert "11-15 2 16-20 1" in words  # the distribution of working days
    assert "Team 1 2 1 50% Red" in words and "Team 2 1 1 100% Green" in words
    assert (
        "2 teams. Highest: Team 2 (100%); lowest: Team 1 (50%). Against the target of 90%: 1 Green, 0 Amber,"
        " 1 Red." in words
    )


def test_the_chart_draws_a_bar_a_team_with_the_target_line(signed_in, icpcs) -> None:
    html = page(signed_in("vic"), f"/plans/demo/scorecard/{icpcs.pk}/")
    chart = html[
        html.index('aria-labelledby="team-chart-title"') : html.index("</svg>", html.index("team-chart"))
    ]
    assert "The table below gives the figures" in chart
    assert re.findall(r'<rect class="app-chart__bar--(\w+)" x="190" y="\d+" width="([\d.]+)"', chart) == [
        ("R", "190.0"),  # 50% of 380
        ("G", "380.0"),
    ]
    assert 'x1="532.0"' in chart and "Target 90%" in chart  # 190 + 90% of 380


def test_nobody_but_an_analyst_gets_a_link_to_child_records(signed_in, icpcs) -> None:
    for username in EVERYONE_BUT_ANALYSTS:
        html = page(signed_in(username), f"/plans/demo/scorecard/{icpcs.pk}/")
        assert "Team 1" in html and "/records/" not in html, username
    html = page(signed_in("ana"), f"/plans/demo/scorecard/{icpcs.pk}/")
    assert f'href="{records_url(icpcs).replace("&", "&amp;")}"' in html
    assert 'Child records<span class="govuk-visually-hidden"> for Team 2</span>' in html


def test_analysts_and_officers_see_the_figure_by_worker(signed_in, icpcs) -> None:
    for username in ("ana", "olivia", "alice"):
        assert "by allocated worker" in page(signed_in(username), f"/plans/demo/scorecard/{icpcs.pk}/")
    assert "by allocated worker" not in page(signed_in("vic"), f"/plans/demo/scorecard/{icpcs.pk}/")
    html = page(signed_in("ana"), f"/plans/demo/scorecard/{icpcs.pk}/")
    assert f"/plans/demo/scorecard/{icpcs.pk}/records/?as_at=2023-05-31&amp;worker=Ann" in html


def test_the_child_records_behind_a_teams_figure(signed_in, icpcs) -> None:
    words = text(page(signed_in("ana"), records_url(icpcs)))
    assert "Team Team 1 Records 2" in words
    assert "Row in the extract Child Unique ID Team Worker Working days Met" in words
    assert "2 S1 Team 1 Ann 15 Yes" in words and "3 S2 Team 1 Ann 16 No" in words
    assert "S3" not in words


def test_child_records_are_refused_to_everyone_but_analysts(signed_in, icpcs) -> None:
    for username in EVERYONE_BUT_ANALYSTS:
        response = signed_in(username).get(records_url(icpcs))
        assert response.status_code == 403, username
        assert "S1" not in text(response)  # the page says nothing of the records
    assert signed_in("nora").get(records_url(icpcs)).status_code == 404
    assert not Change.objects.filter(kind=Change.Kind.VIEWED).exists()  # a refusal shows nothing to log


def test_every_viewing_of_child_records_is_in_the_audit_log(signed_in, icpcs, plan) -> None:
    revision = Plan.objects.get(pk=plan.pk).revision
    client = signed_in("ana")
    client.get(records_url(icpcs))
    client.get(records_url(icpcs, "Team 2"))
    logged = Change.objects.filter(plan=plan, kind=Change.Kind.VIEWED).order_by("id")
    assert [(c.actor, c.user.username, c.field) for c in logged] == [("Ana", "ana", "child records")] * 2
    assert logged[0].new_value == (
        "Initial child protection conferences within 15 working days of the strategy discussion (icpc_15);"
        " Annex A extract for Anytown as at 31 May 2023; team Team 1; 2 records, page 1 of 1"
    )
    assert "team Team 2; 1 records" in logged[1].new_value
    assert Plan.objects.get(pk=plan.pk).revision == revision  # looking changes nothing in the plan
    viewings = text(page(client, "/plans/demo/audit/?field=child+records"))
    assert "2 changes." in viewings and "Viewed: child records" in viewings


WORKER_NAMES_SEEN_BY = {"alice", "olivia", "ana"}


def test_the_audit_log_names_the_worker_a_viewing_was_about_only_to_those_who_see_workers_names(
    signed_in, icpcs
) -> None:
    page(signed_in("ana"), f"/plans/demo/scorecard/{icpcs.pk}/records/?as_at=2023-05-31&worker=Ann")
    for username in ("alice", "olivia", "lee", "lara", "bob", "ana", "vic"):
        words = text(page(signed_in(username), "/plans/demo/audit/?field=child+records"))
        assert "1 change." in words, username
        if username in WORKER_NAMES_SEEN_BY:
            assert "as at 31 May 2023; worker Ann; 2 records, page 1 of 1" in words, username
        else:
            assert "as at 31 May 2023; worker (name withheld); 2 records, page 1 of 1" in words, username
            assert "Ann;" not in words, username
    assert "worker Ann;" in Change.objects.get(kind=Change.Kind.VIEWED).new_value  # kept whole


def test_a_long_list_of_child_records_is_paged(signed_in, icpcs, monkeypatch) -> None:
    monkeypatch.setattr(annex_a_views, "RECORDS_PAGE_SIZE", 2)
    url = f"/plans/demo/scorecard/{icpcs.pk}/records/?as_at=2023-05-31"  # every team
    first = text(page(signed_in("ana"), url))
    assert "S1" in first and "S2" in first and "S3" not in first and "page 1 of 2" in first
    second = page(signed_in("ana"), f"{url}&page=2")
    assert "S3" in text(second) and "S1" not in text(second)
    assert 'href="?as_at=2023-05-31&amp;page=1"' in second
    assert (
        Change.objects.filter(kind=Change.Kind.VIEWED)
        .latest("id")
        .new_value.endswith("every team; 3 records, page 2 of 2")
    )


@pytest.mark.parametrize(
    "query", ["?as_at=2020-01-01&team=Team+1", "?team=Team+1", "?as_at=31/05/2023", "?as_at=nonsense"]
)
def test_child_records_of_an_extract_not_loaded_are_not_found(signed_in, icpcs, query) -> None:
    assert signed_in("ana").get(f"/plans/demo/scorecard/{icpcs.pk}/records/{query}").status_code == 404


def test_child_records_of_an_indicator_not_from_annex_a_are_not_found(signed_in, annex_a) -> None:
    entered = Indicator.objects.create(plan=annex_a, name="Entered", service_area="S", polarity="higher")
    unknown = computed(annex_a, "Unknown", "icpc_16")
    for indicator in (entered, unknown):
        assert signed_in("ana").get(records_url(indicator)).status_code == 404


def test_the_newest_extract_is_shown_and_another_can_be_chosen(signed_in, icpcs, write_csv) -> None:
    earlier = [LIST5, ["S1", "F", "W", "", "", "16/09/2022", "10/10/2022", "Team 1", "Ann"]]
    load_extract(annex_a_engine(), [write_csv("earlier.csv", earlier)], "Anytown", date(2023, 5, 3))
    client = signed_in("vic")
    newest = text(page(client, f"/plans/demo/scorecard/{icpcs.pk}/"))
    assert "As at 31 May 2023 As at 3 May 2023" in newest and "2 of 3 records: 66.7%" in newest
    chosen = text(page(client, f"/plans/demo/scorecard/{icpcs.pk}/?as_at=2023-05-03"))
    assert "Anytown, as at 3 May 2023" in chosen and "1 of 1 records: 100%" in chosen
    missing = text(page(client, f"/plans/demo/scorecard/{icpcs.pk}/?as_at=2020-01-01"))
    assert "No extract as at 2020-01-01 is loaded, so the newest is shown." in missing
    assert "2 of 3 records: 66.7%" in missing


def test_what_stops_a_breakdown_is_said(signed_in, plan, annex_a, settings, tmp_path) -> None:
    visits = computed(annex_a, "CP visits", "cp_visits")
    unknown = computed(annex_a, "Unknown", "icpc_16")
    entered = Indicator.objects.create(plan=annex_a, name="Entered", service_area="S", polarity="higher")
    client = signed_in("vic")
    assert "List 7, which 'cp_visits' needs, is not in the extract as at 31 May 2023." in text(
        page(client, f"/plans/demo/scorecard/{visits.pk}/")
    )
    assert "The measure 'icpc_16' is not an Annex A measure." in text(
        page(client, f"/plans/demo/scorecard/{unknown.pk}/")
    )
    assert "From Annex A" not in page(client, f"/plans/demo/scorecard/{entered.pk}/")
    settings.ANNEX_A_DATABASE = tmp_path / "none.duckdb"
    assert "No Annex A extract has been loaded for Anytown." in text(
        page(client, f"/plans/demo/scorecard/{visits.pk}/")
    )
    Plan.objects.filter(pk=plan.pk).update(council="")
    assert "The plan does not name its council" in page(client, f"/plans/demo/scorecard/{visits.pk}/")


def test_an_indicator_without_a_target_is_not_rated_by_team(signed_in, annex_a) -> None:
    indicator = computed(annex_a, "ICPCs", "icpc_15")
    Indicator.objects.filter(pk=indicator.pk).update(target=None)
    words = text(page(signed_in("vic"), f"/plans/demo/scorecard/{indicator.pk}/"))
    assert "The indicator has no target, so the teams are not rated." in words
    assert "Team 1 2 1 50% Team 2 1 1 100%" in words


def test_refreshing_from_annex_a_records_the_values_and_shows_their_month(signed_in, icpcs) -> None:
    client = signed_in("ana")
    assert "Refresh from Annex A" in page(client, "/plans/demo/scorecard/")
    response = client.post("/plans/demo/scorecard/annex-a/refresh/")
    assert response.status_code == 302 and response["Location"] == "/plans/demo/scorecard/?month=2023-05"
    assert IndicatorValue.objects.get(indicator=icpcs, period=date(2023, 5, 1)).value == D("66.7")
    words = text(page(client, response["Location"]))
    assert "Annex A values for Improvement plan: 1 recorded, 0 unchanged." in words
    assert "ICPCs in timescale 90% 66.7% Red" in words


def test_what_a_refresh_could_not_record_is_said(signed_in, icpcs) -> None:
    computed(icpcs.plan, "Unknown", "icpc_16")
    response = signed_in("olivia").post("/plans/demo/scorecard/annex-a/refresh/", follow=True)
    words = text(response.content.decode())
    assert "1 recorded, 0 unchanged, 1 not recorded." in words
    assert "Not recorded: Unknown: 'icpc_16' is not an Annex A measure." in words


def test_only_those_who_keep_the_indicators_refresh_them(signed_in, icpcs) -> None:
    for username in ("lee", "lara", "bob", "vic"):
        client = signed_in(username)
        assert "Refresh from Annex A" not in page(client, "/plans/demo/scorecard/"), username
        assert client.post("/plans/demo/scorecard/annex-a/refresh/").status_code == 403, username
    assert signed_in("ana").get("/plans/demo/scorecard/annex-a/refresh/").status_code == 405
    assert not IndicatorValue.objects.exists()


def _queries(client, url: str) -> tuple[int, int]:
    """Queries with the extract's measures not yet kept, and kept."""
    counted = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200, url
        counted.append(len(captured))
    return counted[0], counted[1]


def test_queries_do_not_grow_with_the_extracts_teams_and_records(signed_in, icpcs, write_csv) -> None:
    client = signed_in("ana")
    urls = [f"/plans/demo/scorecard/{icpcs.pk}/", records_url(icpcs)]
    [_queries(client, url) for url in urls]  # the session's first request
    cache.clear()  # the extract's measures are made again, and kept
    small = [_queries(client, url) for url in urls]
    rows = [
        [f"C{i}", "F", "W", "", "", "16/09/2022", "10/10/2022", f"Team {i % 40}", f"Worker {i % 90}"]
        for i in range(600)
    ]
    load_extract(annex_a_engine(), [write_csv("bigger.csv", [LIST5, *rows])], "Anytown", date(2023, 5, 31))
    for as_at in ("2023-05-01", "2023-04-28", "2023-03-31"):
        load_extract(
            annex_a_engine(), [write_csv("more.csv", [LIST5, *rows])], "Anytown", date.fromisoformat(as_at)
        )
    cache.clear()
    large = [_queries(client, url) for url in urls]
    assert "Team 39" in page(client, urls[0])
    assert large == small


def test_an_annex_a_indicator_takes_its_values_from_the_extracts_not_the_keyboard(annex_a, signed_in) -> None:
    icpcs = Indicator.objects.create(
        plan=Plan.objects.get(slug="demo"), name="ICPCs from Annex A", service_area="Safeguarding",
        polarity="higher", target=D(90), source="annex_a", measure="icpc_15",
    )  # fmt: skip
    client = signed_in("ana")
    assert "Save the value" not in client.get(f"/plans/demo/scorecard/{icpcs.pk}/").content.decode()
    refused = client.post(
        f"/plans/demo/scorecard/{icpcs.pk}/", {**month_boxes("period", date(2023, 5, 1)), "value": "99"}
    )
    assert refused.status_code == 403
    assert not IndicatorValue.objects.filter(indicator=icpcs).exists()


def test_an_extracts_measures_are_worked_out_once_and_again_only_when_it_is_loaded_again(
    signed_in, icpcs, write_csv, monkeypatch
) -> None:
    from oversight.performance import annex_a_engine as engine_module

    worked_out = []
    real = engine_module.compute_measures

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        worked_out.append(args[1:3])
        return real(*args, **kwargs)

    monkeypatch.setattr(engine_module, "compute_measures", counting)
    cache.clear()
    client = signed_in("vic")
    for _ in range(3):
        assert "Figure 2 of 3 records: 66.7%" in text(page(client, f"/plans/demo/scorecard/{icpcs.pk}/"))
    assert worked_out == [("Anytown", date(2023, 5, 31))]  # kept, for every worker, from the first
    rows = [[f"C{i}", "F", "W", "", "", "16/09/2022", "10/10/2022", "Team 1", "Ann"] for i in range(4)]
    load_extract(annex_a_engine(), [write_csv("again.csv", [LIST5, *rows])], "Anytown", date(2023, 5, 31))
    words = text(page(client, f"/plans/demo/scorecard/{icpcs.pk}/"))
    assert "Figure 2 of 3 records" not in words and len(worked_out) == 2
