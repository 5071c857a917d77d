"""An indicator's owner enters a value; the scorecard and the indicator's chart show it with its RAG."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from oversight.lib.months import iso_month, month_of
from oversight.performance.models import Indicator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_owner_enters_a_value_and_the_scorecard_rates_it(sign_in, visit, submit, django_user_model):
    from oversight.plans.models import Plan

    indicator = Indicator.objects.create(
        plan=Plan.objects.get(slug="demo"),
        name="ICPCs in timescale",
        service_area="Safeguarding",
        polarity="higher",
        target=Decimal(90),
        tolerance=Decimal(5),
        owner=django_user_model.objects.get(username="lee"),
    )
    lee = sign_in("lee")
    visit(lee, f"/plans/demo/scorecard/{indicator.pk}/")
    lee.get_by_label("Value").fill("many")
    submit(lee, "Save the value", status=400)
    lee.get_by_label("Month (YYYY-MM)").fill(iso_month(month_of(date.today())))
    lee.get_by_label("Value").fill("86")
    submit(lee, "Save the value")  # the indicator's page: its chart's table and summary
    assert "This month 86% against a target of 90%" in lee.locator("main").inner_text()
    visit(lee, "/plans/demo/scorecard/")
    row = lee.locator("tr", has_text="ICPCs in timescale")
    assert "86%" in row.inner_text() and "Amber" in row.inner_text()


def test_an_officer_adds_an_indicator(sign_in, visit, submit):
    olivia = sign_in("olivia")
    visit(olivia, "/plans/demo/scorecard/new/")
    submit(olivia, "Add the indicator", status=400)
    olivia.get_by_label("Name").fill("Re-referrals within 12 months")
    olivia.get_by_label("Service area").fill("Front door")
    olivia.get_by_label("Lower").check()
    olivia.get_by_label("Target").fill("20")
    olivia.get_by_label("Amber tolerance").fill("3")
    submit(olivia, "Add the indicator")  # the indicator's page, with no data yet
    assert "No value has been recorded for this month" in olivia.locator("main").inner_text()
