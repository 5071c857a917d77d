"""The action list's CSV and Excel downloads hold exactly what its filters show (every page of it), text
never written as a formula; and partner agencies are a filter, and searched."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from oversight.plans.action_filters import ActionFilter, agency_choices
from oversight.plans.action_rows import ActionRow
from oversight.plans.models import Action

pytestmark = pytest.mark.django_db
JANUARY = date(2017, 1, 1)


def rows_of(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_the_csv_holds_the_actions_the_filters_find(signed_in) -> None:
    response = signed_in("vic").get("/plans/demo/actions.csv?rag=R&rag=A")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        'filename="demo-actions-' in response["Content-Disposition"]
        and "-filtered.csv" in response["Content-Disposition"]
    )
    rows = rows_of(response.content)
    assert rows[0][:7] == [
        "Action ID",
        "Priority",
        "Key Action",
        "Lead",
        "Agency Involvement",
        "Timescale",
        "RAG",
    ]
    assert [(r[0], r[6]) for r in rows[1:]] == [("1.1", "Red"), ("2.1", "Amber")]


def test_the_download_holds_every_action_not_one_page(signed_in, write_csv) -> None:
    from oversight.audit.actors import Actor
    from oversight.plans.plan_import import import_plan
    from tests.conftest import PLAN_ROWS

    more = [
        ["Priority 3 - Partnerships", f"3.{n}", f"Action {n}.", "PSW", "Police", "Jun 17"]
        for n in range(1, 61)
    ]
    import_plan(write_csv("bigger.csv", [*PLAN_ROWS, *more]), "demo", Actor("setup"))
    rows = rows_of(signed_in("vic").get("/plans/demo/actions.csv").content)
    assert len(rows) - 1 == 65  # the page shows 50


def test_text_that_would_be_a_formula_stays_text(signed_in) -> None:
    Action.objects.filter(action_id="2.3").update(
        key_action='=HYPERLINK("http://evil.example")', agencies="@Police"
    )
    rows = rows_of(signed_in("vic").get("/plans/demo/actions.csv").content)
    row = next(r for r in rows if r[0] == "2.3")
    assert row[2] == '\'=HYPERLINK("http://evil.example")' and row[4] == "'@Police"
    book = load_workbook(io.BytesIO(signed_in("vic").get("/plans/demo/actions.xlsx").content))
    sheet = book["Actions"]
    cells = {c.value: c for row in sheet.iter_rows() for c in row if c.value}
    formula = cells['=HYPERLINK("http://evil.example")']
    assert formula.data_type == "s"
    assert sheet.freeze_panes == "A3" and sheet.auto_filter.ref


def test_partner_agency_is_a_filter_and_is_searched(signed_in) -> None:
    client = signed_in("vic")
    found = client.get("/plans/demo/actions/?agency=Police").context["found"]
    assert found == 1  # 2.1 names the police
    assert client.get("/plans/demo/actions/?q=police").context["found"] == 1
    assert [r[0] for r in rows_of(client.get("/plans/demo/actions.csv?agency=Police").content)[1:]] == ["2.1"]


def test_agencies_are_offered_once_each_as_the_plan_writes_them() -> None:
    def row(agencies: str) -> ActionRow:
        from datetime import date

        return ActionRow(
            1, "1", "1", 1, "", "", agencies, "", date(2017, 1, 1), date(2017, 1, 1), None, "", None
        )

    rows = [row("Police, Health"), row("police; Education / Health"), row("")]
    assert agency_choices(rows) == ["Education", "Health", "Police"]
    assert ActionFilter(agency="POLICE").matches(rows[1], JANUARY)
    assert not ActionFilter(agency="Police").matches(rows[2], JANUARY)


def test_an_unknown_format_is_not_found(signed_in) -> None:
    assert signed_in("vic").get("/plans/demo/actions.pdf").status_code == 404
