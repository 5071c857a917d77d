"""The scorecard on the website: RAG against target by service area, and entering values."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from django.contrib.auth import get_user_model

from oversight.audit.actors import Actor
from oversight.lib.months import add_months, iso_month, month_name, month_of
from oversight.performance.models import Indicator, IndicatorValue
from oversight.performance.values import record_value
from tests.posted import date_boxes, month_boxes, typed_date

pytestmark = pytest.mark.django_db
THIS_MONTH = month_of(date.today())
JANUARY_2020 = month_boxes("period", date(2020, 1, 1))


@pytest.fixture
def indicators(plan):
    lee = get_user_model().objects.get(username="lee")
    icpcs = Indicator.objects.create(
        plan=plan, name="ICPCs in timescale", service_area="Safeguarding", polarity="higher",
        target=D(90), tolerance=D(5), owner=lee,
    )  # fmt: skip
    cancelled = Indicator.objects.create(
        plan=plan, name="Contact sessions cancelled for service reasons", service_area="Children in care",
        polarity="lower", target=D(0), tolerance=D(2),
    )  # fmt: skip
    record_value(icpcs, THIS_MONTH, D(86), Actor("setup"), "test")
    record_value(cancelled, THIS_MONTH, D(9), Actor("setup"), "test")
    return icpcs, cancelled


def test_the_scorecard_rates_each_indicator_against_its_target_by_service_area(signed_in, indicators) -> None:
    page = signed_in("vic").get("/plans/demo/scorecard/").content.decode()
    assert page.index("Children in care") < page.index("Safeguarding")
    assert "86%" in page and "90%" in page and "app-rag--A" in page  # 86 against 90, amber within 5
    assert "9%" in page and "app-rag--R" in page  # 9% cancelled against nil
    earlier = (
        signed_in("vic").get(f"/plans/demo/scorecard/?month={iso_month(date(2020, 1, 1))}").content.decode()
    )
    assert earlier.count('app-rag--none">No data</strong>') == 2  # its own state, never Green


def test_the_owner_enters_a_value_and_the_scorecard_shows_it(signed_in, indicators) -> None:
    icpcs, _ = indicators
    response = signed_in("lee").post(
        f"/plans/demo/scorecard/{icpcs.pk}/", {**month_boxes("period", THIS_MONTH), "value": "91"}
    )
    assert response.status_code == 302
    assert IndicatorValue.objects.get(indicator=icpcs, period=THIS_MONTH).value == D(91)
    page = signed_in("vic").get(f"/plans/demo/scorecard/{icpcs.pk}/").content.decode()
    assert f"{month_name(THIS_MONTH)}: 91% against a target of 90%" in page and "the trend is" in page


def test_only_the_owner_and_officers_enter_values(signed_in, indicators) -> None:
    icpcs, cancelled = indicators
    assert (
        signed_in("lara")
        .post(f"/plans/demo/scorecard/{icpcs.pk}/", {**JANUARY_2020, "value": "1"})
        .status_code
        == 403
    )
    assert (
        signed_in("lee")
        .post(f"/plans/demo/scorecard/{cancelled.pk}/", {**JANUARY_2020, "value": "1"})
        .status_code
        == 403
    )
    assert (
        signed_in("olivia")
        .post(f"/plans/demo/scorecard/{cancelled.pk}/", {**JANUARY_2020, "value": "1"})
        .status_code
        == 302
    )
    response = signed_in("olivia").post(
        f"/plans/demo/scorecard/{cancelled.pk}/", {**typed_date("period", "", "Jan", ""), "value": "lots"}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "The month the value is for must include a year" in text and "Enter the value as a number" in text


def test_an_officer_adds_an_indicator_and_it_is_audited(signed_in, plan) -> None:
    from oversight.audit.models import Change

    data = {
        "name": "Children in care over 4 attending their reviews",
        "service_area": "Children in care",
        "definition": "Reviews in the month the child attended or contributed to",
        "unit": "percentage",
        "polarity": "higher",
        "target": "70",
        "tolerance": "5",
        "frequency": "monthly",
    }
    response = signed_in("olivia").post("/plans/demo/scorecard/new/", data)
    indicator = Indicator.objects.get()
    assert response["Location"] == f"/plans/demo/scorecard/{indicator.pk}/"
    assert (indicator.target, indicator.tolerance, indicator.polarity) == (D(70), D(5), "higher")
    assert Change.objects.filter(field="indicator", actor="Olivia").exists()
    again = signed_in("olivia").post(
        "/plans/demo/scorecard/new/", {**data, "target": "seventy", "polarity": ""}
    )
    assert again.status_code == 400
    text = again.content.decode()
    assert "There is already an indicator with that name" in text  # every problem at once
    assert "Enter the target as a number" in text
    assert "Select whether higher or lower is better" in text
    assert signed_in("lee").post("/plans/demo/scorecard/new/", data).status_code == 403


def test_an_indicator_without_a_value_this_month_shows_no_data_not_no_status(signed_in, plan) -> None:
    Indicator.objects.create(
        plan=plan, name="Return interviews within 72 hours", service_area="Children in care",
        polarity="higher", target=D(80),
    )  # fmt: skip
    page = signed_in("vic").get("/plans/demo/scorecard/").content.decode()
    assert 'app-rag--none">No data</strong>' in page
    assert "No status" not in page


def test_a_scorecard_for_year_one_is_this_months_not_an_error(signed_in, plan) -> None:
    assert signed_in("vic").get("/plans/demo/scorecard/?month=0001-01").status_code == 200


def test_a_quarterly_value_is_on_the_scorecard_for_each_month_of_its_quarter(signed_in, plan) -> None:
    audits = Indicator.objects.create(
        plan=plan, name="Audits rated good or better", service_area="Quality", polarity="higher",
        target=D(75), frequency="quarterly",
    )  # fmt: skip
    record_value(audits, date(2018, 4, 1), D(80), Actor("Ana"), "website")
    for month in ("2018-04", "2018-05", "2018-06"):
        page = signed_in("vic").get(f"/plans/demo/scorecard/?month={month}").content.decode()
        assert "80%" in page and "app-rag--G" in page, month
    july = signed_in("vic").get("/plans/demo/scorecard/?month=2018-07").content.decode()
    assert 'app-rag--none">No data' in july


def test_the_months_to_choose_go_back_to_the_earliest_value(signed_in, plan) -> None:
    old = Indicator.objects.create(
        plan=plan, name="Re-referrals", service_area="Front door", polarity="lower"
    )
    record_value(old, date(2019, 3, 1), D(22), Actor("Ana"), "import: 2019.csv")
    page = signed_in("vic").get("/plans/demo/scorecard/").content.decode()
    assert '<option value="2019-03" selected>March 2019</option>' in page  # its only value
    assert '<option value="2019-02">' not in page
    later = signed_in("vic").get("/plans/demo/scorecard/?month=2099-01").content.decode()
    assert '<option value="2099-01" selected>January 2099</option>' in later


def test_the_scorecard_opens_on_the_latest_month_with_values_as_they_arrive_the_month_after(
    signed_in, plan
) -> None:
    visits = Indicator.objects.create(
        plan=plan, name="Child protection visits in time", service_area="Child protection",
        polarity="higher", target=D(95),
    )  # fmt: skip
    last_month = add_months(month_of(date.today()), -1)
    record_value(visits, last_month, D(97), Actor("Ana"), "website")
    page = signed_in("vic").get("/plans/demo/scorecard/").content.decode()
    assert f"Performance scorecard, {month_name(last_month)}" in page
    assert "97%" in page and "app-rag--G" in page
    this_month = signed_in("vic").get(f"/plans/demo/scorecard/?month={iso_month(month_of(date.today()))}")
    assert 'app-rag--none">No data' in this_month.content.decode()


def test_an_indicator_page_leads_with_its_latest_value_not_an_empty_this_month(signed_in, indicators) -> None:
    icpcs, _ = indicators
    last_month = add_months(THIS_MONTH, -1)
    IndicatorValue.objects.filter(indicator=icpcs).delete()
    record_value(icpcs, last_month, D(84), Actor("Ana"), "website")
    page = signed_in("vic").get(f"/plans/demo/scorecard/{icpcs.pk}/").content.decode()
    assert f"{month_name(last_month)}: 84% against a target of 90%" in page
    assert f'84% in {month_name(last_month)} <strong class="govuk-tag app-rag--R">Red</strong>' in page


def test_the_scorecard_leads_with_how_many_indicators_have_each_rating(signed_in, indicators) -> None:
    page = signed_in("bob").get(f"/plans/demo/scorecard/?month={iso_month(THIS_MONTH)}").content.decode()
    assert f"{month_name(THIS_MONTH)}: 2 indicators: 1 Amber, 1 Red." in page


def test_a_weekly_or_quarterly_value_entered_is_for_its_week_or_quarter(signed_in, plan) -> None:
    visits = Indicator.objects.create(
        plan=plan, name="Visits this week", service_area="Child protection", polarity="higher",
        frequency="weekly",
    )  # fmt: skip
    audits = Indicator.objects.create(
        plan=plan,
        name="Audits this quarter",
        service_area="Quality",
        polarity="higher",
        frequency="quarterly",
    )
    client = signed_in("olivia")
    page = client.get(f"/plans/demo/scorecard/{visits.pk}/").content.decode()
    assert "Week: any day in it" in page
    week_of_1_may = {**date_boxes("period", date(2018, 5, 1)), "value": "9"}
    week_of_31_may = {**date_boxes("period", date(2018, 5, 31)), "value": "7"}
    quarter_of_may = {**month_boxes("period", date(2018, 5, 1)), "value": "61"}
    assert client.post(f"/plans/demo/scorecard/{visits.pk}/", week_of_1_may).status_code == 302
    assert client.post(f"/plans/demo/scorecard/{visits.pk}/", week_of_31_may).status_code == 302
    assert client.post(f"/plans/demo/scorecard/{audits.pk}/", quarter_of_may).status_code == 302
    assert list(IndicatorValue.objects.filter(indicator=visits).values_list("period", "value")) == [
        (date(2018, 4, 30), D(9)),  # 1 May 2018 was a Tuesday: the week of Monday 30 April
        (date(2018, 5, 28), D(7)),
    ]
    assert IndicatorValue.objects.get(indicator=audits).period == date(2018, 4, 1)
    history = client.get(f"/plans/demo/scorecard/{visits.pk}/").content.decode()
    assert "Visits this week, week of 28 May 2018 to 7" in history
