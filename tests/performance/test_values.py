"""An indicator's values keep their history: who, when, the old and the new value."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.performance.models import Indicator, IndicatorValue
from oversight.performance.values import record_value, record_values

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


def _queries_to_record(values, actor) -> int:
    with CaptureQueriesContext(connection) as queries:
        record_values(values, actor, "import: values.csv")
    return len(queries)


def test_many_values_are_recorded_in_bulk_each_with_its_history(plan) -> None:
    actor = Actor("Ana", None)
    indicators = [
        Indicator.objects.create(
            plan=plan, name=f"Indicator {n}", service_area="Safeguarding", polarity="higher"
        )
        for n in range(20)
    ]
    months = [date(2017, m, 1) for m in range(1, 13)]
    few = _queries_to_record([(indicators[0], date(2016, 1, 1), D(1))], actor)
    values = [(i, m, D(n)) for n, i in enumerate(indicators) for m in months]
    many = _queries_to_record(values, actor)
    # not a query a value: SQLite's 999-parameter limit splits the inserts into batches of rows
    assert many <= few + len(values) // 50
    assert IndicatorValue.objects.filter(indicator__plan=plan).count() == 241
    again = record_values(
        [(i, m, D(n + 1) if m.month == 1 else D(n)) for n, i in enumerate(indicators) for m in months],
        actor,
        "x",
    )
    assert (again.added, again.changed, again.unchanged) == (0, 20, 220)
    history = Change.objects.filter(field="indicator value: Indicator 3, January 2017").order_by("id")
    assert [(c.old_value, c.new_value) for c in history] == [("", "3"), ("3", "4")]
