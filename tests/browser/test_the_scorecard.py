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
