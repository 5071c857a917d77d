"""An analyst refreshes the scorecard from Annex A and drills into a team's child records; a viewer
sees the breakdown by team but cannot see the child records."""

from __future__ import annotations

from decimal import Decimal

import pytest

from oversight.audit.models import Change
from oversight.performance.models import Indicator
from oversight.plans.models import Plan
from tests.annex_a.conftest import load_small_extract

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def icpcs(browser_plan, write_csv, tmp_path, settings) -> Indicator:
    """The demo plan is Anytown's, Anytown's small extract is loaded, and one indicator comes from it."""
    settings.ANNEX_A_DATABASE = load_small_extract(write_csv, tmp_path / "annex_a.duckdb")
    Plan.objects.filter(slug="demo").update(council="Anytown")
    return Indicator.objects.create(
        plan=Plan.objects.get(slug="demo"), name="ICPCs in timescale", service_area="Safeguarding",
        polarity="higher", target=Decimal(90), tolerance=Decimal(5), source=Indicator.Source.ANNEX_A,
        measure="icpc_15",
    )  # fmt: skip


def test_an_analyst_follows_a_team_to_its_child_records(icpcs, sign_in, visit, submit, follow) -> None:
    ana = sign_in("ana")
    visit(ana, "/plans/demo/scorecard/")
    submit(ana, "Refresh from Annex A")  # the scorecard for the extract's month
    assert "1 recorded, 0 unchanged" in ana.locator("main").inner_text()
    row = ana.locator("tr", has_text="ICPCs in timescale")
    assert "66.7%" in row.inner_text() and "Red" in row.inner_text()
    follow(ana, "ICPCs in timescale")
    by_team = ana.locator("table", has_text="by team")
    assert "50%" in by_team.locator("tr", has_text="Team 1").inner_text()
    assert ana.get_by_role("img", name="Bars of each team's percentage").is_visible()
    follow(ana, "Child records for Team 1")
    records = ana.locator("main table").inner_text()
    assert "S1" in records and "S2" in records and "S3" not in records
    assert Change.objects.filter(kind=Change.Kind.VIEWED, actor="Ana").count() == 1


def test_a_viewer_sees_the_breakdown_but_not_the_child_records(icpcs, sign_in, visit) -> None:
    vic = sign_in("vic")
    visit(vic, f"/plans/demo/scorecard/{icpcs.pk}/")
    assert "Team 2" in vic.locator("table", has_text="by team").inner_text()
    assert vic.get_by_role("link", name="Child records for Team 1").count() == 0
    visit(vic, f"/plans/demo/scorecard/{icpcs.pk}/records/?as_at=2023-05-31&team=Team+1", status=403)
    assert "You cannot do this" in vic.locator("main").inner_text()
    assert not Change.objects.filter(kind=Change.Kind.VIEWED).exists()
