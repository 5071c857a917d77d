"""Right after a save, the plan's pages read the statuses' summary, never the plan's history of
statuses: what a page asks of the database is the same with 5 months of history as with 60."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from oversight.audit.actors import Actor
from oversight.lib.months import add_months, last_day
from oversight.plans.models import Action, Plan, StatusRecord
from oversight.plans.register import register
from oversight.plans.status_import import import_statuses
from oversight.plans.updates import StatusUpdate, latest_change_id, record_status
from tests.conftest import PLAN_ROWS

pytestmark = pytest.mark.django_db

PAGES = [
    "/plans/demo/",
    "/plans/demo/priorities/2/",
    "/plans/demo/actions/",
    "/plans/demo/actions/?rag=R&rag=A&overdue=1",
    "/plans/demo/my-actions/",
]
STATUS_TABLE = '"plans_statusrecord"'


def months_of_history(write_csv, first: date, months: int) -> None:
    ids = [row[1] for row in PLAN_ROWS[1:]]
    for n in range(months):
        as_at = last_day(add_months(first, n))
        rows = [
            ["Action ID", "RAG", "Commentary"],
            *[[i, "RAGW"[(n + k) % 4], f"Month {n}"] for k, i in enumerate(ids)],
        ]
        import_statuses(write_csv(f"status-{as_at}.csv", rows), "demo", as_at, Actor("setup"))


def save_a_status() -> None:
    action = Action.objects.get(plan__slug="demo", action_id="2.1")
    update = StatusUpdate("R", "Audits paused.", action.revision, latest_change_id(action))
    record_status(action, update, Actor("lara"), timezone.localdate())


def read_after_a_save(client, url: str) -> tuple[int, list[str]]:
    assert client.get(url).status_code == 200  # the page as it is read before the save
    save_a_status()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured), [q["sql"] for q in captured if STATUS_TABLE in q["sql"]]


def signed_in_as(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_the_plans_pages_right_after_a_save_read_no_history_however_long_it_is(plan, write_csv):
    officer, lead = signed_in_as("olivia"), signed_in_as("lara")
    today = timezone.localdate()
    months_of_history(write_csv, add_months(today.replace(day=1), -65), 5)
    assert StatusRecord.objects.filter(action__plan=plan).count() == 3 + 5 * 5
    with_5_months = {}
    for url in PAGES:
        with_5_months[url], history_read = read_after_a_save(lead if "my-actions" in url else officer, url)
        assert history_read == [], url
    months_of_history(write_csv, add_months(today.replace(day=1), -60), 55)
    assert StatusRecord.objects.filter(action__plan=plan).count() > 60 * 5
    for url in PAGES:
        with_60_months, history_read = read_after_a_save(lead if "my-actions" in url else officer, url)
        assert history_read == [], url
        assert with_60_months == with_5_months[url], url


def test_the_plan_as_read_takes_one_entry_of_the_shared_cache_however_many_saves(plan) -> None:
    client = signed_in_as("olivia")
    for _ in range(3):
        save_a_status()
        assert client.get("/plans/demo/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM oversight_cache WHERE cache_key LIKE %s", ["%register:%"])
        assert cursor.fetchone()[0] == 2  # its value, and the mark naming its revision
    kept = register(Plan.objects.get(slug="demo"), timezone.localdate())  # the last save's, as kept
    assert next(a for a in kept.actions if a.action_id == "2.1").commentary == "Audits paused."
