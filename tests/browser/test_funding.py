"""Improvement funding in the browser, every page checked with axe at 320 and 1,280 px: an officer imports
Bromley's funding table after an error, and the table is on the funding page."""

from __future__ import annotations

import pytest

from tests.funding.test_funding_import import bromley_rows

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_imports_the_funding_and_reads_the_table(sign_in, visit, submit, follow, write_csv):
    olivia = sign_in("olivia")
    visit(olivia, "/plans/demo/")
    follow(olivia, "Improvement funding")
    assert "No funding recorded yet." in olivia.locator("main").inner_text()
    follow(olivia, "Import funding")
    wrong = bromley_rows()
    wrong[1][2] = "seven hundred"
    olivia.get_by_label("File", exact=True).set_input_files(write_csv("funding.csv", wrong))
    submit(olivia, "Upload and preview", status=400)
    assert "'seven hundred' is not a whole number of £'000" in olivia.locator("main").inner_text()
    visit(olivia, "/plans/demo/funding/import/")
    olivia.get_by_label("File", exact=True).set_input_files(write_csv("funding.csv", bromley_rows()))
    submit(olivia, "Upload and preview")
    submit(olivia, "Import these changes")
    text = olivia.locator("main").inner_text()
    assert "Imported funding into" in text and "Phase one" in text


def test_an_officer_adds_a_funding_line_after_an_error_and_changes_its_figures(
    sign_in, visit, submit, follow
):
    olivia = sign_in("olivia")
    visit(olivia, "/plans/demo/funding/")
    follow(olivia, "Add a funding line")
    olivia.get_by_label("Funding line", exact=True).fill(
        "Additional funding for social workers and caseloads"
    )
    olivia.get_by_label("Add a financial year (optional)").fill("2017/18")
    olivia.get_by_label("The new year's budget (£'000)").fill("seven hundred and fifty")
    submit(olivia, "Save the funding line", status=400)
    assert "Enter the new year's budget (£'000) as a whole number" in olivia.locator("main").inner_text()
    assert "as a whole number of £'000" in olivia.locator("main").inner_text()
    olivia.get_by_label("The new year's budget (£'000)").fill("750")
    submit(olivia, "Save the funding line")
    assert (
        "Additional funding for social workers and caseloads is saved." in olivia.locator("main").inner_text()
    )
    follow(olivia, "Change the funding line Additional funding for social workers and caseloads")
    olivia.get_by_label("2017/18 committed (£'000)").fill("500")
    submit(olivia, "Save the funding line")
    assert "750" in olivia.locator("main").inner_text()
