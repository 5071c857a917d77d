"""The "Your emails" form: a box for each kind of email the person may turn off."""

from __future__ import annotations

from typing import Any

from django import forms

from oversight.govuk import forms as govuk
from oversight.notices.kinds import Kind, KindOfEmail


class EmailChoiceForm(govuk.GovUKForm):
    kinds = forms.MultipleChoiceField(
        label="Emails you choose to get",
        required=False,
        widget=govuk.Checkboxes(label_size="m"),
    )

    def __init__(self, *args: Any, optional: list[KindOfEmail], chosen: set[Kind], **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"kinds": [k.kind.value for k in optional if k.kind in chosen]})
        super().__init__(*args, **kwargs)
        field = self.fields["kinds"]
        field.choices = [(k.kind.value, k.label) for k in optional]  # type: ignore[attr-defined]
        field.widget.hints = {k.kind.value: k.about for k in optional}
