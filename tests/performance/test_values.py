"""An indicator's values keep their history: who, when, the old and the new value."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from oversight.performance.models import Indicator, IndicatorValue
from oversight.performance.values import record_value
from oversight.plans.models import Change
from oversight.plans.plan_import import Actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def icpcs(plan) -> Indicator:
    return Indicator.objects.create(
        plan=plan,
        name="ICPCs in timescale",
        service_area="Safeguarding",
        polarity="higher",
        target=D(90),
        tolerance=D(5),
    )


def test_a_value_is_recorded_then_changed_with_its_history(icpcs) -> None:
    january = date(2018, 1, 1)
    assert record_value(icpcs, january, D(84), Actor("Olivia"), "website")
    assert record_value(icpcs, january, D("86.5"), Actor("Olivia"), "website")
    assert not record_value(icpcs, january, D("86.5"), Actor("Olivia"), "website")  # no change
    assert IndicatorValue.objects.get(indicator=icpcs, period=january).value == D("86.5")
    history = [
        (c.kind, c.old_value, c.new_value, c.actor)
        for c in Change.objects.filter(field="indicator value: ICPCs in timescale, January 2018").order_by(
            "id"
        )
    ]
    assert history == [("added", "", "84", "Olivia"), ("changed", "84", "86.5", "Olivia")]


def test_a_value_can_be_withdrawn_to_no_data(icpcs) -> None:
    record_value(icpcs, date(2018, 2, 1), D(91), Actor("Olivia"), "website")
    record_value(icpcs, date(2018, 2, 1), None, Actor("Olivia"), "website")
    assert IndicatorValue.objects.get(indicator=icpcs, period=date(2018, 2, 1)).value is None
    assert Change.objects.filter(old_value="91", new_value="").exists()


def test_a_long_indicator_name_fits_the_audit_log(plan) -> None:
    long = Indicator.objects.create(
        plan=plan,
        name="Contact sessions cancelled for service reasons " * 3,
        service_area="CIC",
        polarity="lower",
    )
    record_value(long, date(2018, 1, 1), D(9), Actor("Olivia"), "website")
    assert Change.objects.get(field__startswith="indicator value: Contact").new_value == "9"
