"""Setting up a board, and the rotation of priorities it follows."""

from __future__ import annotations

from django import forms

from oversight.governance.models import Board
from oversight.govuk import forms as govuk
from oversight.lib.lengths import limit_of

PER_MEETING = "Enter the priorities a meeting takes, from 1 to 10"
GAP = "Enter the most weeks a priority may wait as a whole number, or leave it empty"


class BoardForm(govuk.GovUKForm):
    name = govuk.TextField(
        label="Name",
        what="The board's name",
        max_length=limit_of(Board, "name"),
        error_messages={"required": "Enter the board's name, for example Improvement Team Board"},
    )
    kind = forms.ChoiceField(
        label="Kind of board",
        choices=Board.Kind.choices,
        initial=Board.Kind.TEAM,
        error_messages=dict.fromkeys(("required", "invalid_choice"), "Select what kind of board it is"),
        widget=govuk.Radios(small=True),
    )


class RotationForm(govuk.GovUKForm):
    per_meeting = forms.IntegerField(
        label="Priorities a meeting takes",
        min_value=1,
        max_value=10,
        error_messages=dict.fromkeys(("required", "invalid", "min_value", "max_value"), PER_MEETING),
        widget=govuk.TextInput(width="2", attrs={"inputmode": "numeric"}),
    )
    max_gap = forms.IntegerField(
        label="Most weeks a priority may wait",
        help_text="Leave empty for one week more than a plain round-robin needs",
        required=False,
        min_value=1,
        max_value=520,
        error_messages=dict.fromkeys(("invalid", "min_value", "max_value"), GAP),
        widget=govuk.TextInput(width="2", attrs={"inputmode": "numeric"}),
    )
