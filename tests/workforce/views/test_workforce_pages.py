"""The workforce pages: the month's figures and trend for everyone in the plan, the Excel download with
the same figures, a team's return entered on the site (refused with every problem, or when someone saved
the return after the page was opened), teams and courses, the import with its preview, and each team's
staff records, whose every viewing is in the audit log."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from oversight.annex_a.load import load_extract
from oversight.audit.models import Change
from oversight.performance.annex_a_engine import annex_a_engine
from oversight.workforce.models import Course, StaffRecord, Team, TeamReturn
from tests.parsed import visible_text
from tests.performance.test_caseload_pages import HEADER as LIST_6
from tests.performance.test_caseload_pages import cases
from tests.workforce.conftest import STAFF_ROWS, return_rows

pytestmark = pytest.mark.django_db
PAGE = "/plans/demo/workforce/"
RETURN = "/plans/demo/workforce/return/"


def a_return(**changed: str) -> dict[str, str]:
    form = {
        "team": "Assessment 1", "month-month": "12", "month-year": "2026", "funded": "10", "permanent": "8",
        "agency": "1.5", "vacancies": "2", "starters": "1", "leavers": "0", "sickness_days": "3.5",
        "offers_made": "2", "offers_accepted": "1", "revision": "",
    }  # fmt: skip
    return form | changed


def test_everyone_in_the_plan_sees_the_months_figures(signed_in, a_year) -> None:
    text = visible_text(signed_in("vic").get(PAGE))
    assert "All teams, November 2026" in text
    assert "Vacancy rate 19% (9.5 of 50 funded posts, FTE)" in text
    assert (
        "Turnover, 12 months 25% (7 leavers; 28.0 permanent staff on average, FTE). "
        "Left out, without twelve months of returns: Children in care" in text
    )
    assert "Threshold briefing 1.1 4 10 40%" in text
    assert "Enter a team's return" not in text  # a viewer keeps no records


def test_an_earlier_month_is_chosen_by_its_address(signed_in, a_year) -> None:
    text = visible_text(signed_in("vic").get(PAGE + "?month=2026-02"))
    assert "All teams, February 2026" in text
    assert "1 team sent no return for the month and is left out: Children in care" in text


def test_the_excel_download_has_every_month_as_numbers(signed_in, a_year) -> None:
    response = signed_in("bob").get(PAGE + "workforce.xlsx?month=2026-11")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Teams",
        "Trend",
        "Supervision",
        "Supervision trend",
        "Training",
        "Caseloads",
        "Trend by team",
    ]
    teams = book["Teams"]
    total = [c.value for c in teams[teams.max_row]]
    assert total[:7] == ["All teams", 50, 40.5, 6.5, 9.5, 0.19, pytest.approx(0.138)]
    trend = book["Trend"]
    assert trend.max_row == 2 + 13  # every month from the first return
    assert [c.value for c in trend[trend.max_row - 1]][:4] == [
        "October 2026",
        0.19,
        pytest.approx(0.138),
        pytest.approx(0.286),
    ]


def test_the_page_makes_as_many_queries_for_thirteen_months_as_for_one(
    signed_in, plan, teams, write_csv
) -> None:
    from oversight.audit.actors import Actor
    from oversight.workforce.returns_import import import_team_returns

    viewer = signed_in("vic")
    rows = return_rows()
    import_team_returns(
        write_csv("one.csv", [rows[0], *[r for r in rows[1:] if r[0] == "2026-11"]]), "demo", Actor("O")
    )
    with CaptureQueriesContext(connection) as one:
        assert viewer.get(PAGE).status_code == 200
    import_team_returns(write_csv("all.csv", rows), "demo", Actor("O"))
    with CaptureQueriesContext(connection) as thirteen:
        assert viewer.get(PAGE).status_code == 200
    assert len(thirteen) == len(one)


def test_an_officer_enters_a_return(signed_in, a_year) -> None:
    olivia = signed_in("olivia")
    response = olivia.post(RETURN, a_return())
    assert response.status_code == 302 and response["Location"].endswith("?month=2026-12")
    saved = TeamReturn.objects.get(team__name="Assessment 1", month=date(2026, 12, 1))
    assert (saved.agency, saved.sickness_days, saved.offers_accepted) == (1.5, 3.5, 1)
    assert Change.objects.filter(
        field="workforce return Assessment 1, December 2026", source="entered on the website"
    ).exists()


def test_a_return_that_cannot_be_so_is_refused_naming_every_problem(signed_in, a_year) -> None:
    response = signed_in("ana").post(RETURN, a_return(funded="ten", leavers="12", offers_accepted="3"))
    assert response.status_code == 400
    text = visible_text(response)
    assert "Enter the funded posts as a number of 0 or more, with up to 2 decimal places" in text
    assert "12 leavers is more than the team's 9.5 staff (permanent and agency FTE)" in text
    assert "3 offers accepted is more than the 2 made" in text
    assert not TeamReturn.objects.filter(month=date(2026, 12, 1)).exists()


def test_a_return_saved_by_someone_else_since_the_page_was_opened_is_not_overwritten(
    signed_in, a_year
) -> None:
    olivia = signed_in("olivia")
    opened = olivia.get(RETURN + "?team=Assessment+1&month=2026-11")
    assert 'name="revision" value="0"' in opened.content.decode()
    assert (
        olivia.post(RETURN, a_return(**{"month-month": "11", "revision": "0", "vacancies": "1"})).status_code
        == 302
    )
    stale = olivia.post(RETURN, a_return(**{"month-month": "11", "revision": "0", "vacancies": "3"}))
    assert stale.status_code == 400 and "saved by someone else after you opened this page" in visible_text(
        stale
    )
    assert TeamReturn.objects.get(team__name="Assessment 1", month=date(2026, 11, 1)).vacancies == 1
    change = Change.objects.get(field="workforce return Assessment 1, November 2026: vacancies FTE")
    assert (change.old_value, change.new_value) == ("2.00", "1")


def test_teams_are_added_and_changed_with_the_audit_trail(signed_in, plan) -> None:
    ana = signed_in("ana")
    form = {"name": "Fostering", "service": "Children in care", "kind": "social_work", "caseload_policy": ""}
    assert ana.post("/plans/demo/workforce/teams/", form).status_code == 302
    team = Team.objects.get(name="Fostering")
    again = ana.post("/plans/demo/workforce/teams/", form | {"name": "FOSTERING"})
    assert again.status_code == 400 and "There is already a team of that name" in visible_text(again)
    changed = form | {"kind": "iro", "caseload_policy": "70", "revision": "0"}
    assert ana.post(f"/plans/demo/workforce/teams/{team.pk}/", changed).status_code == 302
    assert Change.objects.get(field="workforce team Fostering: caseload policy").new_value == "70"
    stale = ana.post(f"/plans/demo/workforce/teams/{team.pk}/", changed | {"service": "Other"})
    assert stale.status_code == 400 and "Someone changed this team" in visible_text(stale)


def test_a_course_names_the_actions_that_require_it(signed_in, plan) -> None:
    olivia = signed_in("olivia")
    refused = olivia.post(
        "/plans/demo/workforce/courses/", {"name": "Signs of Safety", "actions": "1.1, 9.9"}
    )
    assert refused.status_code == 400 and "Not in this plan: 9.9" in visible_text(refused)
    assert (
        olivia.post(
            "/plans/demo/workforce/courses/", {"name": "Signs of Safety", "actions": "1.1, 2.1"}
        ).status_code
        == 302
    )
    assert sorted(Course.objects.get().actions.values_list("action_id", flat=True)) == ["1.1", "2.1"]


def test_viewing_a_teams_staff_records_is_logged(signed_in, a_year, teams) -> None:
    response = signed_in("ana").get(
        f"/plans/demo/workforce/teams/{teams['Assessment 1'].pk}/staff/?month=2026-11"
    )
    text = visible_text(response)
    assert "6 workers, November 2026" in text and "E6 none recorded" in text
    viewed = Change.objects.get(kind=Change.Kind.VIEWED, field="staff records")
    assert (viewed.new_value, viewed.actor) == ("Assessment 1, November 2026 (6 workers)", "Ana")


def test_staff_records_are_imported_after_their_preview(signed_in, plan, teams, write_csv) -> None:
    olivia = signed_in("olivia")
    with write_csv("staff.csv", STAFF_ROWS).open("rb") as handle:
        response = olivia.post("/plans/demo/workforce/import/", {"kind": "staff-records", "file": handle})
    assert response.status_code == 302
    preview = olivia.get(response["Location"])
    assert "Will import staff records" in visible_text(preview) and not StaffRecord.objects.exists()
    revision = preview.context["revision"]
    done = olivia.post(response["Location"] + "confirm/", {"revision": revision})
    assert done.status_code == 302 and StaffRecord.objects.count() == len(STAFF_ROWS) - 1


def test_social_work_teams_caseloads_come_from_annex_a_by_the_councils_policy(
    signed_in, a_year, settings, tmp_path, write_csv
) -> None:
    settings.ANNEX_A_DATABASE = tmp_path / "annex_a.duckdb"
    a_year.council = "Anytown"
    a_year.save()
    rows = cases("Assessment 1", "Jo Smith", 17) + cases("Assessment 1", "Sam Patel", 12)
    rows += cases("Assessment 1", "", 2)
    load_extract(annex_a_engine(), [write_csv("list6.csv", [LIST_6, *rows])], "Anytown", date(2026, 11, 30))
    text = visible_text(signed_in("vic").get(PAGE))
    # assessment teams are Safeguarding by their name, whose band by default is 12–15: Jo Smith is over
    assert "Assessment 1 Annex A, 30 November 2026 12–15 2 29 14.5 17 1 2" in text


@pytest.mark.parametrize(
    "address",
    [
        "/plans/demo/workforce/teams/",
        "/plans/demo/workforce/teams/{team}/",
        "/plans/demo/workforce/return/",
        "/plans/demo/workforce/courses/",
        "/plans/demo/workforce/import/",
        "/plans/demo/workforce/import/{token}/confirm/",
        "/plans/demo/workforce/import/{token}/cancel/",
    ],
)
def test_every_workforce_form_needs_its_security_token(plan, teams, address) -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username="olivia"))
    url = address.format(team=teams["Assessment 1"].pk, token="0" * 32)
    assert client.post(url, {"name": "Fostering"}).status_code == 403
    assert client.get("/plans/demo/workforce/teams/").status_code == 200


def test_an_actions_page_shows_the_training_it_requires(signed_in, a_year) -> None:
    text = visible_text(signed_in("lee").get("/plans/demo/actions/1.1/"))
    assert "Staff training it requires Threshold briefing : 4 of 10 staff (40%) by November 2026" in text
    assert "Staff training it requires" not in visible_text(signed_in("lee").get("/plans/demo/actions/1.2/"))


def test_the_page_and_its_download_show_a_corrected_return_at_once(signed_in, a_year) -> None:
    olivia = signed_in("olivia")

    def vacancies_in_download() -> float:
        teams = load_workbook(io.BytesIO(olivia.get(PAGE + "workforce.xlsx").content))["Teams"]
        return [c.value for c in teams[teams.max_row]][4]

    assert "Vacancy rate 19% (9.5 of 50 funded posts, FTE)" in visible_text(olivia.get(PAGE))
    assert vacancies_in_download() == 9.5
    corrected = a_return(**{"month-month": "11", "revision": "0", "vacancies": "1"})
    assert olivia.post(RETURN, corrected).status_code == 302
    assert "Vacancy rate 17% (8.5 of 50 funded posts, FTE)" in visible_text(olivia.get(PAGE))
    assert vacancies_in_download() == 8.5


def test_the_trend_of_a_service_or_a_team_is_chosen_by_its_address(signed_in, a_year) -> None:
    viewer = signed_in("vic")
    service = visible_text(viewer.get(PAGE + "?trend=service:Assessment"))
    assert "The year to November 2026: Assessment (service)" in service
    # the Assessment service's turnover in October: leavers 4 + 2 over 8 + 9 permanent staff, 35.3%
    assert "Assessment (service): rates, November 2025 to November 2026" in service
    assert "October 2026 22.7% 20.9% 35.3%" in service
    team = visible_text(viewer.get(PAGE + "?trend=team:Assessment+1"))
    assert "October 2026 20% 15.8% 50%" in team
    assert "Assessment 1: supervision month by month" in team
    assert "The year to November 2026: All teams" in visible_text(viewer.get(PAGE + "?trend=team:Nowhere"))


def test_the_download_has_every_services_and_teams_trend(signed_in, a_year) -> None:
    book = load_workbook(io.BytesIO(signed_in("vic").get(PAGE + "workforce.xlsx").content))
    trends = book["Trend by team"]
    rows = {(r[0], r[1]): r for r in trends.iter_rows(min_row=3, values_only=True)}
    assert rows[("Assessment (service)", "October 2026")][4] == pytest.approx(0.353)
    assert rows[("Children in care", "February 2026")][6] == 0  # no return that month: no team counted
    assert len(rows) == 13 * (4 + 5)  # four services and five teams, thirteen months each
