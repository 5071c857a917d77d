"""Uploading an Annex A extract: the file, and the date it is as at."""

from __future__ import annotations

from django import forms

from oversight.govuk import forms as govuk
from oversight.govuk.date_fields import DateField


class ExtractUploadForm(govuk.GovUKForm):
    as_at = DateField(
        label="The date the extract is as at",
        what="The date the extract is as at",
        help_text="The last day the lists cover, for example 31 3 2023",
    )
    file = forms.FileField(
        label="Ofsted's Annex A workbook, or one list as a CSV file",
        help_text="Sheets named List 1 to List 11 are read. A list's CSV file is named like list5.csv.",
        error_messages={"required": "Choose the Annex A workbook or a list's CSV file to upload"},
        widget=govuk.FileUpload(attrs={"accept": ".xlsx,.xlsm,.csv"}),
    )
