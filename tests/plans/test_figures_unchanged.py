"""Keeping the statuses' summary changes how the plan's pages are read, not what they show: the
overview, a priority's page, the action list (whole and filtered), the exception report (page and
download) and the scorecard are the same, to the byte, read from the summary as worked out from the
whole history of statuses: on Bromley's January 2017 and on the benchmark's generated plan."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db.models import F
from django.test import Client
from django.utils import timezone

from oversight.accounts.models import Membership
from oversight.audit.actors import Actor
from oversight.lib.months import add_months, iso_month, month_of
from oversight.plans.models import Plan
from oversight.plans.plan_import import import_plan
from oversight.plans.status_import import import_statuses
from tests.conftest import BROMLEY, accepting_statuses_without_commentary

pytestmark = pytest.mark.django_db

BENCH = Path(__file__).resolve().parents[2] / "bench"
PAGES = [
    "/plans/{slug}/",
    "/plans/{slug}/priorities/{priority}/",
    "/plans/{slug}/actions/",
    "/plans/{slug}/actions/?rag=R&overdue=1",
    "/plans/{slug}/actions/?rag=A&rag=G",
    "/plans/{slug}/report/?month={month}",
    "/plans/{slug}/report/{month}.json",
    "/plans/{slug}/scorecard/",
]
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


def officer_of(slug: str) -> Client:
    user = get_user_model().objects.create_user(f"officer-{slug}", f"{slug}@council.example", "x" * 20)
    plan = Plan.objects.get(slug=slug)
    Membership.objects.create(plan=plan, user=user, role="officer")
    client = Client()
    client.force_login(user)
    return client


def pages(client: Client, slug: str, month: date) -> dict[str, bytes]:
    priority = Plan.objects.get(slug=slug).priorities.order_by("number")[1].number
    shown = {}
    for url in PAGES:
        url = url.format(slug=slug, priority=priority, month=iso_month(month))
        response = client.get(url)
        assert response.status_code == 200, url
        shown[url] = TOKEN.sub(b"", response.content)  # the form's token differs on every page
    return shown


def from_the_whole_history(slug: str) -> None:
    """Makes the plan's pages work out every status from the history, as before the summary was kept
    (as for a day before the summary's last month), and retires what is kept of them."""
    Plan.objects.filter(slug=slug).update(summary_month=date(2999, 1, 1), revision=F("revision") + 1)


def assert_the_same_both_ways(client: Client, slug: str, month: date) -> None:
    summarised = pages(client, slug, month)
    assert b"Red" in summarised[f"/plans/{slug}/"]
    from_the_whole_history(slug)
    assert pages(client, slug, month) == summarised


def test_bromleys_january_2017_is_the_same_read_from_the_summary(private_files) -> None:
    import_plan(BROMLEY / "plan.csv", "bromley", Actor("officer"), started=date(2016, 5, 1))
    accepting_statuses_without_commentary("bromley")
    import_statuses(BROMLEY / "status-2017-01-31.csv", "bromley", date(2017, 1, 31), Actor("officer"))
    assert_the_same_both_ways(officer_of("bromley"), "bromley", date(2017, 1, 1))


def test_the_benchmark_plan_is_the_same_read_from_the_summary(tmp_path, private_files, monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(BENCH))
    from generate import generate  # the benchmark's own generator, on a plan small enough for the suite

    today = timezone.localdate()
    data = generate(tmp_path / "generated", 240, 12, start=add_months(month_of(today), -11))
    import_plan(data.plan_csv, "bench", Actor("bench"))
    accepting_statuses_without_commentary("bench")
    for as_at, path in data.statuses:
        import_statuses(path, "bench", min(as_at, today), Actor("bench"))
    assert_the_same_both_ways(officer_of("bench"), "bench", add_months(month_of(today), -1))
    sys.modules.pop("generate", None)
