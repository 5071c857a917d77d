"""What is kept of the scorecard lasts until its own data changes: a status saved on an action leaves
the scorecard's tables and downloads as they were kept, a value entered makes them again, and every
worker reads the same kept copy (the cache is in the database)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from oversight.lib.months import iso_month
from oversight.performance.models import Indicator
from tests.performance.test_scorecard_queries import THIS_MONTH, scorecard
from tests.plans.views.test_pages_after_a_save import save_a_status
from tests.posted import month_boxes

pytestmark = pytest.mark.django_db

VALUES_TABLE = '"performance_indicatorvalue"'
CELL = '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>'
EXCEL = f"/plans/demo/scorecard/{iso_month(THIS_MONTH)}.xlsx"


def values_read(client, url: str) -> tuple[int, bytes]:
    """How many queries of the request read indicators' values, and what it answered."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return sum(VALUES_TABLE in q["sql"] for q in captured), response.content


def enter(client, indicator: Indicator, value: str) -> None:
    response = client.post(
        f"/plans/demo/scorecard/{indicator.pk}/", {**month_boxes("period", THIS_MONTH), "value": value}
    )
    assert response.status_code == 302


def excel_row(content: bytes, name: str) -> tuple:
    """The row of the indicator called `name`, on whichever service area's sheet it is."""
    book = load_workbook(io.BytesIO(content))
    return next(r for sheet in book for r in sheet.iter_rows(values_only=True) if r and r[0] == name)


def test_a_status_saved_on_an_action_leaves_the_scorecard_tables_as_they_were_kept(signed_in, plan):
    scorecard(plan, indicators=3, months=2)
    client = signed_in("olivia")
    assert values_read(client, "/plans/demo/scorecard/")[0] > 0  # made and kept
    assert values_read(client, "/plans/demo/scorecard/")[0] == 0
    save_a_status()
    read, page = values_read(client, "/plans/demo/scorecard/")
    assert read == 0 and CELL.format("20%").encode() in page


def test_a_value_entered_makes_the_scorecard_tables_again_and_they_show_it(signed_in, plan):
    scorecard(plan, indicators=3, months=2)
    client = signed_in("olivia")
    values_read(client, "/plans/demo/scorecard/")
    enter(client, Indicator.objects.get(name="Indicator 0"), "12.5")
    read, page = values_read(client, "/plans/demo/scorecard/")
    assert read > 0
    assert CELL.format("12.5%").encode() in page and CELL.format("20%").encode() not in page


def test_the_excel_download_is_made_once_and_served_from_storage_until_a_value_changes(
    signed_in, plan, private_files: Path
):
    scorecard(plan, indicators=3, months=2)
    client = signed_in("olivia")
    read, made = values_read(client, EXCEL)
    assert read > 0
    stored = list((private_files / "downloads").rglob("*.xlsx"))
    assert [p.name for p in stored] == [f"demo-scorecard-{iso_month(THIS_MONTH)}.xlsx"]
    assert stored[0].read_bytes() == made
    save_a_status()  # the plan changes, the indicators do not
    read, again = values_read(client, EXCEL)
    assert read == 0 and again == made
    indicator = Indicator.objects.get(name="Indicator 0")
    assert excel_row(made, "Indicator 0")[2] == 0.2  # name, target, value
    enter(client, indicator, "12.5")
    read, remade = values_read(client, EXCEL)
    assert read > 0 and excel_row(remade, "Indicator 0")[2] == 0.125
    # the version before is removed: one file, the new one
    assert [p.read_bytes() for p in (private_files / "downloads").rglob("*.xlsx")] == [remade]


def test_renaming_the_plan_makes_the_downloads_again_with_its_new_title(signed_in, plan, private_files):
    scorecard(plan, indicators=3, months=2)
    client = signed_in("olivia")
    values_read(client, EXCEL)
    plan.title = "Children's services improvement plan 2027"
    plan.save(update_fields=["title"])
    read, content = values_read(client, EXCEL)
    assert read > 0
    assert any(
        "2027" in str(c)
        for r in load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)
        for c in r
        if c
    )


def test_the_indicator_page_reads_only_its_own_values_however_many_the_others_have(signed_in, plan):
    scorecard(plan, indicators=30, months=36)
    first = Indicator.objects.get(name="Indicator 0")
    with CaptureQueriesContext(connection) as captured:
        assert signed_in("olivia").get(f"/plans/demo/scorecard/{first.pk}/").status_code == 200
    reads = [q["sql"] for q in captured if VALUES_TABLE in q["sql"]]
    assert reads  # its chart and table
    assert all(f'"indicator_id" = {first.pk}' in sql for sql in reads), reads
