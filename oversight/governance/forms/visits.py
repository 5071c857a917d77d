"""Recording one of Ofsted's monitoring visits."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from oversight.governance.models import MonitoringVisit
from oversight.govuk import forms as govuk
from oversight.govuk.date_fields import DateField
from oversight.lib.lengths import LONG_TEXT, limit_of


class VisitForm(govuk.GovUKForm):
    visited = DateField(label="Date", what="The date of the visit")
    inspectors = govuk.TextField(
        label="Inspectors",
        what="The inspectors' names",
        max_length=limit_of(MonitoringVisit, "inspectors"),
        error_messages={"required": "Enter the inspectors' names"},
    )
    focus = govuk.TextField(
        label="Focus",
        what="What the visit looked at",
        max_length=LONG_TEXT,
        error_messages={"required": "Enter what the visit looked at"},
        widget=govuk.Textarea(rows=2),
    )
    findings = govuk.TextField(
        label="Findings",
        what="The findings",
        required=False,
        max_length=LONG_TEXT,
        widget=govuk.Textarea(rows=5),
    )
    letter_url = govuk.TextField(
        label="Link to the published letter",
        what="The letter's address",
        required=False,
        max_length=limit_of(MonitoringVisit, "letter_url"),
        widget=govuk.URLInput(),
    )

    def clean_letter_url(self) -> str:
        url: str = self.cleaned_data["letter_url"]
        if url and not url.startswith(("https://", "http://")):
            raise ValidationError("Enter the letter's address, starting https://")
        return url
