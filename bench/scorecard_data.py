"""Benchmark data for the scorecard: indicators in service areas with months of values, bulk inserted."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.months import add_months
from oversight.performance.models import Indicator, IndicatorValue
from oversight.plans import revisions
from oversight.plans.models import Plan

SEED = 20261124
ACTOR = Actor("Performance team")
LOCALITIES = ("North", "South", "East", "West", "Central")


@dataclass(frozen=True)
class Measure:
    name: str
    unit: str  # oversight.performance.scorecard.Unit
    polarity: str  # "higher" or "lower" is better
    target: float | None
    tolerance: float
    low: float  # the range its values move in
    high: float
    places: int  # decimal places of its values
    quarterly: bool = False


# Eight service areas of five measures each, as the seed councils' scorecards have them.
AREAS: dict[str, tuple[Measure, ...]] = {
    "Early help": (
        Measure("Early help assessments completed within 45 days", "percentage", "higher", 85, 5, 55, 98, 1),
        Measure("Families stepped down from social care to early help", "number", "higher", 40, 8, 10, 80, 0),
        Measure("Early help cases closed with outcomes achieved", "percentage", "higher", 75, 5, 50, 95, 1),
        Measure("Average length of an early help episode", "days", "lower", 180, 20, 120, 260, 0),
        Measure("Re-referrals to early help within 12 months", "percentage", "lower", 15, 3, 5, 30, 1),
    ),
    "Front door": (
        Measure("Contacts with a decision within 24 hours", "percentage", "higher", 95, 3, 70, 100, 1),
        Measure("Contacts that became referrals", "percentage", "higher", 30, 5, 15, 45, 1),
        Measure("Re-referrals within 12 months", "percentage", "lower", 22, 3, 12, 32, 1),
        Measure("Strategy discussions held within 1 working day", "percentage", "higher", 90, 5, 60, 100, 1),
        Measure("Referrals received", "number", "lower", None, 0, 150, 450, 0),
    ),
    "Assessment": (
        Measure("Assessments completed within 45 working days", "percentage", "higher", 90, 5, 60, 99, 1),
        Measure("Average days to complete an assessment", "days", "lower", 35, 5, 20, 60, 1),
        Measure("Assessments with the child seen", "percentage", "higher", 98, 2, 85, 100, 1),
        Measure("Assessments ending in no further action", "percentage", "lower", 35, 5, 20, 55, 1),
        Measure("Section 47 enquiries started", "number", "lower", None, 0, 30, 140, 0),
    ),
    "Child protection": (
        Measure("ICPCs within 15 working days", "percentage", "higher", 90, 5, 50, 100, 1),
        Measure("Child protection visits within 10 working days", "percentage", "higher", 95, 5, 60, 100, 1),
        Measure("Child protection plans lasting 2 years or more", "percentage", "lower", 3, 1, 0, 8, 1),
        Measure("Repeat child protection plans", "percentage", "lower", 18, 3, 8, 30, 1),
        Measure("Child protection reviews in time", "percentage", "higher", 95, 5, 70, 100, 1),
    ),
    "Children in care": (
        Measure("Children in care with 3 or more placements", "percentage", "lower", 10, 2, 4, 18, 1),
        Measure("Statutory reviews held in time", "percentage", "higher", 95, 5, 70, 100, 1),
        Measure("Children over 4 who attended their reviews", "percentage", "higher", 70, 10, 35, 90, 1),
        Measure("Contact sessions cancelled for service reasons", "percentage", "lower", 0, 2, 0, 15, 1),
        Measure("Return interviews offered within 72 hours", "percentage", "higher", 80, 10, 40, 98, 1),
    ),
    "Care leavers": (
        Measure("Care leavers in suitable accommodation", "percentage", "higher", 90, 5, 70, 100, 1),
        Measure(
            "Care leavers in education, employment or training", "percentage", "higher", 60, 5, 35, 75, 1
        ),
        Measure("Care leavers with an up-to-date pathway plan", "percentage", "higher", 95, 5, 60, 100, 1),
        Measure("Care leavers the service is in touch with", "percentage", "higher", 95, 3, 80, 100, 1),
        Measure("Care leavers aged 19 to 21 at university", "number", "higher", 12, 2, 3, 20, 0, True),
    ),
    "Workforce": (
        Measure("Social workers per team manager", "ratio", "lower", 6, 1, 4, 10, 1),
        Measure("Agency social workers", "percentage", "lower", 15, 5, 5, 40, 1),
        Measure("Social worker vacancies", "percentage", "lower", 10, 3, 2, 25, 1),
        Measure("Average caseload of a social worker", "number", "lower", 18, 2, 12, 28, 1),
        Measure("Supervision held within 4 weeks", "percentage", "higher", 90, 5, 55, 100, 1),
    ),
    "Quality assurance": (
        Measure("Case audits graded good or better", "percentage", "higher", 60, 10, 20, 75, 1),
        Measure("Case audits completed", "number", "higher", 40, 5, 15, 60, 0),
        Measure("Audit actions completed in time", "percentage", "higher", 85, 10, 40, 100, 1),
        Measure("Complaints responded to within 10 working days", "percentage", "higher", 90, 10, 50, 100, 1),
        Measure("Children's views recorded in plans", "percentage", "higher", 90, 5, 50, 100, 1, True),
    ),
}


@dataclass(frozen=True)
class ScorecardData:
    indicator_ids: list[int]
    values: int  # value rows, "no data" ones among them
    no_data: int  # values recorded as "no data"
    missing: int  # months without a row, quarterly indicators' off months apart


def add_scorecard(
    plan: Plan, owners: list[Any], count: int, months: int, end: date, seed: int = SEED
) -> ScorecardData:
    """`count` indicators (each area's five measures in each locality, cycled), with values for the
    `months` months up to `end`, and an audit record for each value as `record_value` writes it.

    The mix: a tenth start later (6 to 24 months of values), about 3% of months are missing and 1%
    are recorded as "no data", quarterly measures have a value in the first month of each quarter;
    values wander around their target; a third have an owner, a half comparators, a quarter are
    linked to one to three of the plan's actions."""
    rng = random.Random(seed)
    measures = [(area, measure) for area, found in AREAS.items() for measure in found]
    indicators, chosen = [], []
    for n in range(count):
        area, m = measures[n % len(measures)]
        locality = LOCALITIES[n // len(measures) % len(LOCALITIES)]
        round_ = n // (len(measures) * len(LOCALITIES))
        name = f"{m.name}, {locality}" + (f" ({round_ + 1})" if round_ else "")
        comparators = rng.random() < 0.5
        chosen.append(m)
        indicators.append(
            Indicator(
                plan=plan,
                name=name,
                definition=f"{m.name} in the {locality} locality, as reported to the performance board.",
                service_area=area,
                unit=m.unit,
                polarity=m.polarity,
                target=None if m.target is None else Decimal(str(m.target)),
                tolerance=Decimal(str(m.tolerance)),
                frequency="quarterly" if m.quarterly else "monthly",
                owner=rng.choice(owners) if rng.random() < 1 / 3 else None,
                source="imported" if rng.random() < 0.7 else "entered",
                england=_value(rng, m) if comparators else None,
                statistical_neighbours=_value(rng, m) if comparators else None,
                region=_value(rng, m) if comparators else None,
                comparators_year="2024-25" if comparators else "",
            )
        )
    created = Indicator.objects.bulk_create(indicators)
    by_name = dict(Indicator.objects.filter(plan=plan).values_list("name", "pk"))
    ids = [by_name[i.name] for i in created]
    links = Indicator.actions.through
    action_ids = list(plan.actions.values_list("pk", flat=True))
    links.objects.bulk_create(
        links(indicator_id=pk, action_id=action)
        for pk in ids
        if action_ids and rng.random() < 0.25
        for action in rng.sample(action_ids, min(len(action_ids), rng.randint(1, 3)))
    )
    values, changes, no_data, missing = [], [], 0, 0
    for indicator, m, pk in zip(indicators, chosen, ids, strict=True):
        length = min(months, rng.randint(6, 24)) if rng.random() < 0.1 else months
        level = rng.uniform(m.low, m.high)
        for back in range(length - 1, -1, -1):
            period = add_months(end, -back)
            if m.quarterly and period.month % 3 != 1:
                continue
            level = min(m.high, max(m.low, level + rng.gauss(0, (m.high - m.low) / 12)))
            if rng.random() < 0.03:
                missing += 1
                continue
            value = None if rng.random() < 0.01 else round(Decimal(str(level)), m.places)
            no_data += value is None
            values.append(IndicatorValue(indicator_id=pk, period=period, value=value, actor=ACTOR.name))
            changes.append(
                trail.change(
                    plan.pk,
                    ACTOR,
                    "benchmark",
                    Change.Kind.ADDED,
                    f"indicator value: {indicator.name[:250]}, {period:%B %Y}",
                    "",
                    "" if value is None else f"{value.normalize():f}",
                    indicator_id=pk,
                )
            )
    IndicatorValue.objects.bulk_create(values, batch_size=2000)
    Change.objects.bulk_create(changes, batch_size=2000)
    revisions.plan_changed(plan.pk)
    return ScorecardData(ids, len(values), no_data, missing)


def _value(rng: random.Random, m: Measure) -> Decimal:
    return round(Decimal(str(rng.uniform(m.low, m.high))), m.places)
