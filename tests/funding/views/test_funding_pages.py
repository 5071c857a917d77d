"""The funding page, its downloads and the funding import on the website."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client
from openpyxl import load_workbook

from tests.funding.test_funding_import import bromley_rows

pytestmark = pytest.mark.django_db


def test_an_officer_imports_funding_after_a_preview_and_everyone_reads_the_table(
    signed_in, plan, write_csv
) -> None:
    olivia = signed_in("olivia")
    with write_csv("funding.csv", bromley_rows()).open("rb") as upload:
        sent = olivia.post("/plans/demo/funding/import/", {"file": upload, "sheet": ""})
    assert sent.status_code == 302
    preview = olivia.get(sent["Location"]).content.decode()
    assert "funding lines to add: 5" in preview
    plan.refresh_from_db()
    assert olivia.post(sent["Location"] + "confirm/", {"revision": str(plan.revision)}).status_code == 302
    with time_machine.travel(datetime(2017, 3, 14, 11, tzinfo=UTC), tick=False):  # the paper's March
        page = signed_in("vic").get("/plans/demo/funding/").content.decode()
        download = signed_in("vic").get("/plans/demo/funding/funding.xlsx").content
    assert "5,157" in page and "4,407" in page and "85%" in page
    book = load_workbook(io.BytesIO(download))
    assert [c.value for c in book["Funding"][8]][:5] == ["Total", 1090, 1090, 5157, 4407]
    assert signed_in("lee").get("/plans/demo/funding/import/").status_code == 403


def test_the_funding_forms_need_their_security_token(plan) -> None:
    from django.contrib.auth import get_user_model

    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username="olivia"))
    assert client.post("/plans/demo/funding/import/", {}).status_code == 403
    assert client.post("/plans/demo/funding/lines/new/", {"title": "Phase one"}).status_code == 403
    from oversight.funding.models import FundingLine

    line = FundingLine.objects.create(plan=plan, title="Phase one")
    assert client.post(f"/plans/demo/funding/lines/{line.pk}/", {"title": "Phase 1"}).status_code == 403
    assert FundingLine.objects.get().title == "Phase one"
