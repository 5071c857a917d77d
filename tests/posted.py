"""What a browser sends for the site's forms: a date typed in GOV.UK's day, month and year boxes is
three fields, named after the date's field."""

from __future__ import annotations

from datetime import date


def date_boxes(name: str, day: date) -> dict[str, str]:
    """The day, month and year boxes of the date field `name`, holding `day` as a person types it."""
    return {f"{name}-day": str(day.day), f"{name}-month": str(day.month), f"{name}-year": str(day.year)}


def typed_date(name: str, day: str, month: str, year: str) -> dict[str, str]:
    """The boxes as typed, for dates that are wrong or missing a part."""
    return {f"{name}-day": day, f"{name}-month": month, f"{name}-year": year}


def month_boxes(name: str, month: date) -> dict[str, str]:
    """The month and year boxes of the month field `name`."""
    return {f"{name}-month": str(month.month), f"{name}-year": str(month.year)}
