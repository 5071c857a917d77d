"""The scorecard's pages and downloads make as many database queries for 60 indicators with 36 months
of values as for 3 indicators with 2."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from django.contrib.auth import get_user_model

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.months import add_months, iso_month, month_of
from oversight.performance.models import Indicator, IndicatorValue
from oversight.performance.versions import indicators_changed
from oversight.plans.models import Action, Plan
from tests.plans.views.test_query_counts import queries

pytestmark = pytest.mark.django_db

THIS_MONTH = month_of(date.today())
PAST_MONTH = add_months(THIS_MONTH, -1)
UNITS = ["percentage", "number", "days", "ratio"]
AREAS = ["Early help", "Front door", "Safeguarding", "Children in care", "Care leavers"]
PAGES = [
    "/plans/demo/scorecard/",
    f"/plans/demo/scorecard/?month={iso_month(PAST_MONTH)}",
    "/plans/demo/scorecard/{first}/",
    f"/plans/demo/scorecard/{iso_month(THIS_MONTH)}.docx",
    f"/plans/demo/scorecard/{iso_month(PAST_MONTH)}.xlsx",
]


def scorecard(plan: Plan, indicators: int, months: int) -> None:
    """Tops the plan up to `indicators` indicators (an owner, links to every action, a mix of units,
    polarities and service areas, some without a target), each with values and their audit records
    for the `months` months up to this one, every seventh missing and every eleventh 'no data'."""
    lee = get_user_model().objects.get(username="lee")
    have = Indicator.objects.filter(plan=plan).count()
    Indicator.objects.bulk_create(
        Indicator(
            plan=plan,
            name=f"Indicator {n}",
            service_area=AREAS[n % len(AREAS)],
            unit=UNITS[n % len(UNITS)],
            polarity="higher" if n % 3 else "lower",
            target=None if n % 10 == 9 else D(50 + n % 40),
            tolerance=D(5),
            owner=lee,
        )
        for n in range(have, indicators)
    )
    actions = list(Action.objects.filter(plan=plan))
    values, changes = [], []
    for indicator in Indicator.objects.filter(plan=plan):
        if len(actions) != indicator.actions.count():
            indicator.actions.set(actions)
        n = int(indicator.name.split()[-1])
        known = set(indicator.values.values_list("period", flat=True))
        for back in range(months):
            period = add_months(THIS_MONTH, -back)
            if period in known or (n + back) % 7 == 6:
                continue
            value = None if (n + back) % 11 == 10 else D(40 + (n * 7 + back * 3) % 60) / 2
            values.append(IndicatorValue(indicator=indicator, period=period, value=value, actor="Ana"))
            field = f"indicator value: {indicator.name}, {period:%B %Y}"
            changes.append(
                trail.change(
                    plan.pk,
                    Actor("Ana"),
                    "test",
                    "added",
                    field,
                    "",
                    str(value or ""),
                    indicator_id=indicator.pk,
                )
            )
    IndicatorValue.objects.bulk_create(values)
    Change.objects.bulk_create(changes)
    indicators_changed(plan.pk)


@pytest.mark.parametrize("url", PAGES)
def test_the_scorecard_makes_as_many_queries_for_60_indicators_over_36_months_as_for_3_over_2(
    signed_in, plan, url: str
) -> None:
    scorecard(plan, indicators=3, months=2)
    url = url.format(first=Indicator.objects.get(name="Indicator 0").pk)
    client = signed_in("olivia")
    small = (queries(client, url, cold=True), queries(client, url, cold=False))
    scorecard(plan, indicators=60, months=36)
    assert IndicatorValue.objects.count() > 1500  # the larger scorecard is there
    large = (queries(client, url, cold=True), queries(client, url, cold=False))
    assert large == small


def test_the_growth_shows_on_the_pages(signed_in, plan) -> None:
    """The pages counted above show what was added: every indicator, and a year of sparklines."""
    scorecard(plan, indicators=60, months=36)
    page = signed_in("olivia").get("/plans/demo/scorecard/").content.decode()
    assert page.count('<th scope="row"') == 60 and page.count("<polyline") > 50
    first = Indicator.objects.get(name="Indicator 0")
    page = signed_in("olivia").get(f"/plans/demo/scorecard/{first.pk}/").content.decode()
    assert page.count("<li>") >= 12  # changes to its values
