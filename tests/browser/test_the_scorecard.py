"""An indicator's owner enters a value; the scorecard and the indicator's chart show it with its RAG."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from oversight.lib.months import month_name, month_of
from oversight.performance.models import Indicator
from tests.browser.conftest import fill_date

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
    fill_date(lee, "Month", month_of(date.today()), ("month", "year"))
    lee.get_by_label("Value").fill("86")
    submit(lee, "Save the value")  # the indicator's page: its chart's table and summary
    this_month = month_name(month_of(date.today()))
    assert f"{this_month}: 86% against a target of 90%" in lee.locator("main").inner_text()
    assert f"86% in {this_month} Amber" in lee.locator("main").inner_text()
    assert lee.locator("svg.app-chart circle.app-chart__point--A").count() == 1  # the chart's point
    visit(lee, "/plans/demo/scorecard/")
    row = lee.locator("tr", has_text="ICPCs in timescale")
    assert "86%" in row.inner_text() and "Amber" in row.inner_text()


def test_an_officer_adds_an_indicator(sign_in, visit, submit):
    olivia = sign_in("olivia")
    visit(olivia, "/plans/demo/scorecard/new/")
    submit(olivia, "Add the indicator", status=400)
    olivia.get_by_label("Name").fill("Re-referrals within 12 months")
    olivia.get_by_label("Service area", exact=True).fill("Front door")
    olivia.get_by_label("Lower").check()
    olivia.get_by_label("Target").fill("20")
    olivia.get_by_label("Amber tolerance").fill("3")
    submit(olivia, "Add the indicator")  # the indicator's page, with no data yet
    assert "No value has been recorded in the last 12 months" in olivia.locator("main").inner_text()


def test_an_officer_changes_an_indicator_and_links_it_to_an_action(sign_in, visit, submit, follow):
    from oversight.audit.actors import Actor
    from oversight.performance.values import record_value
    from oversight.plans.models import Plan

    indicator = Indicator.objects.create(
        plan=Plan.objects.get(slug="demo"),
        name="Return interviews within 72 hours",
        service_area="Children in care",
        polarity="higher",
        target=Decimal(75),
    )
    this_month = month_of(date.today())
    record_value(indicator, this_month, Decimal(64), Actor("Ana"), "test")
    olivia = sign_in("olivia")
    visit(olivia, f"/plans/demo/scorecard/{indicator.pk}/")
    follow(olivia, "Change the indicator's details and links")
    olivia.get_by_label("Target").fill("eighty")
    olivia.get_by_label("Plan actions").fill("2.1, 9.9")
    submit(olivia, "Save the changes", status=400)
    summary = olivia.locator(".govuk-error-summary").inner_text()
    assert "Enter the target as a number" in summary and "Not in this plan: 9.9" in summary
    olivia.get_by_label("Target").fill("80")
    olivia.get_by_label("Plan actions").fill("2.1")
    olivia.get_by_label("Owner").select_option(label="Lara (Action lead)")
    olivia.get_by_label("Computed from Annex A").check()
    olivia.get_by_label("Annex A measure").select_option("cp_visits")
    olivia.get_by_label("England").fill("82")
    olivia.get_by_label("Year").fill("2022-23")
    submit(olivia, "Save the changes")  # the indicator's page, with its chart against the target
    main = olivia.locator("main").inner_text()
    assert (
        f"{month_name(month_of(date.today()))}: 64% against a target of 80%" in main
        and "England 2022-23: 82%" in main
    )
    assert olivia.locator("svg.app-chart circle.app-chart__point--R").count() == 1
    visit(olivia, f"/plans/demo/scorecard/{indicator.pk}/?months=36")
    follow(olivia, "2.1")  # the linked action's page shows the indicator beside its activity
    row = olivia.locator("tr", has_text="Return interviews within 72 hours")
    assert "64%" in row.inner_text() and "Red" in row.inner_text()
