"""The quality assurance pages make as many SQL queries with a year of audits as with one cohort: the
figures are counted by the database, not fetched audit by audit."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from oversight.lib.months import add_months
from oversight.quality.cohorts import NewCohort, create_cohort
from oversight.quality.sampling import Case
from tests.quality.conftest import QUINN
from tests.quality.test_programme import GOOD, grade, user

pytestmark = pytest.mark.django_db
PAGES = ("/plans/demo/quality/?month=2026-11", "/plans/demo/quality/report.docx?month=2026-11")


def queries(client, url: str) -> int:
    cache.clear()  # as the first request after a change: everything counted again
    with CaptureQueriesContext(connection) as found:
        assert client.get(url).status_code == 200
    return len(found)


def test_a_year_of_audits_takes_no_more_queries_than_one_cohort(signed_in, programme) -> None:
    quinn = signed_in("quinn")
    grade(programme, "C1001", GOOD)
    before = {url: queries(quinn, url) for url in PAGES}
    teams = ["Safeguarding East", "Children in Care", "Court", "Leaving Care"]
    for back in range(1, 12):
        month = add_months(date(2026, 11, 1), -back)
        cases = [Case(teams[n % 4], f"Worker {n}", f"Y{back:02}{n:03}") for n in range(30)]
        new = NewCohort("monthly", month, f"Cohort {back}", "", programme.version, month.replace(day=20))
        cohort = create_cohort(programme.plan.pk, new, cases, [user("audrey"), user("lara")], QUINN)
        for audit in cohort.audits.all()[:10]:
            grade(programme, audit.case_ref, GOOD, on=month.replace(day=15))
    assert {url: queries(quinn, url) for url in PAGES} == before
