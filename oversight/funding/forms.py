"""A funding line on the website: its details, the plan actions it pays for, and each financial year's
budget, spend, committed and posts, with one more year to add."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from oversight.funding.funding_file import LARGEST, financial_year_text
from oversight.funding.models import FundingLine
from oversight.govuk import forms as govuk
from oversight.govuk.date_fields import DateField
from oversight.lib.lengths import LONG_TEXT, limit_of
from oversight.plans.action_ids import in_plan

MONEY = ("budget", "spend", "committed")
POSTS = ("posts_funded", "posts_filled")
FIGURE_LABELS = {
    "budget": "budget (£'000)", "spend": "spend (£'000)", "committed": "committed (£'000)",
    "posts_funded": "posts funded (FTE)", "posts_filled": "posts filled (FTE)",
}  # fmt: skip


def _named(label: str) -> str:
    """'2017/18 budget (£'000)' as 'the 2017/18 budget (£'000)'; "The new year's …" as "the new year's …"."""
    what = label[:1].lower() + label[1:]
    return what if what.startswith("the ") else f"the {what}"


def _money(label: str, required: bool = False) -> forms.IntegerField:
    message = f"Enter {_named(label)} as a whole number of £'000, such as 1171"
    return forms.IntegerField(
        label=label[:1].upper() + label[1:],
        required=required,
        min_value=-LARGEST + 1,
        max_value=LARGEST - 1,
        error_messages=dict.fromkeys(("required", "invalid", "min_value", "max_value"), message),
        widget=govuk.TextInput(width="10", attrs={"inputmode": "numeric"}),
    )


def _posts(label: str) -> forms.DecimalField:
    message = f"Enter {_named(label)} as a number of 0 or more, such as 15 or 2.5"
    return forms.DecimalField(
        label=label[:1].upper() + label[1:],
        required=False,
        min_value=Decimal(0),
        max_value=Decimal("9999.99"),
        max_digits=6,
        decimal_places=2,
        error_messages=dict.fromkeys(
            ("invalid", "min_value", "max_value", "max_digits", "max_decimal_places", "max_whole_digits"),
            message,
        ),
        widget=govuk.TextInput(width="5", attrs={"inputmode": "decimal"}),
    )


class FundingLineForm(govuk.GovUKForm):
    title = govuk.TextField(
        label="Funding line", what="The funding line", max_length=limit_of(FundingLine, "title"),
        error_messages={"required": "Enter the funding line's name"},
    )  # fmt: skip
    phase = govuk.TextField(
        label="Phase (optional)", what="The phase", required=False, max_length=limit_of(FundingLine, "phase")
    )
    body = govuk.TextField(
        label="Approved by (optional)",
        what="Approved by",
        required=False,
        max_length=limit_of(FundingLine, "body"),
    )
    decided = DateField(label="Decision date (optional)", what="The decision date", required=False)
    reference = govuk.TextField(
        label="Decision reference (optional)", what="The decision reference", required=False,
        max_length=limit_of(FundingLine, "reference"),
    )  # fmt: skip
    comment = govuk.TextField(
        label="Comments (optional)", what="The comments", required=False, max_length=LONG_TEXT,
        widget=govuk.Textarea(rows=3),
    )  # fmt: skip
    actions = govuk.TextField(
        label="Actions it pays for (optional)", what="The actions", required=False, max_length=2_000,
        help_text="Their IDs, separated by commas, for example 4.2, 4.3",
    )  # fmt: skip
    revision = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput())

    def __init__(self, *args: Any, years: list[str], action_ids: set[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.years, self.action_ids = years, action_ids
        for year in years:
            self.fields[f"{year}-budget"] = _money(f"{year} {FIGURE_LABELS['budget']}", required=True)
            for name in ("spend", "committed"):
                self.fields[f"{year}-{name}"] = _money(f"{year} {FIGURE_LABELS[name]}")
            for name in POSTS:
                self.fields[f"{year}-{name}"] = _posts(f"{year} {FIGURE_LABELS[name]}")
        self.fields["new_year"] = govuk.TextField(
            label="Add a financial year (optional)", what="The financial year", required=False, max_length=9,
            help_text="For example 2018/19", widget=govuk.TextInput(width="5"),
        )  # fmt: skip
        self.fields["new-budget"] = _money(f"The new year's {FIGURE_LABELS['budget']}")
        for name in ("spend", "committed"):
            self.fields[f"new-{name}"] = _money(f"the new year's {FIGURE_LABELS[name]}")
        for name in POSTS:
            self.fields[f"new-{name}"] = _posts(f"the new year's {FIGURE_LABELS[name]}")

    def clean_actions(self) -> tuple[str, ...]:
        found, wrong = in_plan(self.cleaned_data["actions"], self.action_ids)
        if wrong:
            raise forms.ValidationError(wrong)
        return found

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        typed = data.get("new_year") or ""
        if typed:
            year = financial_year_text(typed)
            if year is None:
                self.add_error("new_year", f"'{typed}' is not a financial year: enter one such as 2018/19")
            elif year in self.years:
                self.add_error("new_year", f"{year} is already a year of this line: change its figures above")
            else:
                data["new_year"] = year
                if data.get("new-budget") is None and "new-budget" not in self.errors:
                    self.add_error(
                        "new-budget", "Enter the new year's budget, in £'000 (0 when there is none)"
                    )
        elif any(data.get(f"new-{name}") is not None for name in (*MONEY, *POSTS)):
            self.add_error("new_year", "Enter the financial year these figures are for, such as 2018/19")
        return data

    def year_figures(self) -> dict[str, dict[str, int | Decimal | None]]:
        """Each year's figures as typed, the new year's among them."""
        data = self.cleaned_data
        found = {year: {name: data.get(f"{year}-{name}") for name in (*MONEY, *POSTS)} for year in self.years}
        if data.get("new_year"):
            found[data["new_year"]] = {name: data.get(f"new-{name}") for name in (*MONEY, *POSTS)}
        return found
