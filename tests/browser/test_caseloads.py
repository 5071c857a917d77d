"""An officer reads the caseloads, changes a band of the caseload policy, and the caseloads follow."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.annex_a.load import load_extract
from oversight.performance.annex_a_engine import annex_a_engine

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADER = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "CIN Start Date",
          "CIN Closure Date", "Allocated Team", "Allocated Worker"]  # fmt: skip


def test_an_officer_changes_a_band_and_the_caseloads_follow(
    sign_in, visit, submit, follow, browser_plan, settings, tmp_path, write_csv
):
    settings.ANNEX_A_DATABASE = tmp_path / "annex_a.duckdb"
    rows = [[f"A{i}", "", "", "", "", "01/01/2023", "", "Safeguarding 1", "Ann Smith"] for i in range(16)]
    rows += [[f"B{i}", "", "", "", "", "01/01/2023", "", "Safeguarding 1", "Bo Green"] for i in range(12)]
    rows += [[f"C{i}", "", "", "", "", "01/01/2023", "", "Court Team", "Cy Jones"] for i in range(9)]
    load_extract(annex_a_engine(), [write_csv("list6.csv", [HEADER, *rows])], "Anytown", date(2023, 5, 31))
    browser_plan.council = "Anytown"
    browser_plan.save()

    olivia = sign_in("olivia")
    visit(olivia, "/plans/demo/")
    follow(olivia, "Caseloads")
    main = olivia.locator("main")
    assert "1 of 2 teams has workers above their band; 1 worker in all." in main.inner_text()
    assert "Ann Smith" in olivia.locator("table", has_text="most cases first").inner_text()
    assert olivia.locator("svg[role=img] title").count() == 1

    follow(olivia, "the caseload policy")
    safeguarding = olivia.locator("tr", has_text="Safeguarding")
    safeguarding.get_by_label("Most cases for Safeguarding").fill("11")
    submit(olivia, "Save the band for Safeguarding", status=400)
    problem = "The most cases for Safeguarding must be at least the fewest (12)"
    assert problem in main.inner_text()
    olivia.get_by_role("link", name=problem).click()  # the error summary leads to the field
    assert olivia.evaluate("document.activeElement.id") == "high-0"
    olivia.get_by_label("Most cases for Safeguarding").fill("16")
    submit(olivia, "Save the band for Safeguarding")
    assert "The band for Safeguarding is now 12–16 cases per worker." in main.inner_text()

    follow(olivia, "The caseloads page")
    assert "No team has workers above their band (2 teams in all)." in main.inner_text()
    assert "No worker is above their band." in main.inner_text()


def test_a_viewer_reads_the_caseloads_without_workers_names(sign_in, visit, browser_plan, settings, tmp_path):
    settings.ANNEX_A_DATABASE = tmp_path / "annex_a.duckdb"
    vic = sign_in("vic")
    visit(vic, "/plans/demo/caseloads/")  # the plan has no council yet: how to name it
    assert "This plan has no council named" in vic.locator("main").inner_text()
    browser_plan.council = "Anytown"
    browser_plan.save()
    visit(vic, "/plans/demo/caseloads/")
    assert "No Annex A extract is loaded for Anytown yet" in vic.locator("main").inner_text()
    visit(vic, "/plans/demo/caseloads/policy/")
    assert vic.locator("form[method=post] select, form[method=post] input[type=text]").count() == 0
