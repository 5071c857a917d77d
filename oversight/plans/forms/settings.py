"""The plan's settings: the council's own rules, each a box to tick."""

from __future__ import annotations

from typing import Any

from django import forms

from oversight.govuk import forms as govuk
from oversight.plans.plan_settings import SETTINGS


class PlanSettingsForm(govuk.GovUKForm):
    setting = forms.MultipleChoiceField(
        label="Rules for this plan",
        required=False,
        choices=[(name, label) for name, (label, _) in SETTINGS.items()],
        widget=govuk.Checkboxes(label_size="m", hints={name: hint for name, (_, hint) in SETTINGS.items()}),
    )

    def __init__(self, *args: Any, plan: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"setting": [name for name in SETTINGS if getattr(plan, name)]})
        super().__init__(*args, **kwargs)

    def wanted(self) -> dict[str, bool]:
        chosen = set(self.cleaned_data["setting"])
        return {name: name in chosen for name in SETTINGS}
