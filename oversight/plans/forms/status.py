"""The monthly update of an action: its RAG status and commentary, and what the page was based on."""

from __future__ import annotations

from typing import Any

from django import forms

from oversight.govuk import forms as govuk
from oversight.lib.lengths import LONG_TEXT
from oversight.plans.models import RAG
from oversight.plans.updates import risk_problems, update_problems

RAG_HINTS = {
    RAG.RED: "Not progressed within its timescale",
    RAG.AMBER: "In progress",
    RAG.GREEN: "Completed",
    RAG.WHITE: "Not planned to start yet",
}


class StatusUpdateForm(govuk.GovUKForm):
    rag = forms.ChoiceField(
        label="RAG status",
        choices=RAG.choices,
        error_messages={"required": "Select a RAG status", "invalid_choice": "Select a RAG status"},
        widget=govuk.Radios(label_size="m", hints={str(code): hint for code, hint in RAG_HINTS.items()}),
    )
    commentary = govuk.TextField(
        label="Commentary",
        help_text="What has been done, what is next and, for Red or Amber, why it is not complete."
        " Needed for Red and Amber.",
        required=False,
        max_length=LONG_TEXT,
        widget=govuk.CharacterCount(label_size="m", rows=8, threshold=90),
    )
    safeguarding_risk = forms.ChoiceField(
        label="If Red: does the delay pose an immediate safeguarding risk?",
        required=False,
        choices=[("no", "No"), ("yes", "Yes")],
        widget=govuk.Radios(label_size="m", inline=False),
    )
    risk_response = govuk.TextField(
        label="If so, what is being done about it?",
        what="What is being done",
        help_text="The board's exception report lists Red actions that pose a risk first, with this",
        required=False,
        max_length=LONG_TEXT,
        widget=govuk.Textarea(rows=3, label_size="m"),
    )
    # the revision and newest change the page was made from: a save based on an older page is refused
    revision = forms.CharField(required=False, widget=forms.HiddenInput())
    seen = forms.CharField(required=False, widget=forms.HiddenInput())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        rag, commentary = self.data.get("rag", ""), data.get("commentary", "")
        risk, response = self.data.get("safeguarding_risk", ""), data.get("risk_response", "")
        for name, message in (update_problems(rag, commentary) | risk_problems(rag, risk, response)).items():
            if name not in self.errors:
                self.add_error(name, message)
        return data


class NoChangeForm(govuk.GovUKForm):
    """The actions a lead confirms have not changed this month, and the revision of each the page saw."""

    actions = forms.MultipleChoiceField(
        label="No change this month",
        help_text="Tick the actions whose status and commentary are the same as last time: each is recorded"
        " as this month's update, with your name and the time",
        error_messages={"required": "Tick the actions that have not changed"},
        widget=govuk.Checkboxes(label_size="m", small=True),
    )
    revisions = forms.CharField(required=False, max_length=100_000, widget=forms.HiddenInput())

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["actions"].choices = choices  # type: ignore[attr-defined]

    def seen(self) -> dict[str, int]:
        """Each action's revision as the page saw it, by Action ID ("1.1=5,2.2=3")."""
        found = {}
        for part in self.cleaned_data["revisions"].split(","):
            action_id, _, revision = part.rpartition("=")
            if action_id and revision.isdigit():
                found[action_id] = int(revision)
        return found
