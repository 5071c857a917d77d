"""Importing indicators or values by upload on the scorecard: a preview of every change or of every
problem, nothing saved until confirmed; for officers and performance analysts."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from oversight.audit.models import Change
from oversight.performance.models import Indicator, IndicatorValue
from oversight.plans.revisions import plan_changed

pytestmark = pytest.mark.django_db

INDICATORS = (
    b"Indicator,Service area,Polarity,Target,Amber tolerance,Owner,Actions\n"
    b"ICPCs within 15 working days,Child protection,Higher is better,90,5,lee,2.1\n"
    b"Contact sessions cancelled for service reasons,Children in care,Lower is better,0,2,ana,\n"
)
VALUES = b"Indicator,Sep 2026,Oct 2026\nICPCs within 15 working days,84,86\n"


def upload(client, kind: str, name: str, content: bytes):
    data = {"kind": kind, "sheet": "", "file": SimpleUploadedFile(name, content)}
    return client.post("/plans/demo/scorecard/import/", data)


def confirm(client, preview_url: str):
    revision = re.search(r'name="revision" value="(\d+)"', client.get(preview_url).content.decode())
    assert revision
    return client.post(preview_url + "confirm/", {"revision": revision.group(1)})


def test_an_analyst_previews_an_indicators_file_then_imports_it(signed_in, private_files) -> None:
    client = signed_in("ana")
    changes = Change.objects.count()
    response = upload(client, "indicators", "kpis.csv", INDICATORS)
    assert response.status_code == 302
    preview_url = response["Location"]
    assert preview_url.startswith("/plans/demo/scorecard/import/")
    page = client.get(preview_url).content.decode()
    assert "Check the changes in kpis.csv" in page and "indicators to add: 2" in page
    assert "Will import indicators into &#x27;Improvement plan&#x27; from kpis.csv:" in page
    assert re.search(
        r"Added: indicator: ICPCs within 15 working days, target</td>\s*<td[^>]*></td>\s*<td[^>]*>90<", page
    )
    assert ">Action</th>" not in page  # the changes are to the scorecard, not to actions
    assert not Indicator.objects.exists() and Change.objects.count() == changes

    response = confirm(client, preview_url)
    assert response["Location"] == "/plans/demo/scorecard/"
    icpcs = Indicator.objects.get(name="ICPCs within 15 working days")
    assert (icpcs.owner.username, list(icpcs.actions.values_list("action_id", flat=True))) == ("lee", ["2.1"])
    assert Change.objects.filter(kind="added", field="indicator", user__username="ana").count() == 2
    scorecard = client.get("/plans/demo/scorecard/").content.decode()
    assert "Imported indicators into &#x27;Improvement plan&#x27; from kpis.csv." in scorecard
    assert list((private_files / "imports").iterdir()) == []


def test_an_officer_imports_values_and_the_scorecard_shows_them(signed_in, private_files) -> None:
    client = signed_in("olivia")
    confirm(client, upload(client, "indicators", "kpis.csv", INDICATORS)["Location"])
    preview_url = upload(client, "values", "values.csv", VALUES)["Location"]
    page = client.get(preview_url).content.decode()
    assert "values to add: 2" in page
    assert "Added: indicator value: ICPCs within 15 working days, October 2026" in page
    assert not IndicatorValue.objects.exists()
    confirm(client, preview_url)
    assert IndicatorValue.objects.count() == 2
    row = re.search(
        r"ICPCs within 15 working days</a></th>(.*?)</tr>",
        client.get("/plans/demo/scorecard/?month=2026-10").content.decode(),
        re.S,
    )
    assert row and "86%" in row.group(1)


def test_a_file_with_problems_lists_every_one_by_row_and_column(signed_in, private_files) -> None:
    client = signed_in("ana")
    confirm(client, upload(client, "indicators", "kpis.csv", INDICATORS)["Location"])
    bad = b"Indicator,Sep 2026,Oct 2026\nICPCs within 15 working days,84,#N/A\nUnknown,1,2\n"
    response = client.get(upload(client, "values", "bad.csv", bad)["Location"])
    assert response.status_code == 400
    page = response.content.decode()
    assert "2 problems in bad.csv" in page
    assert re.search(
        r">2</td>\s*<td[^>]*>C \(Oct 2026\)</td>\s*<td[^>]*>&#x27;#N/A&#x27; is not a number", page
    )
    assert re.search(r">3</td>\s*<td[^>]*>A \(Indicator\)</td>\s*<td[^>]*>there is no indicator", page)
    assert 'href="/plans/demo/scorecard/import/"' in page  # upload a corrected file
    assert not IndicatorValue.objects.exists()


def test_the_kind_of_file_and_the_file_are_needed(signed_in) -> None:
    client = signed_in("ana")
    response = client.post("/plans/demo/scorecard/import/", {"kind": "", "sheet": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select what the file holds: indicators, or their values" in page
    assert "Choose a CSV or Excel file to upload" in page
    refused = upload(client, "values", "values.pdf", b"%PDF")
    assert refused.status_code == 400 and b"upload a CSV file (.csv) or an Excel" in refused.content


@pytest.mark.parametrize("username", ["alice", "olivia", "ana"])
def test_officers_and_analysts_see_the_link_and_the_page(signed_in, username: str) -> None:
    client = signed_in(username)
    assert (
        b'href="/plans/demo/scorecard/import/">Import indicators or values'
        in client.get("/plans/demo/scorecard/").content
    )
    assert client.get("/plans/demo/scorecard/import/").status_code == 200


@pytest.mark.parametrize("username", ["lee", "bob", "vic"])
def test_leads_board_members_and_viewers_may_not_import(signed_in, private_files, username: str) -> None:
    client = signed_in(username)
    assert b"Import indicators or values" not in client.get("/plans/demo/scorecard/").content
    assert client.get("/plans/demo/scorecard/import/").status_code == 403
    assert upload(client, "indicators", "kpis.csv", INDICATORS).status_code == 403
    assert not Indicator.objects.exists()


def test_an_upload_is_previewed_and_imported_only_where_it_was_made(signed_in, private_files) -> None:
    client = signed_in("olivia")
    scorecard_upload = upload(client, "indicators", "kpis.csv", INDICATORS)["Location"]
    token = scorecard_upload.rstrip("/").rsplit("/", 1)[1]
    assert client.get(f"/plans/demo/import/{token}/")["Location"] == "/plans/demo/import/"
    plan_upload = client.post(
        "/plans/demo/import/",
        {"kind": "plan", "as_at": "", "sheet": "", "file": SimpleUploadedFile("plan.csv", b"Action ID\n")},
    )["Location"]
    plan_token = plan_upload.rstrip("/").rsplit("/", 1)[1]
    ana = signed_in("ana")  # an analyst may import on the scorecard, never a plan
    assert (
        ana.get(f"/plans/demo/scorecard/import/{plan_token}/")["Location"] == "/plans/demo/scorecard/import/"
    )


def test_a_preview_made_before_the_plan_changed_must_be_looked_at_again(
    signed_in, plan, private_files
) -> None:
    client = signed_in("ana")
    preview_url = upload(client, "indicators", "kpis.csv", INDICATORS)["Location"]
    revision = re.search(r'name="revision" value="(\d+)"', client.get(preview_url).content.decode())
    assert revision
    plan_changed(plan.pk)
    response = client.post(preview_url + "confirm/", {"revision": revision.group(1)})
    assert response["Location"] == preview_url
    assert not Indicator.objects.exists()


def test_a_cancelled_upload_is_forgotten(signed_in, private_files) -> None:
    client = signed_in("ana")
    preview_url = upload(client, "indicators", "kpis.csv", INDICATORS)["Location"]
    assert client.post(preview_url + "cancel/")["Location"] == "/plans/demo/scorecard/import/"
    assert list((private_files / "imports").iterdir()) == []
    assert client.get(preview_url)["Location"] == "/plans/demo/scorecard/import/"
