"""Adding evidence to an action: a file, or a link to a document kept elsewhere."""

from __future__ import annotations

from typing import Any

from django import forms

from oversight.govuk import forms as govuk
from oversight.lib.lengths import limit_of
from oversight.plans.models import Evidence


class EvidenceForm(govuk.GovUKForm):
    title = govuk.TextField(
        label="Title",
        help_text="For example, “Audit of strategy discussions, March”. Leave blank to use the file's name.",
        required=False,
        max_length=limit_of(Evidence, "title"),
    )
    kind = forms.ChoiceField(
        label="Evidence",
        choices=[("file", "A file"), ("link", "A link")],
        required=False,
        widget=govuk.Radios(),
    )
    file = forms.FileField(label="File", required=False, widget=govuk.FileUpload())
    url = govuk.TextField(
        label="Link",
        what="Link",
        help_text="For a document kept elsewhere, such as your council's document library.",
        required=False,
        max_length=limit_of(Evidence, "url"),
        widget=govuk.URLInput(),
    )

    def __init__(self, *args: Any, accepted: str = "", limit: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"kind": "file"})
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = f"{accepted}; up to {limit}."

    def clean_kind(self) -> str:
        return "link" if self.cleaned_data.get("kind") == "link" else "file"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        if data["kind"] == "link" and not data.get("url"):
            self.add_error("url", "Enter the link to the evidence")
        elif data["kind"] == "file" and not data.get("file"):
            self.add_error("file", "Choose a file to upload")
        return data
