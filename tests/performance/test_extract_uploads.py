"""An Annex A extract uploaded on the website: kept, queued for the worker, loaded into a draft with its
progress on the upload, then in place at once (nothing replaced) or once confirmed; the pages that read
Annex A answer throughout; every upload and replacement in the audit log."""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.problems import ImportFailed
from oversight.performance import extract_uploads
from oversight.performance.models import ExtractUpload

AS_AT = date(2023, 3, 31)
LIST3 = [
    "Child Unique ID",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age",
    "Date of Referral",
    "Referral Source",
]
LIST5 = [
    "Child Unique ID", "Sex", "Ethnicity", "Date of Birth", "Age",
    "Strategy discussion initiating Section 47 Enquiry Start Date",
    "Date of Initial Child Protection Conference", "Allocated Team", "Allocated Worker",
]  # fmt: skip


def workbook(write_xlsx, rows3: int = 2, bad: bool = False):
    referrals = [[f"R{n}", "F", "WBRI", "01/05/2012", "10", "02/05/2023", "2"] for n in range(rows3)]
    enquiries = [
        ["C1", "Male", "WBRI", "01/05/2012", 10, "#N/A" if bad else "03/01/2023", "", "Team A", "Jo"]
    ]
    return write_xlsx("annex-a.xlsx", {"List 3": [LIST3, *referrals], "List 5": [LIST5, *enquiries]})


def uploaded(path, name: str = "annex-a.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, path.read_bytes())


def stored(database, table: str) -> int:
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM {table} WHERE council = 'Anytown'").fetchone()[0]


def test_an_upload_is_kept_queued_for_the_worker_and_in_the_audit_log(
    uploads_database, plan, write_xlsx, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        upload = extract_uploads.receive(plan, uploaded(workbook(write_xlsx)), AS_AT, Actor("Ana", None))
    assert upload.status == ExtractUpload.Status.WAITING
    assert (extract_uploads.folder(upload) / "annex-a.xlsx").exists()
    [task] = DBTaskResult.objects.all()
    assert task.args_kwargs == {"args": [upload.pk], "kwargs": {}}
    [change] = Change.objects.filter(field="Annex A extract")
    assert (change.kind, change.new_value) == ("added", "annex-a.xlsx, for Anytown as at 31/03/2023")


def test_a_file_that_is_not_a_workbook_or_csv_is_refused_and_nothing_kept(
    uploads_database, plan, private_files
) -> None:
    with pytest.raises(ImportFailed, match="upload Ofsted's Annex A workbook"):
        extract_uploads.receive(plan, SimpleUploadedFile("extract.pdf", b"%PDF"), AS_AT, Actor("Ana"))
    assert not ExtractUpload.objects.exists() and not DBTaskResult.objects.exists()


def test_an_extract_replacing_nothing_is_loaded_at_once_saying_how_far_it_came(
    uploads_database, plan, write_xlsx
) -> None:
    upload = extract_uploads.receive(plan, uploaded(workbook(write_xlsx, bad=True)), AS_AT, Actor("Ana"))
    extract_uploads.load(upload.pk)
    upload.refresh_from_db()
    assert upload.status == ExtractUpload.Status.LOADED
    assert (upload.lists_loaded, upload.lists, upload.rows_loaded) == (2, 2, 3)
    assert upload.latest == "annex-a.xlsx, sheet List 5"
    assert [part["number"] for part in upload.report["lists"]] == [3, 5]
    [enquiries] = [part for part in upload.report["lists"] if part["number"] == 5]
    assert enquiries["counts"]["values that are not dates"] == 1
    assert enquiries["problems"][0]["row"] == 2
    assert stored(uploads_database, "list_3") == 2
    assert not extract_uploads.folder(upload).exists()  # the file of children's records is not kept
    changed = Change.objects.get(kind="changed", field__startswith="Annex A extract for")
    assert (changed.field, changed.old_value, changed.new_value) == (
        "Annex A extract for Anytown as at 31/03/2023",
        "nothing loaded",
        "Lists 3, 5 from annex-a.xlsx",
    )


def test_an_extract_replacing_lists_in_use_waits_to_be_confirmed_and_the_pages_read_the_old_one_meanwhile(
    uploads_database, plan, write_xlsx
) -> None:
    first = extract_uploads.receive(plan, uploaded(workbook(write_xlsx)), AS_AT, Actor("Ana"))
    extract_uploads.load(first.pk)
    second = extract_uploads.receive(plan, uploaded(workbook(write_xlsx, rows3=5)), AS_AT, Actor("Ana"))
    extract_uploads.load(second.pk)
    second.refresh_from_db()
    assert second.status == ExtractUpload.Status.CHECKED
    assert [part.split(",")[0] for part in second.replaces] == [
        "List 3 from annex-a.xlsx",
        "List 5 from annex-a.xlsx",
    ]
    assert stored(uploads_database, "list_3") == 2
    assert extract_uploads.confirm(second, Actor("Olivia"))
    second.refresh_from_db()
    assert second.status == ExtractUpload.Status.LOADED
    assert stored(uploads_database, "list_3") == 5
    assert not extract_uploads.confirm(second, Actor("Olivia"))  # once only


def test_a_checked_extract_cancelled_leaves_what_was_loaded(uploads_database, plan, write_xlsx) -> None:
    extract_uploads.load(
        extract_uploads.receive(plan, uploaded(workbook(write_xlsx)), AS_AT, Actor("Ana")).pk
    )
    second = extract_uploads.receive(plan, uploaded(workbook(write_xlsx, rows3=5)), AS_AT, Actor("Ana"))
    extract_uploads.load(second.pk)
    assert extract_uploads.cancel(second, Actor("Ana"))
    second.refresh_from_db()
    assert second.status == ExtractUpload.Status.CANCELLED
    assert stored(uploads_database, "list_3") == 2
    assert not extract_uploads.draft_path(second).exists()
    assert Change.objects.filter(kind="removed", field="Annex A extract").count() == 1


def test_a_checked_extract_overtaken_by_another_is_refused_when_confirmed(
    uploads_database, plan, write_xlsx
) -> None:
    extract_uploads.load(
        extract_uploads.receive(plan, uploaded(workbook(write_xlsx)), AS_AT, Actor("Ana")).pk
    )
    one = extract_uploads.receive(plan, uploaded(workbook(write_xlsx, rows3=4)), AS_AT, Actor("Ana"))
    other = extract_uploads.receive(plan, uploaded(workbook(write_xlsx, rows3=6)), AS_AT, Actor("Ana"))
    extract_uploads.load(one.pk)
    extract_uploads.load(other.pk)
    assert extract_uploads.confirm(other, Actor("Ana"))
    assert extract_uploads.confirm(one, Actor("Ana"))
    one.refresh_from_db()
    assert one.status == ExtractUpload.Status.REFUSED
    assert "another extract was loaded after this one was checked" in one.problems[0]
    assert stored(uploads_database, "list_3") == 6


def test_a_load_that_fails_half_way_leaves_the_extract_in_use_and_says_why(
    uploads_database, plan, write_xlsx
) -> None:
    extract_uploads.load(
        extract_uploads.receive(plan, uploaded(workbook(write_xlsx)), AS_AT, Actor("Ana")).pk
    )
    damaged = workbook(write_xlsx, rows3=5)
    damaged.write_bytes(damaged.read_bytes()[:-300])
    upload = extract_uploads.receive(plan, uploaded(damaged), AS_AT, Actor("Ana"))
    extract_uploads.load(upload.pk)
    upload.refresh_from_db()
    assert upload.status == ExtractUpload.Status.REFUSED
    assert upload.problems[0].startswith("annex-a.xlsx: ")
    assert stored(uploads_database, "list_3") == 2
    assert not extract_uploads.draft_path(upload).exists()


def test_a_page_that_reads_annex_a_answers_while_a_load_runs(
    uploads_database, plan, write_xlsx, signed_in
) -> None:
    extract_uploads.load(
        extract_uploads.receive(plan, uploaded(workbook(write_xlsx)), AS_AT, Actor("Ana")).pk
    )
    client = signed_in("ana")
    answers = []

    def reading(step) -> None:  # called by the load with its draft open, list by list
        answers.append(client.get(f"/plans/{plan.slug}/caseloads/").status_code)
        answers.append(client.get(f"/plans/{plan.slug}/annex-a/").status_code)

    upload = extract_uploads.receive(plan, uploaded(workbook(write_xlsx, rows3=5)), AS_AT, Actor("Ana"))
    original = extract_uploads._advance
    extract_uploads._advance = lambda upload_id, step: (original(upload_id, step), reading(step))
    try:
        extract_uploads.load(upload.pk)
    finally:
        extract_uploads._advance = original
    assert answers == [200, 200, 200, 200]


def test_an_extract_never_confirmed_is_thrown_away_a_week_on_when_the_next_is_uploaded(
    uploads_database, plan, write_xlsx
) -> None:
    extract_uploads.load(
        extract_uploads.receive(plan, uploaded(workbook(write_xlsx)), AS_AT, Actor("Ana")).pk
    )
    waiting = extract_uploads.receive(plan, uploaded(workbook(write_xlsx, rows3=5)), AS_AT, Actor("Ana"))
    extract_uploads.load(waiting.pk)
    assert extract_uploads.draft_path(waiting).exists()
    ExtractUpload.objects.filter(pk=waiting.pk).update(uploaded=timezone.now() - timedelta(days=8))
    extract_uploads.receive(plan, uploaded(workbook(write_xlsx)), AS_AT, Actor("Ana"))
    waiting.refresh_from_db()
    assert waiting.status == ExtractUpload.Status.CANCELLED
    assert not extract_uploads.draft_path(waiting).exists()
    assert stored(uploads_database, "list_3") == 2
