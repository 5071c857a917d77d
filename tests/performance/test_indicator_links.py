"""Indicators linked to plan actions and Ofsted recommendations, shown on both sides and quoted by the
committee progress report, so that a board sees activity and impact together."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal as D

import pytest
from docx import Document

from oversight.audit.actors import Actor
from oversight.governance.models import Inspection, Recommendation
from oversight.performance.latest import LatestValue
from oversight.performance.links import latest_values
from oversight.performance.models import Indicator
from oversight.performance.scorecard import Polarity, Unit
from oversight.performance.values import record_value
from tests.plans.views.test_query_counts import queries

pytestmark = pytest.mark.django_db
RHI = "Return interviews within 72 hours: 64% in March 2018 against a target of 80% (Red)"


def latest(value: str | None, target: str | None = "80", frequency: str = "monthly", **more) -> LatestValue:
    return LatestValue(
        1, "Return interviews within 72 hours", Unit.PERCENTAGE, Polarity.HIGHER,
        None if target is None else D(target), D(5), frequency,
        more.get("period", date(2018, 3, 1)) if value is not None else None,
        None if value is None else D(value),
    )  # fmt: skip


def test_the_committee_report_quotes_an_indicator_in_one_sentence() -> None:
    assert latest("64").sentence() == RHI
    assert latest("78").sentence().endswith("against a target of 80% (Amber)")
    assert latest(None).sentence() == (
        "Return interviews within 72 hours: no value recorded yet against a target of 80%"
    )
    assert latest("64", target=None).sentence() == (
        "Return interviews within 72 hours: 64% in March 2018 (no target set)"
    )
    quarter = latest("90", frequency="quarterly", period=date(2018, 4, 1)).sentence()
    assert "90% in the quarter from April 2018 against a target of 80% (Green)" in quarter
    week = latest("90", frequency="weekly", period=date(2018, 3, 5)).sentence()
    assert "90% in the week of 5 March 2018" in week


# The pages


@pytest.fixture
def linked(plan):
    """Recommendation 3 is answered by action 2.1 (Amber); return interviews measure the impact of
    both, at 64% in March 2018 against a target of 80%."""
    inspection = Inspection.objects.create(plan=plan, published=date(2016, 8, 1))
    rec = Recommendation.objects.create(
        inspection=inspection,
        number=3,
        text="Ensure that children missing from care are offered a return interview.",
    )
    rec.actions.set([plan.actions.get(action_id="2.1")])
    rhi = Indicator.objects.create(
        plan=plan, name="Return interviews within 72 hours", service_area="Children in care",
        polarity="higher", target=D(80), tolerance=D(5),
    )  # fmt: skip
    rhi.actions.set([plan.actions.get(action_id="2.1")])
    rhi.recommendations.set([rec])
    record_value(rhi, date(2018, 2, 1), D(70), Actor("Ana"), "test")
    record_value(rhi, date(2018, 3, 1), D(64), Actor("Ana"), "test")
    return rhi, rec


def test_the_indicator_page_lists_its_actions_and_recommendations(signed_in, linked) -> None:
    rhi, rec = linked
    page = signed_in("vic").get(f"/plans/demo/scorecard/{rhi.pk}/").content.decode()
    assert 'href="/plans/demo/actions/2.1/"' in page and "Audit strategy discussions monthly." in page
    assert "app-rag--A" in page  # 2.1's current status
    assert f'href="/plans/demo/governance/recommendations/{rec.pk}/">Recommendation 3</a>' in page


def test_the_action_page_shows_its_indicators_latest_value_target_and_rag(signed_in, linked) -> None:
    rhi, _ = linked
    page = signed_in("vic").get("/plans/demo/actions/2.1/").content.decode()
    section = page[page.index("Performance indicators") : page.index("Status history")]
    assert f'href="/plans/demo/scorecard/{rhi.pk}/">Return interviews within 72 hours</a>' in section
    assert "64%" in section and "March 2018" in section and "80%" in section and "app-rag--R" in section
    other = signed_in("vic").get("/plans/demo/actions/1.1/").content.decode()
    assert "No performance indicators are linked to it yet." in other


def test_the_recommendation_page_shows_its_indicators(signed_in, linked) -> None:
    rhi, rec = linked
    page = signed_in("bob").get(f"/plans/demo/governance/recommendations/{rec.pk}/").content.decode()
    section = page[page.index("Performance indicators") : page.index("Progress and impact")]
    assert (
        f'href="/plans/demo/scorecard/{rhi.pk}/"' in section and "64%" in section and "app-rag--R" in section
    )


def test_the_committee_report_quotes_the_indicators_in_html_and_word(signed_in, linked) -> None:
    client = signed_in("bob")
    html = client.get("/plans/demo/governance/committee-report-by-theme.html").content.decode()
    assert RHI in html
    docx = client.get("/plans/demo/governance/committee-report-by-theme.docx").content
    cells = [
        cell.text for table in Document(io.BytesIO(docx)).tables for row in table.rows for cell in row.cells
    ]
    assert RHI in cells  # the Impact / Performance column, as no impact has been written yet


def test_the_impact_written_comes_first_and_each_indicator_on_a_line_of_its_own(
    signed_in, plan, linked
) -> None:
    from oversight.governance.models import ProgressUpdate

    _, rec = linked
    ProgressUpdate.objects.create(
        recommendation=rec, as_at=date(2018, 3, 31), impact="Fewer repeat episodes."
    )
    html = signed_in("bob").get("/plans/demo/governance/committee-report-by-theme.html").content.decode()
    assert f"Fewer repeat episodes.<br>{RHI}" in html


def test_the_latest_value_passes_over_months_with_no_data_and_those_after_the_day(linked) -> None:
    rhi, _ = linked
    record_value(rhi, date(2018, 4, 1), None, Actor("Ana"), "test")  # recorded as no data
    [found] = latest_values(Indicator.objects.filter(pk=rhi.pk), date(2018, 5, 31))
    assert (found.period, found.value, found.rag) == (date(2018, 3, 1), D(64), "R")
    [before] = latest_values(Indicator.objects.filter(pk=rhi.pk), date(2018, 2, 28))
    assert (before.period, before.value, before.rag) == (date(2018, 2, 1), D(70), "R")
    [none_yet] = latest_values(Indicator.objects.filter(pk=rhi.pk), date(2017, 12, 31))
    assert none_yet.value is None and none_yet.rag == "none"


def more_indicators(plan, rec, count: int) -> None:
    for n in range(count):
        indicator = Indicator.objects.create(
            plan=plan, name=f"Indicator {n}", service_area="Front door", polarity="lower", target=D(10)
        )
        indicator.actions.set(plan.actions.all())
        indicator.recommendations.set([rec])
        for month in range(1, 4):
            record_value(indicator, date(2018, month, 1), D(n + month), Actor("Ana"), "test")


@pytest.mark.parametrize(
    "url",
    [
        "/plans/demo/actions/2.1/",
        "/plans/demo/governance/recommendations/{rec}/",
        "/plans/demo/governance/recommendations/",
        "/plans/demo/governance/committee-report-by-theme.html",
        "/plans/demo/governance/committee-report-by-pillar.docx",
    ],
)
def test_the_pages_make_as_many_queries_for_30_linked_indicators_as_for_1(
    signed_in, plan, linked, url
) -> None:
    _, rec = linked
    url = url.format(rec=rec.pk)
    client = signed_in("olivia")
    small = (queries(client, url, cold=True), queries(client, url, cold=False))
    more_indicators(plan, rec, 29)
    page = client.get(url)
    assert url.endswith(("docx", "recommendations/")) or b"Indicator 28" in page.content  # all are shown
    large = (queries(client, url, cold=True), queries(client, url, cold=False))
    assert large == small
