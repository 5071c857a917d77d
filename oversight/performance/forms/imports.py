"""Uploading the scorecard's indicators, or their values."""

from __future__ import annotations

from django import forms

from oversight.govuk import forms as govuk
from oversight.plans.forms.imports import SheetAndFile


class ScorecardImportForm(SheetAndFile):
    kind = forms.ChoiceField(
        label="What does the file hold?",
        choices=[("indicators", "Indicators"), ("values", "Values")],
        error_messages=dict.fromkeys(
            ("required", "invalid_choice"), "Select what the file holds: indicators, or their values"
        ),
        widget=govuk.Radios(
            label_size="m",
            hints={
                "indicators": "Indicator and Service area columns; optionally Definition, Unit, Polarity,"
                " Target, Amber tolerance, Frequency, Owner, Source, Annex A measure, England, Statistical"
                " neighbours, Region, Comparators year, Actions and Recommendations. Indicators already on"
                " the scorecard (by name) are updated.",
                "values": "Indicator, Period and Value columns; or an Indicator column then one column for"
                " each month, headed like 2018-01, Jan 2018 or January 2018. Blank cells are skipped.",
            },
        ),
    )
    field_order = ["kind", "sheet", "file"]
