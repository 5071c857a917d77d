"""A file imported on the website is checked and imported by the worker: the upload answers at once, the
page follows the worker to the preview, confirming hands the import back to the worker, and a plan that
changed after the preview is previewed again before anything is imported."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages

from oversight.plans import file_imports, uploads
from oversight.plans.models import Action, FileImport, ImportRun, Plan
from tests.parsed import visible_text
from tests.plans.views.test_imports import as_csv, revised_plan, upload

pytestmark = pytest.mark.django_db


def test_the_upload_answers_at_once_and_the_page_follows_the_worker_to_the_preview(
    signed_in, worker_queue
) -> None:
    olivia = signed_in("olivia")
    response = upload(olivia, "plan", "plan.csv", as_csv(revised_plan()))
    record = FileImport.objects.get()
    assert response["Location"] == f"/plans/demo/import/{record.token}/"
    assert record.status == FileImport.Status.WAITING and record.uploaded_by.username == "olivia"
    page = olivia.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "Checking plan.csv" in visible_text(page) and "Waiting for the worker to check it." in html
    assert 'data-refresh-every="2"' in html and 'aria-live="polite"' in html and "Refresh the page" in html
    assert "Import these changes" not in html

    file_imports.check(record.pk)  # the worker's work
    page = olivia.get(response["Location"])
    text = visible_text(page)
    assert "Check the changes in plan.csv" in text and "data-refresh-every" not in page.content.decode()
    assert "Every change this import will make (2)" in text
    assert Action.objects.get(action_id="1.1").lead == "HOS LS"  # nothing saved by the check

    revision = str(Plan.objects.get().revision)
    confirmed = olivia.post(response["Location"] + "confirm/", {"revision": revision})
    assert confirmed["Location"] == response["Location"]
    page = olivia.get(response["Location"])
    assert "Importing plan.csv" in visible_text(
        page
    ) and "Waiting for the worker to import it." in visible_text(page)
    assert Action.objects.get(action_id="1.1").lead == "HOS LS"

    file_imports.import_confirmed(record.pk)  # the worker's work
    assert Action.objects.get(action_id="1.1").lead == "DCS"
    record.refresh_from_db()
    assert (
        record.status == FileImport.Status.IMPORTED
        and record.done_lines[0] == "Imported plan 'Improvement plan' from plan.csv:"
    )
    assert not uploads.pending_dir(record.token).exists()  # the file is deleted once imported
    done = olivia.get(response["Location"])
    assert done["Location"] == "/plans/demo/"
    assert [str(m) for m in get_messages(done.wsgi_request)] == [
        "Imported plan 'Improvement plan' from plan.csv."
    ]


def test_a_plan_changed_after_its_preview_is_previewed_again_and_not_imported(
    signed_in, worker_queue
) -> None:
    olivia = signed_in("olivia")
    location = upload(olivia, "plan", "plan.csv", as_csv(revised_plan()))["Location"]
    record = FileImport.objects.get()
    file_imports.check(record.pk)
    record.refresh_from_db()
    olivia.post(location + "confirm/", {"revision": str(record.revision)})
    Plan.objects.filter(pk=record.plan_id).update(revision=record.revision + 1)  # someone saved a change
    runs = ImportRun.objects.count()

    file_imports.import_confirmed(record.pk)

    record.refresh_from_db()
    assert (record.status, record.revision) == (FileImport.Status.CHECKED, record.plan.revision)
    assert ImportRun.objects.count() == runs and Action.objects.get(action_id="1.1").lead == "HOS LS"
    text = visible_text(olivia.get(location))
    assert "The plan changed after the preview was made, so this preview was made again." in text
    assert "Import these changes" in text


def test_confirming_a_preview_of_an_older_plan_queues_a_new_preview(signed_in, worker_queue) -> None:
    olivia = signed_in("olivia")
    location = upload(olivia, "plan", "plan.csv", as_csv(revised_plan()))["Location"]
    record = FileImport.objects.get()
    file_imports.check(record.pk)
    record.refresh_from_db()
    response = olivia.post(location + "confirm/", {"revision": str(record.revision - 1)})
    assert response["Location"] == location
    record.refresh_from_db()
    assert record.status == FileImport.Status.WAITING  # checked again by the worker, nothing imported
    assert "Check the new preview before importing" in str(list(get_messages(response.wsgi_request))[0])


def test_a_file_with_problems_is_refused_with_every_problem_and_deleted(signed_in, worker_queue) -> None:
    olivia = signed_in("olivia")
    rows = revised_plan()
    rows[2][1] = ""  # 1.2 loses its Action ID
    rows[3][5] = "someday"
    location = upload(olivia, "plan", "plan.csv", as_csv(rows))["Location"]
    record = FileImport.objects.get()
    file_imports.check(record.pk)
    record.refresh_from_db()
    assert record.status == FileImport.Status.REFUSED and len(record.problems) == 2
    assert {problem["row"] for problem in record.problems} == {3, 4}
    assert all(problem["file"] == "plan.csv" for problem in record.problems)
    assert not uploads.pending_dir(record.token).exists()
    page = olivia.get(location)
    assert page.status_code == 400 and "2 problems in plan.csv" in visible_text(page)


def test_a_cancelled_upload_is_deleted_and_the_worker_leaves_it(signed_in, worker_queue) -> None:
    olivia = signed_in("olivia")
    location = upload(olivia, "plan", "plan.csv", as_csv(revised_plan()))["Location"]
    record = FileImport.objects.get()
    olivia.post(location + "cancel/")
    file_imports.check(record.pk)
    record.refresh_from_db()
    assert record.status == FileImport.Status.CANCELLED and not record.lines
    assert not uploads.pending_dir(record.token).exists()
    assert olivia.get(location)["Location"] == "/plans/demo/import/"


def test_only_the_person_who_uploaded_a_file_sees_its_preview_or_imports_it(signed_in) -> None:
    location = upload(signed_in("olivia"), "plan", "plan.csv", as_csv(revised_plan()))["Location"]
    record = FileImport.objects.get()
    alice = signed_in("alice")  # an administrator, who imports files of her own
    assert alice.get(location)["Location"] == "/plans/demo/import/"
    alice.post(location + "confirm/", {"revision": str(record.revision)})
    alice.post(location + "cancel/")
    record.refresh_from_db()
    assert record.status == FileImport.Status.CHECKED
    assert Action.objects.get(action_id="1.1").lead == "HOS LS"


def test_a_preview_of_many_changes_lists_the_first_and_counts_them_all(signed_in, monkeypatch) -> None:
    monkeypatch.setattr(uploads, "SHOWN_CHANGES", 1)
    olivia = signed_in("olivia")
    page = olivia.get(upload(olivia, "plan", "plan.csv", as_csv(revised_plan()))["Location"])
    text = visible_text(page)
    assert "The first 1 of 2 changes this import will make" in text
    assert "The import makes 2 changes; the first 1 are listed here." in text


def test_an_upload_left_a_day_is_cancelled_and_a_finished_one_forgotten_after_a_week(signed_in) -> None:
    from datetime import timedelta

    from django.utils import timezone

    olivia = signed_in("olivia")
    upload(olivia, "plan", "plan.csv", as_csv(revised_plan()))
    left, done = FileImport.objects.get(), None
    upload(olivia, "plan", "plan.csv", as_csv(revised_plan()))
    done = FileImport.objects.exclude(pk=left.pk).get()
    FileImport.objects.filter(pk=left.pk).update(uploaded=timezone.now() - timedelta(hours=25))
    FileImport.objects.filter(pk=done.pk).update(
        status="imported", finished=timezone.now() - timedelta(days=8)
    )
    upload(olivia, "plan", "plan.csv", as_csv(revised_plan()))  # the next upload tidies up
    left.refresh_from_db()
    assert left.status == FileImport.Status.CANCELLED and not uploads.pending_dir(left.token).exists()
    assert not FileImport.objects.filter(pk=done.pk).exists()
    assert FileImport.objects.filter(status=FileImport.Status.CHECKED).count() == 1


def test_an_upload_whose_file_is_gone_is_refused_saying_so(signed_in, worker_queue) -> None:
    olivia = signed_in("olivia")
    location = upload(olivia, "plan", "plan.csv", as_csv(revised_plan()))["Location"]
    record = FileImport.objects.get()
    uploads.discard(file_imports.pending_of(record))  # deleted under it, as a day's tidying would
    file_imports.check(record.pk)
    record.refresh_from_db()
    assert record.status == FileImport.Status.REFUSED
    assert record.problems[0]["message"] == "the uploaded file is no longer kept: upload it again"
    assert "the uploaded file is no longer kept" in visible_text(olivia.get(location))
