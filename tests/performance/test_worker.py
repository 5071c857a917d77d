"""The worker is a real process beside the website: it takes an upload queued in the database and loads
it, while the test (the website) goes on."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from oversight.audit.actors import Actor
from oversight.performance import extract_uploads
from oversight.performance.models import ExtractUpload
from oversight.plans.models import Plan
from tests.conftest import build_plan
from tests.performance.test_extract_uploads import stored, workbook
from tests.worker import work_through_the_queue

AS_AT = date(2023, 3, 31)


@pytest.fixture
def uploads_plan(transactional_db, worker_queue, write_csv, private_files, settings, tmp_path):
    settings.ANNEX_A_DATABASE = tmp_path / "annex_a.duckdb"
    plan = build_plan(write_csv)
    Plan.objects.filter(pk=plan.pk).update(council="Anytown")
    plan.refresh_from_db()
    return plan


def test_the_worker_process_loads_what_the_website_queued(uploads_plan, write_xlsx, settings) -> None:
    file = SimpleUploadedFile("annex-a.xlsx", workbook(write_xlsx, rows3=3).read_bytes())
    upload = extract_uploads.receive(uploads_plan, file, AS_AT, Actor("Ana"))
    assert upload.status == ExtractUpload.Status.WAITING
    done = work_through_the_queue()
    upload.refresh_from_db()
    assert upload.status == ExtractUpload.Status.LOADED, done.stdout + done.stderr
    assert (upload.lists_loaded, upload.lists, upload.rows_loaded) == (2, 2, 4)
    assert stored(settings.ANNEX_A_DATABASE, "list_3") == 3
