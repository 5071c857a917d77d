"""An analyst uploads the council's Annex A workbook on the website: the page answers at once, follows
the worker's load (a progress bar), shows the data-quality report, and asks before a second extract
replaces the lists in use. The worker is a real process beside the live server."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.performance.models import ExtractUpload
from tests.performance.test_extract_uploads import workbook
from tests.worker import running_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOLLOWED = 60_000  # ms: the page follows the worker by itself; a generous bound, not a timing test


def test_an_analyst_uploads_an_extract_follows_its_load_and_confirms_the_next(
    sign_in,
    visit,
    submit,
    follow,
    check_accessible,
    browser_plan,
    settings,
    tmp_path,
    write_xlsx,
    worker_queue,
):
    settings.ANNEX_A_DATABASE = tmp_path / "annex_a.duckdb"
    browser_plan.council = "Anytown"
    browser_plan.save()
    ana = sign_in("ana")
    visit(ana, "/plans/demo/scorecard/")
    follow(ana, "Annex A extracts: load the council's lists")
    main = ana.locator("main")
    assert "No extract is loaded for Anytown." in main.inner_text()

    ana.get_by_label("Ofsted's Annex A workbook, or one list as a CSV file").set_input_files(
        str(workbook(write_xlsx, bad=True))
    )
    submit(ana, "Upload and load", status=400)  # no date
    assert "Enter the date the extract is as at" in main.inner_text()
    ana.get_by_label("Ofsted's Annex A workbook, or one list as a CSV file").set_input_files(
        str(workbook(write_xlsx, bad=True))
    )
    ana.get_by_label("Day").fill("31")
    ana.get_by_label("Month").fill("3")
    ana.get_by_label("Year").fill("2023")
    submit(ana, "Upload and load")  # answers at once: the worker is not even running yet
    assert "Waiting for the worker to start the load." in main.inner_text()
    upload = ExtractUpload.objects.get()

    # how the page shows a load half done (set as the worker sets it), for axe and the eye
    ExtractUpload.objects.filter(pk=upload.pk).update(
        status="loading", lists_loaded=1, lists=2, rows_loaded=2, latest="annex-a.xlsx, sheet List 3"
    )
    visit(ana, ana.url)
    assert (
        ana.get_by_label("1 of 2 lists loaded, 2 rows (the last from annex-a.xlsx, sheet List 3)").count()
        == 1
    )
    ExtractUpload.objects.filter(pk=upload.pk).update(
        status="waiting", lists_loaded=0, lists=0, rows_loaded=0
    )
    visit(ana, ana.url)

    with running_worker():
        ana.get_by_role("heading", name="Data-quality report").wait_for(timeout=FOLLOWED)  # the page followed
        check_accessible(ana)
        assert "Loaded" in main.inner_text()
        assert "'#N/A' is not a date" in main.inner_text()

        visit(ana, "/plans/demo/annex-a/")
        assert "31 March 2023" in ana.locator("table", has_text="Last loaded").inner_text()
        ana.get_by_label("Ofsted's Annex A workbook, or one list as a CSV file").set_input_files(
            str(workbook(write_xlsx, rows3=5))
        )
        ana.get_by_label("Day").fill("31")
        ana.get_by_label("Month").fill("3")
        ana.get_by_label("Year").fill("2023")
        submit(ana, "Upload and load")
        ana.get_by_role("button", name="Load it in their place").wait_for(timeout=FOLLOWED)
        check_accessible(ana)
        assert (
            "This extract replaces lists already loaded for Anytown as at 31 March 2023" in main.inner_text()
        )
        submit(ana, "Load it in their place")
        assert "6 rows for Anytown as at 31 March 2023" in main.inner_text()
    assert [u.status for u in ExtractUpload.objects.order_by("pk")] == ["loaded", "loaded"]
    assert date(2023, 3, 31) == ExtractUpload.objects.last().as_at
