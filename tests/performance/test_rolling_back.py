"""Importing indicators and their values is all or nothing: a save that fails part of the way through
(the database refuses its second write, then its third, and so on) leaves every table and the plan's
revision exactly as they were."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from oversight.audit.actors import Actor
from oversight.governance.models import Inspection, Recommendation
from oversight.performance.indicator_import import import_indicator_values, import_indicators
from oversight.performance.models import Indicator, IndicatorValue
from oversight.plans.models import Plan
from tests.failures import fail_at_each_write_in_turn
from tests.performance.test_indicator_import import CANCELLED, HEADER, ICPCS

pytestmark = pytest.mark.django_db

OLIVIA = Actor("Olivia")


@pytest.fixture
def indicators(plan, write_csv) -> tuple[Indicator, Indicator]:
    import_indicators(write_csv("indicators.csv", [HEADER, ICPCS, CANCELLED]), "demo", OLIVIA)
    return Indicator.objects.get(name=ICPCS[0]), Indicator.objects.get(name=CANCELLED[0])


def test_an_indicators_import_that_fails_part_way_changes_nothing(plan, indicators, write_csv) -> None:
    inspection = Inspection.objects.create(plan=plan, published=date(2016, 8, 26))
    Recommendation.objects.create(inspection=inspection, number=1, text="Return interviews for every child.")
    revision = Plan.objects.get(pk=plan.pk).revision
    file = write_csv(
        "indicators-v2.csv",
        [
            ["Indicator", "Service area", "Target", "Polarity", "Actions", "Recommendations"],
            ["ICPCs within 15 working days", "Child protection", "92", "Higher is better", "1.1", ""],
            [
                "Return interviews within 72 hours",
                "Children in care",
                "80",
                "Higher is better",
                "2.1; 2.2",
                "1",
            ],
        ],
    )

    writes = fail_at_each_write_in_turn(lambda: import_indicators(file, "demo", OLIVIA))

    assert writes > 4  # a new indicator, a changed one, their links, their changes, the plan's revision
    assert Indicator.objects.get(name="ICPCs within 15 working days").target == D(92)
    added = Indicator.objects.get(name="Return interviews within 72 hours")
    assert sorted(added.actions.values_list("action_id", flat=True)) == ["2.1", "2.2"]
    assert list(added.recommendations.values_list("number", flat=True)) == [1]
    assert Plan.objects.get(pk=plan.pk).revision == revision + 1


def test_a_values_import_that_fails_part_way_changes_nothing(plan, indicators, write_csv) -> None:
    icpcs, cancelled = indicators
    first = [["Indicator", "Month", "Value"], ["ICPCs within 15 working days", "2026-09", "84"]]
    import_indicator_values(write_csv("september.csv", first), "demo", OLIVIA)
    revision = Plan.objects.get(pk=plan.pk).revision
    rows = [
        ["Indicator", "Month", "Value"],
        ["ICPCs within 15 working days", "2026-09", "85"],  # corrected
        ["ICPCs within 15 working days", "2026-10", "86"],
        ["Contact sessions cancelled for service reasons", "2026-10", "9.25"],
    ]
    file = write_csv("october.csv", rows)

    writes = fail_at_each_write_in_turn(lambda: import_indicator_values(file, "demo", OLIVIA))

    assert writes >= 4  # new values, the corrected value, their changes, the plan's revision
    assert dict(IndicatorValue.objects.filter(indicator=icpcs).values_list("period", "value")) == {
        date(2026, 9, 1): D(85),
        date(2026, 10, 1): D(86),
    }
    assert IndicatorValue.objects.get(indicator=cancelled).value == D("9.25")
    assert Plan.objects.get(pk=plan.pk).revision == revision + 1
