"""The worker process, as a deployment runs it, checks a file uploaded on the website and, once its
uploader confirms, imports it: the website's requests only keep the file and queue the work."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from oversight.plans.models import Action, FileImport
from tests.conftest import build_plan
from tests.plans.views.test_imports import as_csv, revised_plan, upload
from tests.worker import work_through_the_queue


@pytest.fixture
def olivia(transactional_db, worker_queue, write_csv, private_files) -> Client:
    build_plan(write_csv)
    client = Client()
    client.force_login(get_user_model().objects.get(username="olivia"))
    return client


def test_the_worker_process_checks_then_imports_what_the_website_queued(olivia) -> None:
    location = upload(olivia, "plan", "plan.csv", as_csv(revised_plan()))["Location"]
    record = FileImport.objects.get()
    assert record.status == FileImport.Status.WAITING

    done = work_through_the_queue()
    record.refresh_from_db()
    assert record.status == FileImport.Status.CHECKED, done.stdout + done.stderr
    assert record.change_count == 2 and Action.objects.get(action_id="1.1").lead == "HOS LS"

    olivia.post(location + "confirm/", {"revision": str(record.revision)})
    done = work_through_the_queue()
    record.refresh_from_db()
    assert record.status == FileImport.Status.IMPORTED, done.stdout + done.stderr
    assert Action.objects.get(action_id="1.1").lead == "DCS"
    assert Action.objects.filter(action_id="2.4").exists()
