"""The Annex A extracts page and an upload's page: the upload answers at once, the page says how far the
load has come, shows the data-quality report, and asks before an extract replaces lists in use."""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from oversight.audit.actors import Actor
from oversight.performance import extract_uploads
from oversight.performance.models import ExtractUpload
from oversight.plans.models import Plan
from tests.performance.test_extract_uploads import workbook

AS_AT = date(2023, 3, 31)


def date_boxes(day: date) -> dict[str, str]:
    return {"as_at-day": str(day.day), "as_at-month": str(day.month), "as_at-year": str(day.year)}


def test_an_analyst_uploads_an_extract_and_the_page_answers_at_once_waiting_for_the_worker(
    uploads_database, signed_in, write_xlsx
) -> None:
    client = signed_in("ana")
    path = workbook(write_xlsx)
    response = client.post(
        "/plans/demo/annex-a/",
        {"file": SimpleUploadedFile("annex-a.xlsx", path.read_bytes()), **date_boxes(AS_AT)},
    )
    upload = ExtractUpload.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/plans/demo/annex-a/uploads/{upload.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Waiting for the worker to start the load." in page
    assert 'data-refresh-every="2"' in page and 'aria-live="polite"' in page
    assert "Refresh the page" in page  # without the script


def test_the_upload_form_says_what_is_wrong(uploads_database, signed_in) -> None:
    response = signed_in("ana").post(
        "/plans/demo/annex-a/", {"file": SimpleUploadedFile("notes.docx", b"x"), **date_boxes(AS_AT)}
    )
    assert response.status_code == 400
    assert "upload Ofsted&#x27;s Annex A workbook (.xlsx) or a list as a CSV" in response.content.decode()
    assert not ExtractUpload.objects.exists()
    response = signed_in("ana").post("/plans/demo/annex-a/", {})
    page = response.content.decode()
    assert "Choose the Annex A workbook or a list&#x27;s CSV file to upload" in page
    assert "Enter the date the extract is as at" in page


def test_the_page_shows_progress_then_the_report_and_asks_before_replacing(
    uploads_database, plan, signed_in, write_xlsx
) -> None:
    client = signed_in("ana")
    first = extract_uploads.receive(
        plan, SimpleUploadedFile("annex-a.xlsx", workbook(write_xlsx).read_bytes()), AS_AT, Actor("Ana")
    )
    ExtractUpload.objects.filter(pk=first.pk).update(
        status="loading", lists_loaded=1, lists=2, rows_loaded=40000, latest="annex-a.xlsx, sheet List 3"
    )
    page = client.get(f"/plans/demo/annex-a/uploads/{first.pk}/").content.decode()
    assert "1 of 2 lists loaded, 40,000 rows (the last from annex-a.xlsx, sheet List 3)" in page
    assert '<progress id="progress" class="app-progress" max="2" value="1">50%</progress>' in page
    ExtractUpload.objects.filter(pk=first.pk).update(status="waiting")
    extract_uploads.load(first.pk)
    page = client.get(f"/plans/demo/annex-a/uploads/{first.pk}/").content.decode()
    assert "data-refresh-every" not in page and "Loaded" in page and "Data-quality report" in page
    again = SimpleUploadedFile("again.xlsx", workbook(write_xlsx, bad=True).read_bytes())
    second = extract_uploads.receive(plan, again, AS_AT, Actor("Ana"))
    extract_uploads.load(second.pk)
    second.refresh_from_db()
    assert (second.status, second.problems) == ("checked", [])
    page = client.get(f"/plans/demo/annex-a/uploads/{second.pk}/").content.decode()
    assert "This extract replaces lists already loaded for Anytown as at 31 March 2023" in page
    assert "&#x27;#N/A&#x27; is not a date" in page
    response = client.post(f"/plans/demo/annex-a/uploads/{second.pk}/confirm/")
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.status == "loaded"
    extracts = client.get("/plans/demo/annex-a/").content.decode()
    assert "31 March 2023" in extracts and "again.xlsx" in extracts


def test_officers_load_extracts_only_where_the_plan_allows_it(uploads_database, plan, signed_in) -> None:
    assert signed_in("olivia").get("/plans/demo/annex-a/").status_code == 403
    assert "Annex A extracts: load" not in signed_in("olivia").get("/plans/demo/scorecard/").content.decode()
    Plan.objects.filter(pk=plan.pk).update(officers_load_annex_a=True)
    assert signed_in("olivia").get("/plans/demo/annex-a/").status_code == 200
    assert "Annex A extracts: load" in signed_in("olivia").get("/plans/demo/scorecard/").content.decode()
    assert signed_in("vic").get("/plans/demo/annex-a/").status_code == 403


def test_the_upload_forms_need_their_security_token(uploads_database, plan) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username="ana"))
    assert client.post("/plans/demo/annex-a/", {}).status_code == 403
    upload = ExtractUpload.objects.create(
        plan=plan, council="Anytown", as_at=AS_AT, file_name="a.xlsx", folder="0" * 32, status="checked"
    )
    assert client.post(f"/plans/demo/annex-a/uploads/{upload.pk}/confirm/").status_code == 403
    assert client.post(f"/plans/demo/annex-a/uploads/{upload.pk}/cancel/").status_code == 403
    upload.refresh_from_db()
    assert upload.status == "checked"


def test_a_file_with_a_very_long_name_is_kept_under_a_shortened_one(
    uploads_database, signed_in, write_xlsx
) -> None:
    name = "annex-a " + "very " * 100 + "long.xlsx"
    response = signed_in("ana").post(
        "/plans/demo/annex-a/",
        {"file": SimpleUploadedFile(name, workbook(write_xlsx).read_bytes()), **date_boxes(AS_AT)},
    )
    assert response.status_code == 302
    upload = ExtractUpload.objects.get()
    assert len(upload.file_name.encode()) <= 200 and upload.file_name.endswith("….xlsx")
