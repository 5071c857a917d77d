"""A performance analyst imports the scorecard's indicators from a spreadsheet, corrects the row it
refuses, then imports a month's values; every page checked with axe."""

from __future__ import annotations

import pytest

from oversight.performance.models import Indicator, IndicatorValue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADER = ["Indicator", "Service area", "Polarity", "Target", "Amber tolerance", "Owner"]


def test_an_analyst_imports_indicators_then_their_values(sign_in, follow, submit, write_csv):
    page = sign_in("ana")
    follow(page, "Improvement plan")
    follow(page, "Scorecard")
    follow(page, "Import indicators or values")
    submit(page, "Upload and preview", status=400)  # nothing chosen: the error summary says what
    assert "Select what the file holds" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Indicators", exact=True).check()
    bad = [
        HEADER,
        ["ICPCs within 15 working days", "Child protection", "Higher is better", "90", "5", "nobody"],
    ]
    page.get_by_label("File", exact=True).set_input_files(write_csv("kpis.csv", bad))
    submit(page, "Upload and preview", status=400)
    assert page.locator("h1").inner_text() == "1 problem in kpis.csv"
    cells = [page.locator("tbody td").nth(i).inner_text() for i in (1, 2, 3)]
    assert cells[:2] == ["2", "F (Owner)"] and cells[2].startswith("'nobody' has no role in this plan")

    follow(page, "Upload a corrected file")
    page.get_by_label("Indicators", exact=True).check()
    good = [
        HEADER,
        ["ICPCs within 15 working days", "Child protection", "Higher is better", "90", "5", "lee"],
    ]
    page.get_by_label("File", exact=True).set_input_files(write_csv("kpis.csv", good))
    submit(page, "Upload and preview")
    assert page.locator("h1").inner_text() == "Check the changes in kpis.csv"
    changes = page.get_by_role("table", name="Every change this import will make (9)")
    assert "Added: indicator: ICPCs within 15 working days, owner" in changes.inner_text()
    assert not Indicator.objects.exists()
    submit(page, "Import these changes")
    assert page.url.endswith("/plans/demo/scorecard/")
    assert "ICPCs within 15 working days" in page.locator("main").inner_text()

    follow(page, "Import indicators or values")
    page.get_by_label("Values", exact=True).check()
    values = [["Indicator", "2026-09", "2026-10"], ["ICPCs within 15 working days", "84%", "86%"]]
    page.get_by_label("File", exact=True).set_input_files(write_csv("values.csv", values))
    submit(page, "Upload and preview")
    assert "values to add: 2" in page.locator("main").inner_text()
    submit(page, "Cancel")  # back to the upload page, told nothing was imported
    assert not IndicatorValue.objects.exists()
    page.get_by_label("Values", exact=True).check()
    page.get_by_label("File", exact=True).set_input_files(write_csv("values.csv", values))
    submit(page, "Upload and preview")
    submit(page, "Import these changes")
    assert IndicatorValue.objects.count() == 2
    assert page.url.endswith("/plans/demo/scorecard/")
