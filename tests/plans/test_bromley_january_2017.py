"""Bromley's published January 2017 exception report, reproduced from its plan and statuses."""

from __future__ import annotations

import json
from datetime import date

import pytest

from oversight.audit.actors import Actor
from oversight.plans.exception_report import to_json
from oversight.plans.plan_import import import_plan
from oversight.plans.report_data import exception_report
from oversight.plans.status_import import import_statuses
from tests.conftest import BROMLEY, accepting_statuses_without_commentary

pytestmark = pytest.mark.django_db

EXPECTED = json.loads((BROMLEY / "expected-2017-01-31.json").read_text())


@pytest.fixture
def report() -> dict:
    import_plan(BROMLEY / "plan.csv", "bromley", Actor("officer"), started=date(2016, 5, 1))
    accepting_statuses_without_commentary("bromley")
    import_statuses(BROMLEY / "status-2017-01-31.csv", "bromley", date(2017, 1, 31), Actor("officer"))
    return to_json(exception_report("bromley", date(2017, 1, 31)))


def test_the_totals_equal_the_published_ones(report) -> None:
    assert report["month"] == EXPECTED["as_at"]
    assert report["totals"] == EXPECTED["totals"]


def test_table_1_equals_the_published_one(report) -> None:
    assert [{k: row[k] for k in ("priority", "title", "due", "red")} for row in report["by_priority"]] == (
        EXPECTED["by_priority"]
    )


def test_table_3_equals_the_published_figures(report) -> None:
    assert [{k: row[k] for k in ("deadline", "count", "percent")} for row in report["by_deadline"]] == (
        EXPECTED["by_deadline"]
    )


def test_the_red_actions_and_the_oldest_equal_the_published_ones(report) -> None:
    assert [a["action_id"] for a in report["red_actions"]] == EXPECTED["red_actions"]
    assert report["oldest_red"] == EXPECTED["oldest_red"]
    first = report["red_actions"][0]
    assert (first["timescale"], first["lead"], first["agencies"]) == (
        "Jan-17",
        "DCS",
        "LBB (Dir Human Resources)",
    )
