"""The workforce in the browser, every page checked with axe at 320 and 1,280 px (and failed if it scrolls
sideways): an officer adds a team and enters its return, each after an error, and reads the month's
figures; an analyst imports staff records after an error and opens a team's staff records, whose viewing
is logged; a viewer reads a year of figures, with the charts of the rates and of supervision."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Page

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.plans.models import Plan
from oversight.workforce.models import StaffRecord, Team
from oversight.workforce.returns_import import import_staff_records, import_team_returns
from tests.browser.conftest import fill_date
from tests.workforce.conftest import STAFF_HEADER, STAFF_ROWS, TEAMS, return_rows

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def add_teams(plan: Plan) -> None:
    for name, service, kind, policy in TEAMS:
        Team.objects.create(plan=plan, name=name, service=service, kind=kind, caseload_policy=policy)


def summary(page: Page, key: str) -> str:
    """The value beside `key` in the page's summary list of all teams' month."""
    row = page.locator(".govuk-summary-list__row", has=page.locator("dt", has_text=key))
    return row.locator("dd").inner_text()


def test_an_officer_adds_a_team_and_enters_its_return_each_after_an_error(sign_in, visit, submit, follow):
    olivia = sign_in("olivia")
    visit(olivia, "/plans/demo/")
    follow(olivia, "Workforce")
    assert "No workforce returns yet." in olivia.locator("main").inner_text()
    follow(olivia, "Teams and their staff records")
    submit(olivia, "Add the team", status=400)
    assert "Enter the team's name" in olivia.locator(".govuk-error-summary").inner_text()
    olivia.get_by_label("Team", exact=True).fill("Assessment 1")
    olivia.get_by_label("Service", exact=True).fill("Assessment")
    olivia.get_by_label("Social work team", exact=True).check()
    submit(olivia, "Add the team")
    main = olivia.locator("main")
    assert "Assessment 1 is added." in main.inner_text()
    assert "Social work team" in olivia.get_by_role("table").inner_text()

    visit(olivia, "/plans/demo/workforce/")
    follow(olivia, "Enter a team's return")
    olivia.get_by_label("Team", exact=True).select_option("Assessment 1")
    fill_date(olivia, "Month", date(2026, 11, 1), ("month", "year"))
    for label, figure in [
        ("Funded posts (FTE)", "10"),
        ("Filled by permanent staff (FTE)", "8"),
        ("Filled by agency staff (FTE)", "1.5"),
        ("Vacancies (FTE)", "2"),
        ("Starters", "1"),
        ("Leavers", "12"),
        ("Days lost to sickness", "3.5"),
        ("Job offers made", "2"),
        ("Job offers accepted", "1"),
    ]:
        olivia.get_by_label(label, exact=True).fill(figure)
    submit(olivia, "Save the return", status=400)
    assert (
        "12 leavers is more than the team's 9.5 staff (permanent and agency FTE)"
        in olivia.locator(".govuk-error-summary").inner_text()
    )
    olivia.get_by_label("Leavers", exact=True).fill("1")
    submit(olivia, "Save the return")
    assert olivia.url.endswith("/plans/demo/workforce/?month=2026-11")
    assert "Assessment 1's return for November 2026 is saved." in main.inner_text()
    assert "All teams, November 2026" in main.inner_text()
    assert summary(olivia, "Vacancy rate") == "20% (2 of 10 funded posts, FTE)"
    assert summary(olivia, "Agency rate") == "15.8% (1.5 of 9.5 staff in post, FTE)"


def test_an_analyst_imports_staff_records_after_an_error_and_opens_a_teams_records(
    browser_plan, sign_in, visit, submit, follow, write_csv
):
    add_teams(browser_plan)
    ana = sign_in("ana")
    visit(ana, "/plans/demo/workforce/")
    follow(ana, "Import returns or staff records")
    ana.get_by_label("Staff records", exact=True).check()
    wrong = [STAFF_HEADER, *STAFF_ROWS[1:], ["2026-11", "E9", "Assessment 3", "2026-11-20", "", ""]]
    ana.get_by_label("File", exact=True).set_input_files(write_csv("staff.csv", wrong))
    submit(ana, "Upload and preview", status=400)
    assert ana.locator("h1").inner_text() == "1 problem in staff.csv"
    assert (
        "there is no team 'Assessment 3' in this plan: add it on the Workforce teams page first"
        in ana.get_by_role("table").inner_text()
    )

    follow(ana, "Upload a corrected file")
    ana.get_by_label("Staff records", exact=True).check()
    ana.get_by_label("File", exact=True).set_input_files(write_csv("staff.csv", STAFF_ROWS))
    submit(ana, "Upload and preview")
    assert ana.locator("h1").inner_text() == "Check the changes in staff.csv"
    assert not StaffRecord.objects.exists()
    submit(ana, "Import these changes")
    assert ana.url.endswith("/plans/demo/workforce/")
    assert StaffRecord.objects.count() == len(STAFF_ROWS) - 1

    follow(ana, "Teams and their staff records")
    follow(ana, "Staff records of Assessment 1")
    text = ana.locator("main").inner_text()
    assert "your viewing of these records is in the plan's audit log" in text
    assert "6 workers, November 2026" in text
    viewed = Change.objects.get(kind=Change.Kind.VIEWED, field="staff records")
    assert (viewed.new_value, viewed.actor) == ("Assessment 1, November 2026 (6 workers)", "Ana")


def test_a_viewer_reads_a_year_of_figures_with_their_charts(
    browser_plan, sign_in, visit, submit, follow, write_csv
):
    add_teams(browser_plan)
    import_team_returns(write_csv("returns.csv", return_rows()), "demo", Actor("Olivia"))
    import_staff_records(write_csv("staff.csv", STAFF_ROWS), "demo", Actor("Olivia"))
    vic = sign_in("vic")
    visit(vic, "/plans/demo/")
    follow(vic, "Workforce")  # the page is failed if it scrolls sideways at 320 px, its wide tables too
    main = vic.locator("main")
    assert "All teams, November 2026" in main.inner_text()
    assert summary(vic, "Vacancy rate") == "19% (9.5 of 50 funded posts, FTE)"
    assert summary(vic, "Turnover, 12 months").startswith("25% (7 leavers; 28.0 permanent staff on average")
    charts = vic.locator("svg[role=img]")
    assert charts.count() == 2
    assert charts.nth(0).locator("title").first.text_content().startswith("Line chart of vacancy rate")
    assert (
        charts.nth(1)
        .locator("title")
        .first.text_content()
        .startswith("Line chart of supervised within 4 weeks")
    )
    assert vic.get_by_role("link", name="Enter a team's return").count() == 0  # a viewer keeps no records

    vic.get_by_label("Month", exact=True).select_option(label="February 2026")
    submit(vic, "Show")
    assert "?month=2026-02&trend=" in vic.url
    assert summary(vic, "No return") == (
        "1 team sent no return for the month and is left out: Children in care"
    )
    vic.get_by_label("Trend of").select_option(label="Assessment (service)")
    submit(vic, "Show")
    assert "The year to February 2026: Assessment (service)" in vic.locator("main").inner_text()
