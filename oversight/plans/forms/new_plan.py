"""Starting a new plan (site administrators), before its actions are imported."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from oversight.govuk import forms as govuk
from oversight.lib.lengths import limit_of
from oversight.plans.addresses import short_name_problem
from oversight.plans.models import Plan


class NewPlanForm(govuk.GovUKForm):
    title = govuk.TextField(
        label="Title",
        max_length=limit_of(Plan, "title"),
        error_messages={"required": "Enter the plan's title"},
    )
    council = govuk.TextField(label="Council", required=False, max_length=limit_of(Plan, "council"))
    slug = govuk.TextField(
        label="Short name",
        help_text="Used in the plan's web address and on the command line, for example bromley-2017",
        required=False,
        widget=govuk.TextInput(width="20", attrs={"spellcheck": "false"}),
    )

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data["slug"]
        if problem := short_name_problem(slug):
            raise ValidationError(problem)
        if Plan.objects.filter(slug=slug).exists():
            raise ValidationError("There is already a plan with that short name")
        return slug
