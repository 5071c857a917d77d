"""Verifying completions (the reason no evidence is needed, for each that has none) and sending one back."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from oversight.govuk import forms as govuk
from oversight.lib.lengths import LONG_TEXT


def reason_field(action_id: str) -> str:
    return f"reason-{action_id}"


class VerifyForm(govuk.GovUKForm):
    """A reason field for each completion that has no evidence; `verify_completions` decides."""

    def __init__(self, *args: Any, without_evidence: Iterable[str], several: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for action_id in without_evidence:
            self.fields[reason_field(action_id)] = govuk.TextField(
                label=f"Why is no evidence needed{f' for action {action_id}' if several else ''}?",
                what="The reason",
                help_text="For example, the board saw the work itself at its meeting",
                required=False,
                max_length=LONG_TEXT,
                widget=govuk.Textarea(rows=3),
            )

    def reasons(self, action_ids: Iterable[str]) -> dict[str, str]:
        data = self.cleaned_data if self.is_valid() else {}
        return {action_id: data.get(reason_field(action_id), "") for action_id in action_ids}


class SendBackForm(govuk.GovUKForm):
    reason = govuk.TextField(
        label="Why is it not complete yet?",
        what="The reason",
        required=False,
        max_length=LONG_TEXT,
        widget=govuk.CharacterCount(label_size="m", rows=5, threshold=90),
    )
