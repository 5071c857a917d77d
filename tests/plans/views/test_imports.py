"""Importing by upload: a preview of exactly what will change or of every error; nothing saved first."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from oversight.audit.models import Change
from oversight.plans.models import Action, ImportRun, StatusRecord
from tests import parsed
from tests.conftest import PLAN_ROWS
from tests.parsed import visible_text
from tests.posted import date_boxes, typed_date

pytestmark = pytest.mark.django_db


def as_csv(rows: list[list[str]]) -> bytes:
    return "\n".join(",".join(f'"{cell}"' for cell in row) for row in rows).encode()


def upload(client, kind: str, name: str, content: bytes, **extra: str):
    data = {"kind": kind, "file": SimpleUploadedFile(name, content), "sheet": "", **extra}
    return client.post("/plans/demo/import/", data)


def revised_plan() -> list[list[str]]:
    rows = [list(row) for row in PLAN_ROWS]
    rows[1][3] = "DCS"  # 1.1 changes lead
    rows.append(["Priority 2 - Practice", "2.4", "Publish a new audit tool.", "PSW", "", "May 17"])
    return rows


def test_an_upload_shows_exactly_what_will_change_and_saves_nothing(signed_in, private_files) -> None:
    client = signed_in("olivia")
    runs, changes = ImportRun.objects.count(), Change.objects.count()
    response = upload(client, "plan", "plan.csv", as_csv(revised_plan()))
    assert response.status_code == 302
    preview = client.get(response["Location"])
    page = preview.content.decode()
    assert "Check the changes in plan.csv" in page
    assert "actions to add: 1" in page and "actions to change: 1" in page
    assert re.search(r"1\.1</td>\s*<td[^>]*>Changed: lead</td>\s*<td[^>]*>HOS LS</td>\s*<td[^>]*>DCS<", page)
    assert not Action.objects.filter(action_id="2.4").exists()
    assert Action.objects.get(action_id="1.1").lead == "HOS LS"
    assert (ImportRun.objects.count(), Change.objects.count()) == (runs, changes)


def test_confirming_the_preview_imports_the_file_as_the_officer(signed_in, private_files) -> None:
    client = signed_in("olivia")
    preview_url = upload(client, "plan", "plan.csv", as_csv(revised_plan()))["Location"]
    revision = re.search(r'name="revision" value="(\d+)"', client.get(preview_url).content.decode())
    assert revision
    response = client.post(preview_url + "confirm/", {"revision": revision.group(1)})
    assert response["Location"] == "/plans/demo/"
    assert Action.objects.get(action_id="1.1").lead == "DCS"
    assert Action.objects.filter(action_id="2.4").exists()
    run = ImportRun.objects.latest("id")
    assert (run.actor, run.file_name, run.user.username) == ("Olivia", "plan.csv", "olivia")
    assert list((private_files / "imports").iterdir()) == []  # the upload is not kept once imported
    # the same preview cannot be imported twice
    again = client.post(preview_url + "confirm/", {"revision": revision.group(1)})
    assert again["Location"] == "/plans/demo/import/"


def test_a_file_with_a_bad_row_lists_every_error_by_row_and_column_and_saves_nothing(signed_in) -> None:
    client = signed_in("olivia")
    rows = revised_plan()
    rows[2][5] = "Sometime"
    rows[3][1] = ""
    response = client.get(upload(client, "plan", "plan.csv", as_csv(rows))["Location"])
    assert response.status_code == 400
    page = response.content.decode()
    assert "plan.csv cannot be imported" in page
    assert "2 problems in plan.csv" in page
    assert re.search(
        r">3</td>\s*<td[^>]*>F \(Timescale\)</td>\s*<td[^>]*>&#x27;Sometime&#x27; is not a timescale", page
    )
    assert re.search(r">4</td>\s*<td[^>]*>B \(Action ID\)</td>\s*<td[^>]*>expected an Action ID", page)
    assert "Sometime" in visible_text(page)
    assert Action.objects.get(action_id="1.1").lead == "HOS LS"
    assert not Action.objects.filter(action_id="2.4").exists()


def test_a_status_file_preview_shows_each_rag_change(signed_in) -> None:
    client = signed_in("olivia")
    statuses = [
        ["Action ID", "RAG", "Commentary"],
        ["1.1", "Green", "Agreed."],
        ["2.1", "Amber", "Three audits."],
    ]
    response = upload(client, "status", "feb.csv", as_csv(statuses), **date_boxes("as_at", date(2017, 2, 28)))
    page = client.get(response["Location"]).content.decode()
    assert "statuses to record: 2" in page
    assert re.search(r"1\.1</td>\s*<td[^>]*>Changed: RAG</td>\s*<td[^>]*>Red</td>\s*<td[^>]*>Green<", page)
    assert not StatusRecord.objects.filter(as_at="2017-02-28").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"kind": "plan", "name": "plan.pdf", "content": b"%PDF-1.4"},
            "upload a CSV file (.csv) or an Excel",
        ),
        (
            {
                "kind": "status",
                "name": "s.csv",
                "content": b"Action ID,RAG",
                **typed_date("as_at", "31", "2", "2017"),
            },
            "The date the statuses are as at must be a real date",
        ),
        ({"kind": "other", "name": "s.csv", "content": b"x"}, "Select what the file holds"),
    ],
)
def test_refused_uploads_say_why(signed_in, private_files, data, message) -> None:
    client = signed_in("olivia")
    response = upload(client, data.pop("kind"), data.pop("name"), data.pop("content"), **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    folder = private_files / "imports"
    assert not folder.exists() or list(folder.iterdir()) == []


def test_an_upload_over_the_size_limit_is_refused(signed_in, private_files, settings) -> None:
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    response = upload(signed_in("olivia"), "plan", "big.csv", b"x" * (1024 * 1024 + 1))
    assert response.status_code == 400
    assert "larger than the 1 MB allowed" in response.content.decode()


def test_no_file_is_refused(signed_in) -> None:
    response = signed_in("olivia").post("/plans/demo/import/", {"kind": "plan"})
    assert response.status_code == 400
    assert b"Choose a CSV or Excel file to upload" in response.content


def test_a_preview_made_before_someone_else_changed_the_plan_must_be_looked_at_again(signed_in) -> None:
    client = signed_in("olivia")
    preview_url = upload(client, "plan", "plan.csv", as_csv(revised_plan()))["Location"]
    stale = re.search(r'name="revision" value="(\d+)"', client.get(preview_url).content.decode())
    assert stale
    from oversight.plans.revisions import plan_changed

    plan_changed(Action.objects.get(action_id="1.1").plan_id)
    response = client.post(preview_url + "confirm/", {"revision": stale.group(1)})
    assert response["Location"] == preview_url
    assert Action.objects.get(action_id="1.1").lead == "HOS LS"


def test_someone_elses_upload_cannot_be_previewed_or_imported(signed_in, plan) -> None:
    preview_url = upload(signed_in("olivia"), "plan", "plan.csv", as_csv(revised_plan()))["Location"]
    alice = signed_in("alice")
    assert alice.get(preview_url)["Location"] == "/plans/demo/import/"
    assert (
        alice.post(preview_url + "confirm/", {"revision": str(plan.revision)})["Location"]
        == "/plans/demo/import/"
    )
    assert Action.objects.get(action_id="1.1").lead == "HOS LS"


def test_an_upload_that_is_not_in_the_officers_session_is_not_found(signed_in) -> None:
    client = signed_in("olivia")
    assert client.get("/plans/demo/import/..%2F..%2Fetc/").status_code == 404
    assert client.get(f"/plans/demo/import/{'a' * 32}/")["Location"] == "/plans/demo/import/"


def test_uploads_never_confirmed_are_deleted_after_a_day(signed_in, private_files) -> None:
    import os
    import time

    from oversight.plans.uploads import discard_abandoned

    client = signed_in("olivia")
    old = upload(client, "plan", "plan.csv", as_csv(revised_plan()))["Location"].split("/")[-2]
    day_ago = time.time() - 25 * 3600
    os.utime(private_files / "imports" / old, (day_ago, day_ago))
    recent = upload(client, "plan", "plan.csv", as_csv(revised_plan()))["Location"].split("/")[-2]
    assert sorted(p.name for p in (private_files / "imports").iterdir()) == [recent]
    assert discard_abandoned() == []


def test_a_workbook_that_unpacks_to_490_mb_is_refused_at_the_preview(
    signed_in, private_files, hostile_workbook, monkeypatch
) -> None:
    from oversight.lib import spreadsheets

    monkeypatch.setattr(spreadsheets, "in_child", lambda *a, **k: pytest.fail("the workbook was opened"))
    client = signed_in("olivia")
    response = upload(
        client,
        "status",
        "statuses.xlsx",
        hostile_workbook.read_bytes(),
        **date_boxes("as_at", date(2017, 1, 31)),
    )
    preview = client.get(response["Location"])
    assert preview.status_code == 400
    assert "the workbook unpacks to 490 MB, more than the 200 MB Oversight reads" in preview.content.decode()
    assert list((private_files / "imports").iterdir()) == []  # nothing of it is kept


def test_the_form_starts_with_nothing_chosen(signed_in) -> None:
    page = signed_in("olivia").get("/plans/demo/import/")
    assert parsed.document(page).xpath("//input[@name='kind']/@value") == [
        "plan",
        "status",
        "recommendations",
    ]
    assert parsed.document(page).xpath("//input[@name='kind'][@checked]") == []


def test_the_preview_says_what_will_be_imported_into_the_plan_named_by_its_title(signed_in) -> None:
    client = signed_in("olivia")
    preview = client.get(upload(client, "plan", "plan.csv", as_csv(revised_plan()))["Location"])
    assert parsed.texts(preview, "//*[@class='govuk-caption-l']") == [
        "Preview: nothing has been imported yet"
    ]
    summary = parsed.texts(preview, "//*[@class='govuk-inset-text']")[0]
    assert summary.startswith("Will import the plan 'Improvement plan' from plan.csv: actions to add: 1")
    assert "Imported" not in summary


def test_a_status_file_uploaded_as_the_plan_is_named_for_what_it_is(signed_in) -> None:
    client = signed_in("olivia")
    statuses = [["Action ID", "RAG", "Commentary"], ["1.1", "Green", "Agreed."]]
    response = client.get(upload(client, "plan", "feb.csv", as_csv(statuses))["Location"])
    assert response.status_code == 400
    assert parsed.texts(response, "//table//tbody//td[last()]") == [
        "this looks like a file of RAG statuses (Action ID, RAG columns), not a plan: choose 'RAG statuses' "
        "on the Import page"
    ]


def test_a_file_of_indicators_uploaded_as_statuses_is_sent_to_the_scorecard(signed_in) -> None:
    client = signed_in("olivia")
    indicators = [["Indicator", "Service area", "Target"], ["Visits in time", "Child protection", "90"]]
    response = client.get(
        upload(client, "status", "kpis.csv", as_csv(indicators), **date_boxes("as_at", date(2017, 2, 28)))[
            "Location"
        ]
    )
    assert parsed.texts(response, "//table//tbody//td[last()]") == [
        "this looks like a file of indicators (Indicator, Service area columns), not a file of RAG statuses: "
        "choose 'Indicators' on the Scorecard's 'Import indicators or values' page"
    ]


def test_a_file_that_is_no_kind_at_all_gets_the_missing_columns(signed_in) -> None:
    client = signed_in("olivia")
    response = client.get(
        upload(client, "plan", "notes.csv", as_csv([["Notes"], ["Nothing here."]]))["Location"]
    )
    assert "missing required column(s): Action ID" in parsed.main_text(response)
