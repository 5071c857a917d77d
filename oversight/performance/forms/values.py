"""Entering an indicator's value for a week, month or quarter."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from oversight.govuk import forms as govuk
from oversight.govuk.date_fields import DateField, MonthField
from oversight.lib.lengths import LONG_TEXT
from oversight.performance.indicator_form import number

# what a period is typed as, by the indicator's frequency: (label, hint, what it is in messages)
PERIODS = {
    "weekly": ("Week: any day in it", "For example 15 1 2018", "A day in the week the value is for"),
    "quarterly": (
        "Quarter: any month in it",
        "For example 1 2018",
        "A month in the quarter the value is for",
    ),
}
MONTH = ("Month", "For example 1 2018", "The month the value is for")


class IndicatorValueForm(govuk.GovUKForm):
    value = govuk.TextField(
        label="Value",
        help_text="Leave empty to record that there is no data for the period",
        required=False,
        max_length=40,
        widget=govuk.TextInput(width="10", attrs={"inputmode": "decimal"}),
    )
    commentary = govuk.TextField(
        label="The story behind the figure (optional)",
        help_text="Why it moved, what is being done: shown beside the value on this page, in the scorecard's"
        " downloads and in the weekly summary",
        required=False,
        max_length=LONG_TEXT,
        widget=govuk.Textarea(rows=3),
    )

    def __init__(self, *args: Any, frequency: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        label, hint, what = PERIODS.get(frequency, MONTH)
        kind = DateField if frequency == "weekly" else MonthField
        self.fields = {"period": kind(label=label, help_text=hint, what=what), **self.fields}

    def clean_value(self) -> Decimal | None:
        text: str = self.cleaned_data["value"]
        if not text:
            return None
        value = number(text)
        if value is None:
            raise ValidationError("Enter the value as a number, for example 86 or 86.5")
        return value
