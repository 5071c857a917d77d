"""A recommendation's page: the actions that answer it, and a dated update of progress and impact."""

from __future__ import annotations

from typing import Any

from oversight.govuk import forms as govuk
from oversight.govuk.date_fields import DateField
from oversight.lib.lengths import LONG_TEXT


class AnsweringActionsForm(govuk.GovUKForm):
    actions = govuk.TextField(
        label="Action IDs that answer it",
        help_text="Separated by spaces or commas, for example 1.1 1.2 5.8.3",
        required=False,
    )


class ProgressUpdateForm(govuk.GovUKForm):
    as_at = DateField(label="Update at", what="The date of the update")
    progress = govuk.TextField(
        label="Progress: what has been done",
        what="The progress made",
        required=False,
        max_length=LONG_TEXT,
        widget=govuk.Textarea(rows=4),
    )
    impact = govuk.TextField(
        label="Impact / performance",
        what="The impact seen",
        required=False,
        max_length=LONG_TEXT,
        widget=govuk.Textarea(rows=3),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        said = data.get("progress") or data.get("impact") or {"progress", "impact"} & set(self.errors)
        if not said:
            self.add_error("progress", "Enter the progress made, the impact seen, or both")
        return data
