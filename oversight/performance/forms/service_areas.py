"""Choosing a manager for a service area of the scorecard."""

from __future__ import annotations

from typing import Any

from django import forms

from oversight.govuk import forms as govuk


class ManagerForm(govuk.GovUKForm):
    service_area = forms.ChoiceField(
        label="Service area",
        error_messages=dict.fromkeys(
            ("required", "invalid_choice"), "Select a service area of the plan's indicators"
        ),
        widget=govuk.Select(),
    )
    person = forms.ChoiceField(
        label="Manager",
        help_text="Someone with a role in this plan (add people on the People page)",
        error_messages=dict.fromkeys(
            ("required", "invalid_choice"), "Select a person with a role in this plan"
        ),
        widget=govuk.Select(),
    )

    def __init__(
        self, *args: Any, areas: list[str], people: list[tuple[str, str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service_area"].choices = [  # type: ignore[attr-defined]
            ("", "Choose a service area"),
            *((area, area) for area in areas),
        ]
        self.fields["person"].choices = [  # type: ignore[attr-defined]
            ("", "Choose a person"),
            *((pk, f"{name} ({email})" if email else name) for pk, name, email in people),
        ]
