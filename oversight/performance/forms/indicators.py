"""An indicator's details: adding one, or changing it. The checks are indicator_form.problems, a pure
function of the typed values and what the plan offers."""

from __future__ import annotations

from typing import Any

from oversight.govuk import forms as govuk
from oversight.performance.indicator_form import Choices, problems
from oversight.performance.models import Indicator
from oversight.performance.scorecard import Unit

NUMBER = {"inputmode": "decimal"}
NO_RECOMMENDATIONS_YET = (
    "None can be linked yet: import the inspection's recommendations on the Governance pages first"
)


def _text(label: str, **options: Any) -> govuk.TextField:
    return govuk.TextField(label=label, required=False, **options)


class IndicatorForm(govuk.GovUKForm):
    name = _text("Name")
    service_area = _text("Service area", widget=govuk.TextInput(width="20"))
    definition = _text(
        "Definition",
        help_text="What is counted, over what, and where the figures come from",
        widget=govuk.Textarea(rows=3),
    )
    unit = _text("Unit", widget=govuk.Select(choices=[(u.value, u.value.title()) for u in Unit]))
    polarity = _text(
        "Which is better?",
        widget=govuk.Radios(choices=[("higher", "Higher"), ("lower", "Lower")], small=True, inline=True),
    )
    target = _text(
        "Target",
        help_text="Leave empty if it has no target: it is then not rated",
        widget=govuk.TextInput(width="5", attrs=NUMBER),
    )
    tolerance = _text(
        "Amber tolerance",
        help_text="How far short of the target is still Amber, in the indicator's unit (percentage points"
        " for a percentage)",
        widget=govuk.TextInput(width="5", attrs=NUMBER),
    )
    frequency = _text("Frequency", widget=govuk.Select(choices=Indicator.Frequency.choices))
    owner = _text(
        "Owner",
        help_text="The person who answers for it and enters its values: anyone with a role in this plan",
        widget=govuk.Select(),
    )
    source = _text(
        "Where its values come from",
        widget=govuk.Radios(choices=Indicator.Source.choices, small=True),
    )
    measure = _text(
        "Annex A measure",
        help_text="For an indicator computed from Annex A: the measure its values are taken from",
        widget=govuk.Select(),
    )
    figure = _text(
        "Case audit or workforce figure",
        help_text="For an indicator computed from case audits or workforce returns: the figure its values "
        "come from",
        widget=govuk.Select(),
    )
    england = _text("England", widget=govuk.TextInput(width="5", attrs=NUMBER))
    statistical_neighbours = _text("Statistical neighbours", widget=govuk.TextInput(width="5", attrs=NUMBER))
    region = _text("Region", widget=govuk.TextInput(width="5", attrs=NUMBER))
    comparators_year = _text("Year", help_text="For example 2022-23", widget=govuk.TextInput(width="10"))
    actions = _text(
        "Plan actions", help_text="Action IDs separated by commas or spaces, for example 8.3.4, 8.3.5"
    )
    recommendations = _text(
        "Ofsted recommendations",
        help_text="Numbers of the latest inspection's recommendations, for example 3, 7",
        widget=govuk.TextInput(width="20"),
    )

    def __init__(self, *args: Any, choices: Choices, people: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices = choices
        self.fields["owner"].widget.choices = [("", "No owner"), *people]
        self.fields["measure"].widget.choices = [
            ("", "None"),
            *sorted(choices.measures.items(), key=lambda item: item[1]),
        ]
        self.fields["figure"].widget.choices = [("", "None"), *choices.figures.items()]
        if not choices.recommendations:
            self.fields["recommendations"].help_text = NO_RECOMMENDATIONS_YET

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        values = {name: data.get(name, "") for name in self.fields}
        for name, message in problems(values, self.choices).items():
            self.add_error(name, message)
        return data
