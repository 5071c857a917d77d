"""The number of database queries a page makes does not grow with the plan or its history."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from oversight.audit.actors import Actor
from oversight.plans.plan_import import import_plan
from oversight.plans.revisions import plan_changed
from oversight.plans.status_import import import_statuses
from tests.conftest import PLAN_ROWS

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/plans/demo/",
    "/plans/demo/priorities/2/",
    "/plans/demo/actions/",
    "/plans/demo/actions/?rag=R&rag=A&overdue=1&q=audit",
    "/plans/demo/actions/2.1/",
    "/plans/demo/my-actions/",
    "/plans/demo/report/?month=2017-01",
    "/plans/demo/report/2017-01.json",
    "/plans/demo/audit/",
    "/plans/demo/people/",
    "/plans/demo/scorecard/",
]


def queries(client, url: str, cold: bool) -> int:
    if cold:
        cache.clear()  # the register is rebuilt, as after any change to the plan
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def grow(write_csv, actions: int, months: int) -> None:
    """Adds `actions` more actions to priority 2, and `months` more months of statuses for all."""
    extra = [
        ["Priority 2 - Practice", f"2.9.{i}", f"Further action {i}.", "HOS LS", "", "Jun 17"]
        for i in range(actions)
    ]
    import_plan(write_csv("bigger.csv", [*PLAN_ROWS, *extra]), "demo", Actor("setup"))
    ids = [row[1] for row in PLAN_ROWS[1:]] + [row[1] for row in extra]
    for month in range(months):
        rag = "RAGW"[month % 4]
        rows = [["Action ID", "RAG", "Commentary"], *[[i, rag, f"Month {month}"] for i in ids]]
        as_at = date(2017 + (month + 1) // 12, (month + 1) % 12 + 1, 1)
        import_statuses(write_csv(f"s{month}.csv", rows), "demo", as_at, Actor("setup"))


@pytest.mark.parametrize("url", PAGES)
def test_queries_per_page_do_not_grow_with_actions_or_history(signed_in, plan, write_csv, url: str) -> None:
    client = signed_in("lee") if "my-actions" in url else signed_in("olivia")
    small = (queries(client, url, cold=True), queries(client, url, cold=False))
    grow(write_csv, actions=120, months=6)
    plan_changed(plan.pk)
    large = (queries(client, url, cold=True), queries(client, url, cold=False))
    assert large == small
