"""An indicator's monthly value can carry its commentary, "the story behind the figure" as Telford's
paper asks: entered with the value or imported beside it, audited, and shown on the indicator page."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.performance.indicator_import import import_indicator_values
from oversight.performance.models import Indicator, IndicatorValue
from tests.parsed import visible_text
from tests.posted import date_boxes

pytestmark = pytest.mark.django_db
OCTOBER = date(2026, 10, 1)


@pytest.fixture
def indicator(plan) -> Indicator:
    return Indicator.objects.create(
        plan=plan, name="ICPCs in timescale", service_area="Safeguarding", polarity="higher", target=D(90)
    )


def test_a_value_entered_with_its_story_shows_it_and_the_audit_log_keeps_it(signed_in, indicator) -> None:
    client = signed_in("ana")
    url = f"/plans/demo/scorecard/{indicator.pk}/"
    boxes = {k: v for k, v in date_boxes("period", OCTOBER).items() if not k.endswith("day")}
    response = client.post(
        url, {**boxes, "value": "80", "commentary": "Two social workers left in September."}
    )
    assert response.status_code == 302
    assert (
        IndicatorValue.objects.get(indicator=indicator).commentary == "Two social workers left in September."
    )
    change = Change.objects.get(field__startswith="indicator commentary: ")
    assert (change.old_value, change.new_value) == ("", "Two social workers left in September.")
    assert "Two social workers left in September." in visible_text(
        client.get(url + "?months=36").content.decode()
    )


def test_a_value_file_may_carry_the_story_beside_each_value(indicator, write_csv) -> None:
    rows = [
        ["Indicator", "Period", "Value", "Story behind the figure"],
        ["ICPCs in timescale", "2026-10", "80", "Staff left."],
    ]
    import_indicator_values(write_csv("values.csv", rows), "demo", Actor("Ana"))
    assert IndicatorValue.objects.get(indicator=indicator).commentary == "Staff left."
    again = import_indicator_values(write_csv("again.csv", rows), "demo", Actor("Ana"))
    assert again.unchanged == 1
    without = [["Indicator", "Period", "Value"], ["ICPCs in timescale", "2026-10", "81"]]
    import_indicator_values(write_csv("without.csv", without), "demo", Actor("Ana"))
    kept = IndicatorValue.objects.get(indicator=indicator)
    assert (kept.value, kept.commentary) == (
        D(81),
        "Staff left.",
    )  # a file without the column changes no story
