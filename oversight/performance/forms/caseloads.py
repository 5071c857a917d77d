"""The caseload policy's forms: adding a band, changing or removing one, and naming a team's type."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.html import format_html

from oversight.annex_a.bands import Band
from oversight.govuk import forms as govuk
from oversight.performance.caseload_policy import TEAM_TYPE_LENGTH, BandFields, read_band

WHOLE_NUMBER = {"inputmode": "numeric"}


class BandForm(govuk.GovUKForm):
    """A new band: its team type and its fewest and most open cases per worker."""

    team_type = govuk.TextField(
        label="Team type",
        help_text="For example Disabled children",
        required=False,
        widget=govuk.TextInput(width="one-half"),
    )
    low = govuk.TextField(
        label="Fewest open cases per worker",
        help_text="Leave empty for a band with only a top, for example up to 20",
        required=False,
        max_length=20,
        widget=govuk.TextInput(width="3", attrs=WHOLE_NUMBER),
    )
    high = govuk.TextField(
        label="Most open cases per worker",
        required=False,
        max_length=20,
        widget=govuk.TextInput(width="3", attrs=WHOLE_NUMBER),
    )

    typed: Band | None = None  # the band, once the form is valid

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors:
            self.typed, problems = read_band(self.band_type(data), data["low"], data["high"], BandFields())
            for name, message in problems.items():
                self.add_error(name, message)
        return data

    def band_type(self, data: dict[str, Any]) -> str:
        return str(data["team_type"])


class BandChangeForm(BandForm):
    """A band's fewest and most cases, on its row of the policy: its team type is the row's."""

    band = forms.CharField(widget=forms.HiddenInput(), max_length=TEAM_TYPE_LENGTH)

    def __init__(self, *args: Any, index: int, band: Band | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"%s-{index}")
        if band is not None:
            kwargs.setdefault("initial", {"band": band.team_type, "low": band.low, "high": band.high})
        super().__init__(*args, **kwargs)
        del self.fields["team_type"]
        team_type = band.team_type if band else str(self.data.get("band", ""))
        self.fields["low"].label = format_html(
            'Fewest<span class="govuk-visually-hidden"> cases for {}</span>', team_type
        )
        self.fields["high"].label = format_html(
            'Most<span class="govuk-visually-hidden"> cases for {}</span>', team_type
        )
        for name in ("low", "high"):
            self.fields[name].help_text = ""

    def band_type(self, data: dict[str, Any]) -> str:
        return str(data["band"])


class TeamTypeForm(govuk.GovUKForm):
    """The type named for a team whose name does not tell it; none goes back to reading its name."""

    team = forms.CharField(widget=forms.HiddenInput(), max_length=200)
    team_type = forms.ChoiceField(required=False, widget=govuk.Select())

    def __init__(
        self, *args: Any, index: int, team: str, from_name: str, named: str, types: list[str], **kwargs: Any
    ) -> None:
        kwargs.setdefault("auto_id", f"%s-{index}")
        kwargs.setdefault("initial", {"team": team, "team_type": named})
        super().__init__(*args, **kwargs)
        field = self.fields["team_type"]
        field.label = format_html('Type<span class="govuk-visually-hidden"> of {}</span>', team)
        field.widget.attrs["id"] = f"type-of-{index}"
        extra = [(named, f"{named} (no band)")] if named and named not in types else []
        field.choices = [  # type: ignore[attr-defined]
            ("", f"From its name ({from_name or 'not known'})"),
            *((kind, kind) for kind in types),
            *extra,
        ]
