"""An improvement officer imports a corrected plan file, then downloads the month's Word report."""

from __future__ import annotations

import pytest
from docx import Document

from oversight.plans.models import Action
from tests.conftest import PLAN_ROWS
from tests.worker import running_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOLLOWED = 60_000  # ms: the page follows the worker by itself; a generous bound, not a timing test


def plan_with_timescale_of_2_3(timescale: str) -> list[list[str]]:
    return [row if row[1] != "2.3" else [*row[:5], timescale] for row in PLAN_ROWS]


def test_an_officer_corrects_a_plan_file_imports_it_and_downloads_the_word_report(
    sign_in, follow, submit, write_csv, tmp_path
):
    page = sign_in("olivia")
    follow(page, "Improvement plan")
    follow(page, "Import")
    page.get_by_label("The plan", exact=True).check()
    page.get_by_label("File", exact=True).set_input_files(
        write_csv("bad.csv", plan_with_timescale_of_2_3("Sometime"))
    )
    submit(page, "Upload and preview", status=400)
    assert page.locator("h1").inner_text() == "1 problem in bad.csv"
    problem = page.locator("tbody tr")
    assert problem.count() == 1
    row, column, message = (problem.locator("td").nth(i).inner_text() for i in (1, 2, 3))
    assert (row, column) == ("6", "F (Timescale)")
    assert "'Sometime' is not a timescale Oversight can read" in message

    follow(page, "Upload a corrected file")
    page.get_by_label("The plan", exact=True).check()
    page.get_by_label("File", exact=True).set_input_files(
        write_csv("fixed.csv", plan_with_timescale_of_2_3("May 17"))
    )
    submit(page, "Upload and preview")
    assert page.locator("h1").inner_text() == "Check the changes in fixed.csv"
    changes = page.get_by_role("table", name="Every change this import will make (1)")
    assert [c.inner_text() for c in changes.locator("tbody td").all()] == [
        "2.3",
        "Changed: timescale",
        "Apr 17",
        "May 17",
    ]
    assert Action.objects.get(action_id="2.3").timescale == "Apr 17"  # nothing saved by the preview

    submit(page, "Import these changes")
    assert page.url.endswith("/plans/demo/")
    assert (
        page.locator(".govuk-notification-banner--success")
        .inner_text()
        .endswith("Imported plan 'Improvement plan' from fixed.csv.")
    )
    assert Action.objects.get(action_id="2.3").timescale == "May 17"

    follow(page, "Exception report")
    title = page.locator("h1").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Word (.docx)").click()
    assert download.value.suggested_filename.startswith("demo-exception-report-")
    word = Document(str(download.value.path()))
    assert word.paragraphs[0].text == f"Improvement plan: {title[0].lower()}{title[1:]}"
    assert [c.text for c in word.tables[0].rows[0].cells][2:] == [
        "Actions not progressed (Red)",
        "Red as % of due",
    ]
    red = [[c.text for c in row.cells] for table in word.tables for row in table.rows]
    assert any(row[1:4] == ["1.1", "31 January 2017", "Publish the governance protocol."] for row in red)


def test_an_officer_follows_the_worker_checking_then_importing_a_plan_file(
    sign_in, visit, submit, check_accessible, write_csv, worker_queue
):
    page = sign_in("olivia")
    visit(page, "/plans/demo/import/")
    page.get_by_label("The plan", exact=True).check()
    page.get_by_label("File", exact=True).set_input_files(
        write_csv("fixed.csv", plan_with_timescale_of_2_3("May 17"))
    )
    submit(page, "Upload and preview")  # answers at once: the worker is not even running yet
    assert page.locator("h1").inner_text() == "Checking fixed.csv"
    assert "Waiting for the worker to check it." in page.locator("main").inner_text()

    with running_worker():
        page.get_by_role("button", name="Import these changes").wait_for(timeout=FOLLOWED)  # followed
        check_accessible(page)
        assert page.get_by_role("table", name="Every change this import will make (1)").count() == 1
        submit(page, "Import these changes")
        page.wait_for_url("**/plans/demo/", timeout=FOLLOWED)
    check_accessible(page)
    assert (
        page.locator(".govuk-notification-banner--success")
        .inner_text()
        .endswith("Imported plan 'Improvement plan' from fixed.csv.")
    )
    assert Action.objects.get(action_id="2.3").timescale == "May 17"
