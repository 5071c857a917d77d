"""An indicator's details as its form gives them: checking them, reading them, and saying what changed.
Pure: the plan's people, Annex A measures, actions and recommendations come in as plain choices."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from decimal import Decimal, InvalidOperation

from oversight.lib.lengths import LONG_TEXT, limit_of, too_long
from oversight.performance.models import Indicator
from oversight.performance.scorecard import Polarity, Unit
from oversight.plans.action_ids import split_action_ids

NUMBERS = {
    "target": "the target",
    "tolerance": "the amber tolerance",
    "england": "England's figure",
    "statistical_neighbours": "the statistical neighbours' figure",
    "region": "the region's figure",
}
COMPARATORS = ("england", "statistical_neighbours", "region")
FIELDS = (
    "name",
    "service_area",
    "definition",
    "unit",
    "polarity",
    "target",
    "tolerance",
    "frequency",
    "owner",
    "source",
    "measure",
    "figure",
    "england",
    "statistical_neighbours",
    "region",
    "comparators_year",
    "actions",
    "recommendations",
)
DEFAULTS = {name: "" for name in FIELDS} | {
    "unit": Unit.PERCENTAGE.value,
    "frequency": Indicator.Frequency.MONTHLY.value,
    "source": Indicator.Source.ENTERED.value,
    "tolerance": "0",
}
LARGEST = Decimal(10) ** 10  # the model keeps 12 digits, 2 of them after the point
YEAR = re.compile(r"\d{4}(-\d{2})?")
# the audit log's words for each detail: "indicator: Re-referrals, amber tolerance"
AUDIT_NAMES = {
    "tolerance": "amber tolerance",
    "owner_id": "owner",
    "measure": "what it is computed from",
    "england": "England",
    "comparators_year": "comparators' year",
}


@dataclass(frozen=True)
class Choices:
    """What the plan offers: its people (user id as text: name), the Annex A measures (key: name),
    its action IDs, the numbers of its latest inspection's recommendations, and the names other
    indicators already have."""

    owners: dict[str, str]
    measures: dict[str, str]
    figures: dict[str, str] = field(default_factory=dict)  # case audits' and workforce's (key: name)
    action_ids: frozenset[str] = frozenset()
    recommendations: frozenset[int] = frozenset()
    taken_names: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Details:
    """An indicator's details, typed as the model keeps them; links as action IDs and numbers."""

    name: str
    service_area: str
    definition: str
    unit: str
    polarity: str
    target: Decimal | None
    tolerance: Decimal
    frequency: str
    owner_id: int | None
    source: str
    measure: str
    england: Decimal | None
    statistical_neighbours: Decimal | None
    region: Decimal | None
    comparators_year: str
    actions: tuple[str, ...] = ()
    recommendations: tuple[int, ...] = ()

    def model_fields(self) -> dict[str, object]:
        """Everything but the links, for Indicator(**...) or an update."""
        return {name: getattr(self, name) for name in DETAILS}


LINKS = ("actions", "recommendations")
DETAILS = tuple(f.name for f in fields(Details) if f.name not in LINKS)  # the model's own fields


def number(text: str) -> Decimal | None:
    """'86', '86.5%', ' 9 ' as a number; None for nothing, or for something that is not a number."""
    try:
        value = Decimal(text.strip().rstrip("%").strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() and abs(value) < LARGEST else None


def number_text(value: Decimal | None) -> str:
    """'90', '2.5', or '' for none, as the form and the audit log show a number."""
    if value is None:
        return ""
    return f"{value.normalize():f}" if value != value.to_integral() else f"{value.to_integral():f}"


def recommendation_numbers(text: str) -> tuple[int, ...] | None:
    """'3, 7 12' as (3, 7, 12); None when any part is not a whole number."""
    parts = split_action_ids(text)
    if not all(part.isdigit() for part in parts):
        return None
    return tuple(sorted({int(part) for part in parts}))


def problems(values: dict[str, str], choices: Choices) -> dict[str, str]:
    """What is wrong with the form's values, by field, in the form's order; empty when nothing is."""
    found: dict[str, str] = {}
    if not values["name"]:
        found["name"] = "Enter the indicator's name"
    elif len(values["name"]) > limit_of(Indicator, "name"):
        found["name"] = too_long("The name", limit_of(Indicator, "name"))
    elif values["name"] in choices.taken_names:
        found["name"] = "There is already an indicator with that name"
    if not values["service_area"]:
        found["service_area"] = "Enter the service area, for example Safeguarding"
    elif len(values["service_area"]) > limit_of(Indicator, "service_area"):
        found["service_area"] = too_long("The service area", limit_of(Indicator, "service_area"))
    if len(values["definition"]) > LONG_TEXT:
        found["definition"] = too_long("The definition", LONG_TEXT)
    if values["unit"] not in {u.value for u in Unit}:
        found["unit"] = "Select the unit"
    if values["polarity"] not in {p.value for p in Polarity}:
        found["polarity"] = "Select whether higher or lower is better"
    for name in ("target", "tolerance"):
        _check_number(values, name, found)
    if "tolerance" not in found and (number(values["tolerance"]) or 0) < 0:
        found["tolerance"] = "Enter an amber tolerance of 0 or more"
    if values["frequency"] not in Indicator.Frequency.values:
        found["frequency"] = "Select how often it is measured"
    if values["owner"] and values["owner"] not in choices.owners:
        found["owner"] = "Select the owner from the people in this plan"
    if values["source"] not in Indicator.Source.values:
        found["source"] = "Select where its values come from"
    elif values["source"] == Indicator.Source.ANNEX_A and values["measure"] not in choices.measures:
        found["measure"] = "Select the Annex A measure it is computed from"
    elif values["source"] == Indicator.Source.CASE_AUDITS:
        if values["figure"] not in choices.figures:
            found["figure"] = "Select the case audit or workforce figure it is computed from"
        if values["frequency"] == Indicator.Frequency.WEEKLY:
            found["frequency"] = (
                "Case audits and workforce returns are counted by month: select monthly or quarterly"
            )
    for name in COMPARATORS:
        _check_number(values, name, found)
    year = values["comparators_year"]
    if year and not YEAR.fullmatch(year):
        found["comparators_year"] = "Enter the comparators' year as 2022-23 or 2023"
    elif not year and any(values[name] for name in COMPARATORS):
        found["comparators_year"] = "Enter the year the comparators are for, for example 2022-23"
    missing = [a for a in split_action_ids(values["actions"]) if a not in choices.action_ids]
    if missing:
        found["actions"] = f"Not in this plan: {', '.join(missing)}. Enter action IDs such as 8.3.4, 8.3.5"
    _check_recommendations(values["recommendations"], choices, found)
    return found


def _check_number(values: dict[str, str], name: str, found: dict[str, str]) -> None:
    if values[name] and number(values[name]) is None:
        found[name] = f"Enter {NUMBERS[name]} as a number, for example 90"


def _check_recommendations(text: str, choices: Choices, found: dict[str, str]) -> None:
    wanted = recommendation_numbers(text)
    if wanted is None:
        found["recommendations"] = "Enter recommendation numbers, for example 3, 7"
    elif wanted and not choices.recommendations:
        found["recommendations"] = "This plan has no Ofsted recommendations yet: import them first"
    elif missing := [str(n) for n in wanted if n not in choices.recommendations]:
        found["recommendations"] = (
            f"The latest inspection has no recommendation {', '.join(missing)}."
            f" Its recommendations are numbered {min(choices.recommendations)} to"
            f" {max(choices.recommendations)}"
        )


def read(values: dict[str, str]) -> Details:
    """The details of a form without problems."""
    source = values["source"]
    return Details(
        name=values["name"],
        service_area=values["service_area"],
        definition=values["definition"],
        unit=values["unit"],
        polarity=values["polarity"],
        target=number(values["target"]),
        tolerance=number(values["tolerance"]) or Decimal(0),
        frequency=values["frequency"],
        owner_id=int(values["owner"]) if values["owner"] else None,
        source=source,
        measure=_computed_from(values),
        england=number(values["england"]),
        statistical_neighbours=number(values["statistical_neighbours"]),
        region=number(values["region"]),
        comparators_year=values["comparators_year"],
        actions=tuple(dict.fromkeys(split_action_ids(values["actions"]))),
        recommendations=recommendation_numbers(values["recommendations"]) or (),
    )


def _computed_from(values: dict[str, str]) -> str:
    """The Annex A measure, or the case audit or workforce figure, of a computed indicator; '' for any
    other."""
    if values["source"] == Indicator.Source.ANNEX_A:
        return values["measure"]
    if values["source"] == Indicator.Source.CASE_AUDITS:
        return values["figure"]
    return ""


def form_values(details: Details) -> dict[str, str]:
    """The form's values for an indicator's details, as they are before a change."""
    return {
        "name": details.name,
        "service_area": details.service_area,
        "definition": details.definition,
        "unit": details.unit,
        "polarity": details.polarity,
        "target": number_text(details.target),
        "tolerance": number_text(details.tolerance),
        "frequency": details.frequency,
        "owner": str(details.owner_id) if details.owner_id else "",
        "source": details.source,
        "measure": details.measure if details.source == Indicator.Source.ANNEX_A else "",
        "figure": details.measure if details.source == Indicator.Source.CASE_AUDITS else "",
        "england": number_text(details.england),
        "statistical_neighbours": number_text(details.statistical_neighbours),
        "region": number_text(details.region),
        "comparators_year": details.comparators_year,
        "actions": ", ".join(details.actions),
        "recommendations": ", ".join(str(n) for n in details.recommendations),
    }


def changes(before: Details, after: Details, names: dict[int, str]) -> list[tuple[str, str, str]]:
    """Each detail that differs, as the audit log words it: (what, old, new). `names` gives the
    people's names by user id; links are compared as sets, listed in the order given."""
    found = []
    for f in fields(Details):
        old, new = _text(f.name, getattr(before, f.name), names), _text(f.name, getattr(after, f.name), names)
        same = set(getattr(before, f.name)) == set(getattr(after, f.name)) if f.name in LINKS else old == new
        if not same:
            found.append((AUDIT_NAMES.get(f.name, f.name.replace("_", " ")), old, new))
    return found


LABELS: dict[str, dict[str, str]] = {
    "unit": {u.value: u.value.title() for u in Unit},
    "polarity": {Polarity.HIGHER.value: "Higher is better", Polarity.LOWER.value: "Lower is better"},
    "frequency": dict(Indicator.Frequency.choices),
    "source": dict(Indicator.Source.choices),
}


def _text(name: str, value: object, names: dict[int, str]) -> str:
    if name in NUMBERS:
        return number_text(value if isinstance(value, Decimal) else None)
    if name == "owner_id":
        return names.get(value, f"user {value}") if isinstance(value, int) else ""
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return LABELS.get(name, {}).get(str(value), str(value))
