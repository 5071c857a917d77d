"""The demo council's made-up Annex A: an analyst reads an Annex A indicator, its child records and the
caseloads, every page checked with axe."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.management import call_command

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_analyst_reads_the_demos_annex_a_indicator_records_and_caseloads(
    pages, visit, submit, follow, private_files, settings, tmp_path
):
    settings.ANNEX_A_DATABASE = tmp_path / "annex_a.duckdb"
    call_command("seed_demo", today=date(2026, 11, 24), password=PASSWORD, stdout=io.StringIO())
    anil = visit(pages.new(), "/sign-in/")
    anil.get_by_label("Username").fill("analyst")
    anil.get_by_label("Password").fill(PASSWORD)
    submit(anil, "Sign in")

    visit(anil, "/plans/demo/scorecard/?month=2026-10")
    follow(anil, "ICPCs within 15 working days (Annex A)")
    main = anil.locator("main")
    assert "31 October 2026" in main.inner_text() and "Child Protection Team 1" in main.inner_text()
    with anil.expect_navigation():
        anil.locator("main a[href*='records/?as_at=2026-10-31&team=Child']").first.click()
    pages.check_accessible(anil)
    assert "/records/" in anil.url and "CH0" in main.inner_text()

    visit(anil, "/plans/demo/caseloads/")
    assert "Leaving Care Team" in main.inner_text() and "above their band" in main.inner_text()
