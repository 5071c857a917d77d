"""The quality assurance pages' forms: a tool, a team, a cohort, an audit and its moderation."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from oversight.govuk import forms as govuk
from oversight.govuk.date_fields import DateField, MonthField
from oversight.lib.lengths import LONG_TEXT, limit_of
from oversight.quality.case_lines import parse_cases
from oversight.quality.models import TEXT, AuditTool, CaseAudit, Cohort, Team
from oversight.quality.practice_weeks import parse_activities
from oversight.quality.scales import (
    DEFAULT_DOMAINS,
    OFSTED_GRADES,
    Domain,
    domains_text,
    parse_domains,
    parse_grades,
)

TOOL_TEXT = 20_000


class ToolForm(govuk.GovUKForm):
    name = govuk.TextField(
        label="Name of the audit tool",
        what="The name",
        max_length=limit_of(AuditTool, "name"),
        initial="Case file audit",
        error_messages={"required": "Enter the name of the audit tool"},
        widget=govuk.TextInput(label_size="m"),
    )
    grades = govuk.TextField(
        label="Grades",
        what="The grades",
        help_text="One on each line, the best first. Ofsted's four-point scale unless you change it",
        max_length=2_000,
        initial="\n".join(OFSTED_GRADES),
        error_messages={"required": "Enter the grades, one on each line, the best first"},
        widget=govuk.Textarea(rows=5, label_size="m"),
    )
    good_or_better = forms.IntegerField(
        label="How many of the best grades count as good or better",
        help_text="2 on Ofsted's scale: Outstanding and Good",
        min_value=1,
        initial=2,
        error_messages=dict.fromkeys(
            ("required", "invalid", "min_value"), "Enter how many of the best grades count as good or better"
        ),
        widget=govuk.TextInput(width="2", attrs={"inputmode": "numeric"}),
    )
    domains = govuk.TextField(
        label="Domains",
        what="The domains",
        help_text="One on each line: its name, then a colon and the guidance for auditors",
        max_length=TOOL_TEXT,
        initial=domains_text(tuple(Domain(*d) for d in DEFAULT_DOMAINS)),
        error_messages={"required": "Enter at least one domain"},
        widget=govuk.Textarea(rows=8, label_size="m"),
    )

    # the version a change was made from: a change to a version since is refused, not overwritten
    version = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "grades" in data:
            grades, problems = parse_grades(data["grades"])
            for problem in problems:
                self.add_error("grades", problem)
            data["grades"] = grades
            good = data.get("good_or_better")
            if good is not None and not problems and good >= len(grades):
                self.add_error("good_or_better", "Some grades must count as less than good: enter fewer")
        if "domains" in data:
            domains, problems = parse_domains(data["domains"])
            for problem in problems:
                self.add_error("domains", problem)
            data["domains"] = domains
        return data


class TeamForm(govuk.GovUKForm):
    name = govuk.TextField(
        label="Team",
        what="The team's name",
        help_text="As Annex A's Allocated Team column names it",
        max_length=limit_of(Team, "name"),
        error_messages={"required": "Enter the team's name"},
    )
    manager = forms.ChoiceField(
        label="Team manager",
        help_text="Emailed at once when an audit of one of the team's cases raises a safeguarding concern",
        required=False,
        widget=govuk.Select(),
    )

    def __init__(self, *args: Any, people: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["manager"].choices = [("", "No one yet"), *people]  # type: ignore[attr-defined]


def share_field(label: str, required: bool = True) -> forms.DecimalField:
    """A share in per cent, from 0.1 to 100, to one decimal place: 10% of a list, say."""
    message = "Enter a share from 0.1 to 100 per cent"
    codes = (
        "required",
        "invalid",
        "min_value",
        "max_value",
        "max_digits",
        "max_decimal_places",
        "max_whole_digits",
    )
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=Decimal("0.1"),
        max_value=Decimal(100),
        max_digits=4,
        decimal_places=1,
        initial=Decimal(10),
        error_messages=dict.fromkeys(codes, message),
        widget=govuk.TextInput(width="4", attrs={"inputmode": "decimal"}),
    )


def seed_field(help_text: str) -> forms.IntegerField:
    """The seed of a draw: the same seed draws the same cases (or audits) again."""
    return forms.IntegerField(
        label="Seed",
        help_text=help_text,
        required=False,
        min_value=0,
        max_value=2**53,
        error_messages=dict.fromkeys(
            ("invalid", "min_value", "max_value"), "Enter the seed as a whole number"
        ),
        widget=govuk.TextInput(width="10", attrs={"inputmode": "numeric"}),
    )


TYPED, ANNEX_A = "typed", "annex_a"
PER_WORKER, SHARE = "per_worker", "share"


class CohortForm(govuk.GovUKForm):
    kind = forms.ChoiceField(
        label="Kind of audit",
        choices=Cohort.Kind.choices,
        initial=Cohort.Kind.MONTHLY,
        error_messages=dict.fromkeys(("required", "invalid_choice"), "Choose the kind of audit"),
        widget=govuk.Radios(small=True, label_size="m"),
    )
    title = govuk.TextField(
        label="Title",
        what="The title",
        help_text="For example, November case audits, or Deep dive: neglect",
        max_length=limit_of(Cohort, "title"),
        error_messages={"required": "Enter a title"},
    )
    question = govuk.TextField(
        label="The deep dive's question",
        what="The question",
        help_text="Needed for a thematic deep dive: what it sets out to find",
        required=False,
        max_length=TEXT,
        widget=govuk.Textarea(rows=2),
    )
    month = MonthField(label="Month", what="The month the audits belong to")
    tool = forms.ChoiceField(
        label="Audit tool",
        error_messages=dict.fromkeys(("required", "invalid_choice"), "Choose the audit tool"),
        widget=govuk.Select(),
    )
    due = DateField(label="Due by", what="The date the audits are due")
    auditors = forms.MultipleChoiceField(
        label="Auditors",
        help_text="The cases are shared out among them in turn",
        error_messages=dict.fromkeys(("required", "invalid_choice"), "Choose at least one auditor"),
        widget=govuk.Checkboxes(small=True, label_size="m"),
    )
    agency = govuk.TextField(
        label="The auditors' agency",
        what="The agency",
        help_text="For a multi-agency audit, for example Police or Health",
        required=False,
        max_length=limit_of(CaseAudit, "agency"),
    )
    source = forms.ChoiceField(
        label="Which cases",
        choices=[(TYPED, "Cases I list"), (ANNEX_A, "A sample from the latest Annex A extract")],
        initial=TYPED,
        error_messages=dict.fromkeys(("required", "invalid_choice"), "Choose which cases to audit"),
        widget=govuk.Radios(label_size="m"),
    )
    cases = govuk.TextField(
        label="Cases",
        what="The cases",
        help_text="If you list them: one a line, the child's ID, the team and the worker, with commas"
        " between. Never a name",
        required=False,
        max_length=200_000,
        widget=govuk.Textarea(rows=6),
    )
    sample = forms.ChoiceField(
        label="Sample",
        help_text="If you draw a sample from Annex A",
        choices=[(PER_WORKER, "A number of cases per worker"), (SHARE, "A share of the open cases")],
        initial=PER_WORKER,
        required=False,
        widget=govuk.Radios(small=True),
    )
    count = forms.IntegerField(
        label="Cases per worker",
        required=False,
        min_value=1,
        max_value=50,
        initial=2,
        error_messages=dict.fromkeys(
            ("invalid", "min_value", "max_value"), "Enter a number of cases per worker from 1 to 50"
        ),
        widget=govuk.TextInput(width="2", attrs={"inputmode": "numeric"}),
    )
    percent = share_field("Share of the open cases, in per cent", required=False)
    seed = seed_field("The same seed draws the same cases from the same extract. Leave empty for a new one")

    def __init__(
        self, *args: Any, tools: list[tuple[str, str]], people: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tool"].choices = tools  # type: ignore[attr-defined]
        self.fields["auditors"].choices = people  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Cohort.Kind.DEEP_DIVE and not data.get("question"):
            self.add_error("question", "Enter the deep dive's question")
        if data.get("source") == TYPED:
            cases, problems = parse_cases(data.get("cases") or "")
            for problem in problems[:50]:
                self.add_error("cases", problem)
            if len(problems) > 50:
                self.add_error("cases", f"And {len(problems) - 50:,} more problems")
            data["case_list"] = cases
        elif data.get("source") == ANNEX_A:
            if data.get("sample") == SHARE and data.get("percent") is None and "percent" not in self.errors:
                self.add_error("percent", "Enter a share from 0.1 to 100 per cent")
            if data.get("sample") != SHARE and data.get("count") is None and "count" not in self.errors:
                self.add_error("count", "Enter a number of cases per worker from 1 to 50")
        return data


def _grade_field(
    label: str, grades: list[str], help_text: str = "", label_size: str = "s"
) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=[(str(n), grade) for n, grade in enumerate(grades)],
        error_messages=dict.fromkeys(
            ("required", "invalid_choice"), f"Choose a grade for {label[0].lower()}{label[1:]}"
        ),
        widget=govuk.Radios(small=True, label_size=label_size),
    )


class AuditForm(govuk.GovUKForm):
    """The tool's domains, each graded, then the overall grade and the auditor's words."""

    def __init__(self, *args: Any, audit: CaseAudit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        version = audit.cohort.tool_version
        grades = list(version.grades)
        for n, domain in enumerate(version.domain_list):
            self.fields[f"domain_{n}"] = _grade_field(domain.name, grades, domain.guidance)
        self.fields["overall"] = _grade_field("Overall grade", grades, label_size="m")
        for name, label, hint in (
            ("strengths", "Strengths", "What is working well for the child"),
            ("development", "Areas for development", "What needs to be better, and by whom"),
            ("impact", "Impact for the child", "What difference the help has made to the child's life"),
        ):
            self.fields[name] = govuk.TextField(
                label=label,
                help_text=hint,
                max_length=TEXT,
                required=False,
                widget=govuk.CharacterCount(rows=4, threshold=90, label_size="m"),
            )
        self.fields["concern"] = govuk.TextField(
            label="Immediate safeguarding concern",
            what="The concern",
            help_text=(
                "Only if the child may be at risk now. The team's manager is emailed at once; once raised, a"
                " concern cannot be taken back"
            ),
            max_length=TEXT,
            required=False,
            widget=govuk.Textarea(rows=3, label_size="m"),
        )
        self.fields["revision"] = forms.IntegerField(min_value=0, widget=forms.HiddenInput())
        self.domain_count = len(version.domain_list)

    def domain_ranks(self) -> list[int]:
        return [int(self.cleaned_data[f"domain_{n}"]) for n in range(self.domain_count)]


class ModerationForm(govuk.GovUKForm):
    def __init__(self, *args: Any, audit: CaseAudit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agreed"] = _grade_field(
            "Agreed overall grade", list(audit.cohort.tool_version.grades), label_size="m"
        )
        self.fields["note"] = govuk.TextField(
            label="Moderation note",
            what="The note",
            help_text="Why the grade stands or changes",
            max_length=LONG_TEXT,
            required=False,
            widget=govuk.Textarea(rows=3),
        )
        self.fields["revision"] = forms.IntegerField(min_value=0, widget=forms.HiddenInput())


class ModerationSampleForm(govuk.GovUKForm):
    """A share of a cohort's completed audits, drawn with a seed, given to second auditors to moderate."""

    percent = share_field("Share of the completed audits to moderate, in per cent")
    moderators = forms.MultipleChoiceField(
        label="Moderators",
        help_text="Nobody moderates an audit they did",
        error_messages=dict.fromkeys(("required", "invalid_choice"), "Choose at least one moderator"),
        widget=govuk.Checkboxes(small=True),
    )
    seed = seed_field("Leave empty for a new one")

    def __init__(self, *args: Any, people: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["moderators"].choices = people  # type: ignore[attr-defined]


class FindingsForm(govuk.GovUKForm):
    """A deep dive's findings, and the plan actions it is evidence for."""

    report = govuk.TextField(
        label="Findings",
        what="The findings",
        help_text="What the deep dive found, across its cases: the board reads this. Never a child's name",
        max_length=LONG_TEXT,
        required=False,
        widget=govuk.CharacterCount(rows=10, threshold=90, label_size="m"),
    )
    actions = govuk.TextField(
        label="Evidence for plan actions",
        what="The action IDs",
        help_text="Action IDs separated by commas, for example 2.1, 2.3: a link to these findings is added"
        " to each action's evidence",
        max_length=1000,
        required=False,
        widget=govuk.TextInput(width="20"),
    )
    revision = forms.IntegerField(min_value=0, widget=forms.HiddenInput())


class CaseActionForm(govuk.GovUKForm):
    """Corrective action on the case an audit found."""

    action = govuk.TextField(
        label="What must be done",
        what="The action",
        help_text="For example: hold a strategy discussion this week; update the child's plan",
        max_length=TEXT,
        error_messages={"required": "Enter what must be done"},
        widget=govuk.Textarea(rows=3, label_size="m"),
    )
    owner = forms.ChoiceField(
        label="Who will do it",
        error_messages=dict.fromkeys(("required", "invalid_choice"), "Choose who will do it"),
        widget=govuk.Select(),
    )
    due = DateField(label="Due by", what="The date it is due")

    def __init__(self, *args: Any, people: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", "Choose someone"), *people]  # type: ignore[attr-defined]


class ThemeForm(govuk.GovUKForm):
    text = govuk.TextField(
        label="What the audits found",
        what="The theme",
        help_text="A pattern across cases, for example: plans are not updated after core groups",
        max_length=TEXT,
        error_messages={"required": "Enter what the audits found"},
        widget=govuk.Textarea(rows=3, label_size="m"),
    )
    cohort = forms.ChoiceField(label="From the cohort", required=False, widget=govuk.Select())
    actions = govuk.TextField(
        label="Plan actions it bears on",
        what="The action IDs",
        help_text="Action IDs separated by commas, for example 2.1, 2.3",
        max_length=1000,
        required=False,
        widget=govuk.TextInput(width="20"),
    )
    recommendations = forms.MultipleChoiceField(
        label="Ofsted recommendations it bears on",
        required=False,
        widget=govuk.Checkboxes(small=True),
    )

    def __init__(
        self,
        *args: Any,
        cohorts: list[tuple[str, str]],
        recommendations: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cohort"].choices = [("", "None"), *cohorts]  # type: ignore[attr-defined]
        self.fields["recommendations"].choices = recommendations  # type: ignore[attr-defined]
        if not recommendations:
            del self.fields["recommendations"]


class PracticeWeekForm(govuk.GovUKForm):
    title = govuk.TextField(
        label="Title",
        what="The title",
        help_text="For example, Practice development week, March 2017",
        max_length=200,
        error_messages={"required": "Enter a title"},
    )
    starts = DateField(label="First day", what="The first day")
    ends = DateField(label="Last day", what="The last day")
    activities = govuk.TextField(
        label="Activities",
        what="The activities",
        help_text="One kind a line: how many, then what they were, for example 20 team-based discussions",
        max_length=20_000,
        error_messages={"required": "Enter at least one activity"},
        widget=govuk.Textarea(rows=6, label_size="m"),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts") and data.get("ends") and data["ends"] < data["starts"]:
            self.add_error("ends", "The last day must be the same as or after the first day")
        if "activities" in data:
            activities, problems = parse_activities(data["activities"])
            for problem in problems:
                self.add_error("activities", problem)
            data["activity_counts"] = activities
        return data
