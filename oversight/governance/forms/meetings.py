"""Recording a board's meeting, and at a meeting its decisions and remedial tasks."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from oversight.accounts.people import choices, name_of, people_in
from oversight.governance.models import RemedialTask
from oversight.govuk import forms as govuk
from oversight.govuk.date_fields import DateField
from oversight.lib.lengths import LONG_TEXT, limit_of
from oversight.plans.models import Action


class MeetingForm(govuk.GovUKForm):
    held = DateField(label="Date", what="The date of the meeting")
    priority = forms.MultipleChoiceField(
        label="Priorities in focus",
        help_text="Ticked: the rotation's choice for the next meeting",
        required=False,
        widget=govuk.Checkboxes(small=True),
    )
    attended = forms.MultipleChoiceField(
        label="Attended", required=False, widget=govuk.Checkboxes(small=True)
    )
    apologies = govuk.TextField(label="Apologies", required=False, max_length=LONG_TEXT)

    def __init__(
        self,
        *args: Any,
        priorities: list[tuple[int, str]],
        people: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["priority"].choices = [  # type: ignore[attr-defined]
            (str(number), f"Priority {number}" + (f" – {title}" if title else ""))
            for number, title in priorities
        ]
        self.fields["attended"].choices = [(str(pk), name) for pk, name in people]  # type: ignore[attr-defined]


class DecisionForm(govuk.GovUKForm):
    text = govuk.TextField(
        label="Record a decision",
        what="The decision",
        max_length=LONG_TEXT,
        error_messages={"required": "Enter the decision"},
        widget=govuk.Textarea(rows=3),
    )


class TaskForm(govuk.GovUKForm):
    description = govuk.TextField(
        label="What is to be done",
        max_length=LONG_TEXT,
        error_messages={"required": "Enter what is to be done"},
        widget=govuk.Textarea(rows=2),
    )
    action = govuk.TextField(
        label="Action ID (optional)",
        required=False,
        max_length=40,
        widget=govuk.TextInput(width="10", attrs={"id": "task-action"}),
    )
    owner_person = forms.ChoiceField(
        label="Owner",
        help_text="Someone with a role in the plan is emailed the task and sees it on their My actions page",
        required=False,
        widget=govuk.Select(attrs={"id": "task-owner-person"}),
    )
    owner = govuk.TextField(
        label="Or the owner's name, if they have no role in the plan",
        what="The owner's name",
        required=False,
        max_length=limit_of(RemedialTask, "owner"),
        widget=govuk.TextInput(width="20"),
    )
    due = DateField(label="Due", what="The date it is due")

    def __init__(self, *args: Any, plan: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.people = people_in(plan.pk)
        self.fields["owner_person"].choices = [("", "Choose someone"), *choices(self.people)]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen, name = data.get("owner_person"), data.get("owner")
        if "owner" in self.errors or "owner_person" in self.errors:
            return data
        if chosen and name:
            self.add_error("owner", "Choose someone in the list or enter a name, not both")
        elif not chosen and not name:
            self.add_error("owner_person", "Choose who will do it, or enter their name")
        return data

    def owner_chosen(self) -> tuple[Any, str]:
        """The owner with a role in the plan (or None) and the owner's name."""
        user = self.people.get(self.cleaned_data["owner_person"] or "")
        return user, name_of(user) if user is not None else self.cleaned_data["owner"]

    def clean_action(self) -> Action | None:
        action_id: str = self.cleaned_data["action"]
        if not action_id:
            return None
        action = Action.objects.filter(plan=self.plan, action_id=action_id).first()
        if action is None:
            raise ValidationError(f"There is no action {action_id} in this plan")
        return action


class ChosenCompletionsForm(govuk.GovUKForm):
    """The completions a board member ticks in a live pack, to verify together after confirming."""

    action = forms.MultipleChoiceField(
        label="Completions to verify", required=False, widget=govuk.Checkboxes(small=True)
    )

    def __init__(self, action_ids: list[str], **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "choose-%s")
        super().__init__(**kwargs)
        self.fields["action"].choices = [  # type: ignore[attr-defined]
            (action_id, f"I have looked at action {action_id}: verify it with the others ticked")
            for action_id in action_ids
        ]
