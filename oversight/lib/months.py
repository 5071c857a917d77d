"""Calendar months as the first day of the month: arithmetic and the labels councils use."""

from __future__ import annotations

import calendar
from datetime import date


def month_of(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> int:
    """How many months `last` is after `first` (0 for the same month)."""
    return (last.year - first.year) * 12 + last.month - first.month


def last_day(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def month_name(month: date) -> str:
    """'January 2017'."""
    return f"{calendar.month_name[month.month]} {month.year}"


def day_name(day: date | None) -> str:
    """'31 January 2017' ('' for no day)."""
    return f"{day:%-d %B %Y}" if day else ""


def short_month_name(month: date) -> str:
    """'Jan 17', as the councils' trend tables head their columns."""
    return f"{calendar.month_abbr[month.month]} {month.year % 100:02d}"


def iso_month(month: date) -> str:
    """'2017-01'."""
    return f"{month.year:04d}-{month.month:02d}"


def range_name(first: date, last: date) -> str:
    """'March 2017', 'January - March 2017' or 'December 2016 - March 2017'."""
    if first == last:
        return month_name(last)
    if first.year == last.year:
        return f"{calendar.month_name[first.month]} - {month_name(last)}"
    return f"{month_name(first)} - {month_name(last)}"


EARLIEST_YEAR, LATEST_YEAR = 1990, 2100  # months outside these are typing mistakes


def parse_iso_month(text: str) -> date | None:
    """The first day of the month named 'YYYY-MM', or None for anything else (or a year before
    1990 or after 2100, which can only be a typing mistake)."""
    try:
        year, month = (int(part) for part in text.strip().split("-"))
        chosen = date(year, month, 1)
    except ValueError:
        return None
    return chosen if EARLIEST_YEAR <= chosen.year <= LATEST_YEAR else None


def parse_iso_date(text: str) -> date | None:
    """The date named 'YYYY-MM-DD', or None for anything else."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None
