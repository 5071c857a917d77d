"""Dates typed in GOV.UK's date input (a box each for the day, month and year), read as the Design System
asks: a month may be a number or a name, a missing box is named, an impossible date is refused with the
boxes it is about. Never a guess: '31 2 2017' is not the 3rd of March."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from oversight.govuk.forms import DateInput, MonthInput

MONTH_NAMES = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}


class DateProblem(ValueError):
    """What is wrong with a typed date: 'required', 'incomplete' (with the missing parts), 'year' or
    'invalid', and the boxes it is about."""

    def __init__(self, code: str, parts: tuple[str, ...], missing: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.parts = parts
        self.missing = missing


def _number(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() else None


def _month(text: str) -> int | None:
    return _number(text) if text.isdigit() else MONTH_NAMES.get(text.lower().rstrip("."))


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def read_date(typed: Mapping[str, str], parts: tuple[str, ...] = ("day", "month", "year")) -> date:
    """The date the boxes give (the 1st of the month when there is no day box), or DateProblem."""
    texts = {part: typed.get(part, "").strip() for part in parts}
    missing = [part for part in parts if not texts[part]]
    if len(missing) == len(parts):
        raise DateProblem("required", parts)
    if missing:
        raise DateProblem("incomplete", tuple(missing), _and(missing))
    day = _number(texts["day"]) if "day" in parts else 1
    month = _month(texts["month"])
    year = _number(texts["year"])
    if year is None or len(texts["year"]) != 4:
        raise DateProblem("year", ("year",))
    wrong = tuple(
        part
        for part, value, top in (("day", day, 31), ("month", month, 12))
        if part in parts and (value is None or not 1 <= value <= top)
    )
    if wrong:
        raise DateProblem("invalid", wrong)
    assert day is not None and month is not None
    try:
        return date(year, month, day)
    except ValueError:
        raise DateProblem("invalid", ("day",) if "day" in parts else parts) from None


class DateField(forms.Field):
    """A date typed in the date input. `what` names it in its error messages, as GOV.UK words them:
    'Enter the date of the meeting', 'The date of the meeting must include a month', '… must be a real
    date'."""

    widget = DateInput
    parts: tuple[str, ...] = ("day", "month", "year")

    def __init__(self, *, what: str = "The date", **kwargs: Any) -> None:
        words = what[:1].lower() + what[1:]
        messages = {
            "required": f"Enter {words}",
            "incomplete": f"{what} must include a %(missing)s",
            "year": "Year must include 4 numbers",
            "invalid": f"{what} must be a real date",
        }
        kwargs["error_messages"] = messages | dict(kwargs.get("error_messages") or {})
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> date | None:
        if isinstance(value, date) or value is None:
            return value
        try:
            return read_date(value, self.parts)
        except DateProblem as problem:
            if problem.code == "required":
                return None  # Field.validate says so, when the field is required
            raise ValidationError(
                self.error_messages[problem.code],
                code=problem.code,
                params={"missing": problem.missing, "parts": problem.parts},
            ) from None


class MonthField(DateField):
    """A month typed as its month and year: the 1st of the month."""

    widget = MonthInput
    parts = ("month", "year")
