"""The plan's settings: the council's own rules, each a box to tick."""

from __future__ import annotations

from typing import Any

from django import forms

from oversight.govuk import forms as govuk
from oversight.plans import paper_appendices
from oversight.plans.plan_settings import DAYS, SETTINGS


class PlanSettingsForm(govuk.GovUKForm):
    setting = forms.MultipleChoiceField(
        label="Rules for this plan",
        required=False,
        choices=[(name, label) for name, (label, _) in SETTINGS.items()],
        widget=govuk.Checkboxes(label_size="m", hints={name: hint for name, (_, hint) in SETTINGS.items()}),
    )

    appendices = forms.MultipleChoiceField(
        label="Appendices of the board's papers",
        help_text="After the exception report's and the committee progress report's own appendix, so that "
        "the monthly paper to the board is one document",
        required=False,
        error_messages={"invalid_choice": "Select the appendices from the list"},
        widget=govuk.Checkboxes(label_size="m"),
    )

    def __init__(self, *args: Any, plan: Any, **kwargs: Any) -> None:
        initial = {
            "setting": [name for name in SETTINGS if getattr(plan, name)],
            "appendices": plan.appendices,
        }
        kwargs.setdefault("initial", initial | {name: getattr(plan, name) for name in DAYS})
        super().__init__(*args, **kwargs)
        offers = paper_appendices.offered()
        self.fields["appendices"].choices = [(o.key, o.label) for o in offers]  # type: ignore[attr-defined]
        self.fields["appendices"].widget.hints = {o.key: o.hint for o in offers}
        for name, (label, hint, least, most) in DAYS.items():
            self.fields[name] = forms.IntegerField(
                label=label,
                help_text=hint,
                min_value=least,
                max_value=most,
                widget=govuk.TextInput(width="2", attrs={"inputmode": "numeric"}),
                error_messages={
                    "required": f"Enter the {label[0].lower()}{label[1:]}",
                    "invalid": f"Enter the {label[0].lower()}{label[1:]} as a whole number",
                    "min_value": f"Enter a number from {least} to {most}",
                    "max_value": f"Enter a number from {least} to {most}",
                },
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, returns = data.get("reminder_day"), data.get("return_day")
        if first is not None and returns is not None and first >= returns:
            self.add_error("reminder_day", "The first reminder must come before the day updates are due")
        return data

    def wanted(self) -> dict[str, bool | int | list[str]]:
        chosen = set(self.cleaned_data["setting"])
        return (
            {name: name in chosen for name in SETTINGS}
            | {name: self.cleaned_data[name] for name in DAYS}
            | {
                "appendices": [
                    o.key for o in paper_appendices.offered() if o.key in self.cleaned_data["appendices"]
                ]
            }
        )
