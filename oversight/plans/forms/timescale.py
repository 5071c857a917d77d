"""Asking for a revised timescale or a withdrawal, deciding on one, and editing an action's words."""

from __future__ import annotations

from django import forms

from oversight.govuk import forms as govuk
from oversight.lib.lengths import LONG_TEXT, limit_of
from oversight.plans.models import Action
from oversight.plans.timescale_changes import WRITTEN_LENGTH


class RetimeForm(govuk.GovUKForm):
    timescale = govuk.TextField(
        label="Revised timescale",
        what="The timescale",
        help_text="As the plan would write it, for example Sep 17, Apr - Jun 17 or Q3 2017/18",
        required=False,
        max_length=WRITTEN_LENGTH,
        widget=govuk.TextInput(width="20", label_size="m"),
    )
    reason = govuk.TextField(
        label="Why does it need revising?",
        what="The reason",
        help_text="For example, delayed until the new case management system goes live in September",
        required=False,
        max_length=LONG_TEXT,
        widget=govuk.CharacterCount(label_size="m", rows=4, threshold=90),
    )


class WithdrawForm(govuk.GovUKForm):
    reason = govuk.TextField(
        label="Why is the action no longer applicable?",
        what="The reason",
        help_text="It will never be progressed: for example, the service it was about has closed",
        required=False,
        max_length=LONG_TEXT,
        widget=govuk.CharacterCount(label_size="m", rows=4, threshold=90),
    )


class DecisionForm(govuk.GovUKForm):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[("approve", "Approve it"), ("refuse", "Refuse it")],
        error_messages={"required": "Choose whether to approve or refuse it"},
        widget=govuk.Radios(label_size="s", inline=True),
    )
    reason = govuk.TextField(
        label="Reason",
        what="The reason",
        help_text="Needed to refuse; optional to approve",
        required=False,
        max_length=LONG_TEXT,
        widget=govuk.Textarea(rows=2),
    )


class WithdrawLeftForm(govuk.GovUKForm):
    """The actions a plan file no longer lists that are withdrawn, and why."""

    actions = forms.MultipleChoiceField(
        label="Actions withdrawn",
        error_messages={"required": "Choose the actions that are withdrawn"},
        widget=govuk.Checkboxes(label_size="m", small=True),
    )
    reason = govuk.TextField(
        label="Why are they no longer applicable?",
        what="The reason",
        required=False,
        max_length=LONG_TEXT,
        widget=govuk.Textarea(rows=3, label_size="m"),
    )

    def __init__(self, *args: object, choices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["actions"].choices = choices  # type: ignore[attr-defined]
        self.initial.setdefault("actions", [value for value, _ in choices])


class ActionTextForm(govuk.GovUKForm):
    """An action's key action, lead and agencies, edited by an officer."""

    key_action = govuk.TextField(
        label="Key action",
        max_length=limit_of(Action, "key_action"),
        error_messages={"required": "Enter the key action"},
        widget=govuk.Textarea(rows=4, label_size="m"),
    )
    lead = govuk.TextField(
        label="Lead",
        help_text="As the plan's Lead column writes it; several separated by commas",
        required=False,
        max_length=limit_of(Action, "lead"),
        widget=govuk.TextInput(label_size="m"),
    )
    agencies = govuk.TextField(
        label="Agency involvement",
        required=False,
        max_length=limit_of(Action, "agencies"),
        widget=govuk.TextInput(label_size="m"),
    )
    revision = forms.CharField(required=False, widget=forms.HiddenInput())
    seen = forms.CharField(required=False, widget=forms.HiddenInput())
