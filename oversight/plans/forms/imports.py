"""Uploading a file to import into the plan: the plan, a month's statuses or Ofsted's recommendations."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from oversight.govuk import forms as govuk
from oversight.govuk.date_fields import DateField
from oversight.lib.spreadsheets import SHEET_NAME_LENGTH

CSV_OR_EXCEL = {"accept": ".csv,.xlsx"}


class SheetAndFile(govuk.GovUKForm):
    """What every upload form asks: the sheet of a workbook, and the file."""

    sheet = govuk.TextField(
        label="Sheet (optional)",
        what="The sheet's name",
        help_text="For a workbook with several sheets: the sheet's name",
        required=False,
        max_length=SHEET_NAME_LENGTH,
        widget=govuk.TextInput(width="20"),
    )
    file = forms.FileField(
        label="File",
        error_messages={"required": "Choose a CSV or Excel file to upload"},
        widget=govuk.FileUpload(attrs=CSV_OR_EXCEL),
    )


class PlanImportForm(SheetAndFile):
    kind = forms.ChoiceField(
        label="What does the file hold?",
        choices=[
            ("plan", "The plan"),
            ("status", "RAG statuses"),
            ("recommendations", "Ofsted's recommendations"),
        ],
        error_messages=dict.fromkeys(
            ("required", "invalid_choice"),
            "Select what the file holds: the plan, a month's statuses, or Ofsted's recommendations",
        ),
        widget=govuk.Radios(
            label_size="m",
            hints={
                "plan": "Priority, Action ID, Key Action, Lead, Agency Involvement and Timescale columns",
                "status": "Action ID, RAG and Commentary columns",
                "recommendations": "No and Recommendation columns; optionally pillars, theme, actions,"
                " a dated update and impact",
            },
        ),
    )
    as_at = DateField(
        label="For statuses: the date they are as at",
        what="The date the statuses are as at",
        help_text="Usually the last day of the month, for example 31 1 2017",
        required=False,
    )
    published = DateField(
        label="For recommendations: the date the inspection report was published",
        what="The date the inspection report was published",
        help_text="For example 26 8 2016",
        required=False,
    )
    recommendations_file = forms.FileField(
        label="With a plan: the inspection's recommendations (optional)",
        help_text="For a new plan whose Ofsted Recommendations column gives the numbers of the"
        " recommendations each action answers: the inspection's recommendations are imported with the plan,"
        " and linked to its actions, in one go. Give the inspection report's date above.",
        required=False,
        widget=govuk.FileUpload(attrs=CSV_OR_EXCEL),
    )
    field_order = ["kind", "as_at", "published", "sheet", "file", "recommendations_file"]

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"as_at": today})
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        if kind != "plan":
            data["recommendations_file"] = None
        needed = {"as_at"} if kind == "status" else set()
        if kind == "recommendations" or data.get("recommendations_file"):
            needed.add("published")
        for name in ("as_at", "published"):
            if name not in needed:
                self.errors.pop(name, None)  # a date the upload does not need is not read
                data[name] = None
            elif data.get(name) is None and name not in self.errors:
                self.add_error(name, self.fields[name].error_messages["required"])
        return data

    def day_read_with(self) -> date | None:
        """The date the upload is read with: statuses' as-at date, or the inspection's date."""
        data = self.cleaned_data
        return data["as_at"] if data["kind"] == "status" else data["published"]
