"""The workforce pages' forms: a team, a team's monthly return entered on the site, a course actions
require, and the kind of file an upload holds."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from oversight.govuk import forms as govuk
from oversight.govuk.date_fields import MonthField
from oversight.lib.lengths import limit_of
from oversight.plans.action_ids import in_plan
from oversight.plans.forms.imports import SheetAndFile
from oversight.workforce.models import Course, Team
from oversight.workforce.return_files import return_problems
from oversight.workforce.returns_import import STAFF_RECORDS, TEAM_RETURNS

ACTION_IDS = 2_000
LARGEST_POLICY = 999


class TeamForm(govuk.GovUKForm):
    name = govuk.TextField(
        label="Team",
        what="The team's name",
        help_text="As the HR system's returns and Annex A's Allocated Team column name it",
        max_length=limit_of(Team, "name"),
        error_messages={"required": "Enter the team's name"},
    )
    service = govuk.TextField(
        label="Service",
        what="The service",
        help_text="The part of children's social care it belongs to, for example Assessment and intervention",
        max_length=limit_of(Team, "service"),
        error_messages={"required": "Enter the service the team belongs to"},
    )
    kind = forms.ChoiceField(
        label="What kind of team is it?",
        choices=Team.Kind.choices,
        error_messages=dict.fromkeys(("required", "invalid_choice"), "Select what kind of team it is"),
        widget=govuk.Radios(
            hints={
                Team.Kind.SOCIAL_WORK: "Its caseloads are counted from Annex A",
                Team.Kind.IRO: "Independent reviewing officers' caseloads come from the staff records",
            }
        ),
    )
    caseload_policy = forms.IntegerField(
        label="Caseload policy for independent reviewing officers (optional)",
        help_text="The most children each should have, as the council's policy sets it (statutory guidance "
        "suggests 50 to 70). A social work team's policy is its type's band on the Caseloads page",
        required=False,
        min_value=1,
        max_value=LARGEST_POLICY,
        error_messages=dict.fromkeys(
            ("invalid", "min_value", "max_value"),
            f"Enter the caseload policy as a whole number from 1 to {LARGEST_POLICY}",
        ),
        widget=govuk.TextInput(width="3", attrs={"inputmode": "numeric"}),
    )
    revision = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput())


def _fte(label: str, what: str, places: int = 2) -> forms.DecimalField:
    message = f"Enter {what} as a number of 0 or more, with up to {places} decimal places"
    return forms.DecimalField(
        label=label,
        min_value=Decimal(0),
        max_value=Decimal("9999.99"),
        decimal_places=places,
        max_digits=6 + places,
        error_messages=dict.fromkeys(
            (
                "required",
                "invalid",
                "min_value",
                "max_value",
                "max_digits",
                "max_decimal_places",
                "max_whole_digits",
            ),
            message,
        ),
        widget=govuk.TextInput(width="5", attrs={"inputmode": "decimal"}),
    )


def _count(label: str, what: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=99_999,
        error_messages=dict.fromkeys(
            ("required", "invalid", "min_value", "max_value"),
            f"Enter {what} as a whole number (0 when there are none)",
        ),
        widget=govuk.TextInput(width="4", attrs={"inputmode": "numeric"}),
    )


class TeamReturnForm(govuk.GovUKForm):
    team = forms.ChoiceField(
        label="Team",
        error_messages=dict.fromkeys(("required", "invalid_choice"), "Select the team"),
        widget=govuk.Select(),
    )
    month = MonthField(label="Month", what="The month of the return", help_text="For example, 11 2026")
    funded = _fte("Funded posts (FTE)", "the funded posts")
    permanent = _fte("Filled by permanent staff (FTE)", "the permanent staff")
    agency = _fte("Filled by agency staff (FTE)", "the agency staff")
    vacancies = _fte("Vacancies (FTE)", "the vacancies")
    starters = _count("Starters", "the starters")
    leavers = _count("Leavers", "the leavers")
    sickness_days = _fte("Days lost to sickness", "the days lost to sickness", places=1)
    offers_made = _count("Job offers made", "the offers made")
    offers_accepted = _count("Job offers accepted", "the offers accepted")
    revision = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput())

    def __init__(self, *args: Any, teams: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", "Choose a team"), *((t, t) for t in teams)]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name, message in return_problems(data):
            self.add_error(name, message[:1].upper() + message[1:])
        return data


class CourseForm(govuk.GovUKForm):
    name = govuk.TextField(
        label="Course",
        what="The course's name",
        help_text="As the staff records name it, for example Briefing on the new threshold document",
        max_length=limit_of(Course, "name"),
        error_messages={"required": "Enter the course's name"},
    )
    actions = govuk.TextField(
        label="Actions that require it (optional)",
        what="The actions",
        help_text="Their IDs, separated by commas, for example 4.2, 4.3",
        required=False,
        max_length=ACTION_IDS,
    )

    def __init__(self, *args: Any, action_ids: set[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.action_ids = action_ids

    def clean_actions(self) -> tuple[str, ...]:
        found, wrong = in_plan(self.cleaned_data["actions"], self.action_ids)
        if wrong:
            raise forms.ValidationError(wrong)
        return found


class WorkforceImportForm(SheetAndFile):
    kind = forms.ChoiceField(
        label="What does the file hold?",
        choices=[(TEAM_RETURNS, "The teams' monthly returns"), (STAFF_RECORDS, "Staff records")],
        error_messages=dict.fromkeys(
            ("required", "invalid_choice"), "Select what the file holds: the teams' returns or staff records"
        ),
        widget=govuk.Radios(
            hints={
                TEAM_RETURNS: "A row a team's month: posts, staff, vacancies, leavers, sickness, offers",
                STAFF_RECORDS: "A row a worker's month by staff ID: supervision, caseload, courses",
            }
        ),
    )

    field_order = ["kind", "sheet", "file"]
