"""A cohort drawn from the latest Annex A extract on the website: the same seed draws the same cases, and
a second cohort of the same month never draws a case the first has."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.annex_a.load import load_extract
from oversight.performance.annex_a_engine import annex_a_engine
from oversight.quality.models import Cohort
from tests.performance.test_caseload_pages import HEADER, cases

pytestmark = pytest.mark.django_db


@pytest.fixture
def extract(programme, settings, tmp_path, write_csv):
    """Anytown's list 6 as at 31 October 2026: three workers with five open cases each."""
    settings.ANNEX_A_DATABASE = tmp_path / "annex_a.duckdb"
    programme.plan.council = "Anytown"
    programme.plan.save()
    rows = cases("Safeguarding East", "Jo Smith", 5) + cases("Safeguarding East", "Sam Patel", 5)
    rows += cases("Children in Care", "Ali Khan", 5)
    load_extract(annex_a_engine(), [write_csv("list6.csv", [HEADER, *rows])], "Anytown", date(2026, 10, 31))
    return programme


def draw(client, programme, title: str, month: int, seed: str) -> Cohort:
    form = {
        "kind": "dip_sample",
        "title": title,
        "month-month": str(month),
        "month-year": "2026",
        "tool": str(programme.version.tool_id),
        "due-day": "28",
        "due-month": str(month),
        "due-year": "2026",
        "auditors": [str(programme.audit("C1002").auditor_id)],
        "source": "annex_a",
        "sample": "per_worker",
        "count": "2",
        "seed": seed,
    }
    response = client.post("/plans/demo/quality/cohorts/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Cohort.objects.get(title=title)


def refs(cohort: Cohort) -> set[str]:
    return set(cohort.audits.values_list("case_ref", flat=True))


def test_the_same_seed_draws_the_same_cases_and_never_one_already_chosen_that_month(
    signed_in, extract
) -> None:
    quinn = signed_in("quinn")
    first = draw(quinn, extract, "December dip sample", 12, "4821")
    assert len(refs(first)) == 6  # two for each of three workers
    assert (
        first.chosen
        == "2 cases per worker of the Annex A extract of 31 October 2026 (lists 6 to 9), seed 4821"
    )
    again = draw(quinn, extract, "December dip sample, again", 12, "4821")
    assert len(refs(again)) == 6 and not refs(first) & refs(again)
    january = draw(quinn, extract, "January dip sample", 1, "4821")  # another month: the first draw again
    assert refs(january) == refs(first)
