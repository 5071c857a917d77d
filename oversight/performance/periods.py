"""The period a day falls in for an indicator's frequency: the first day of its week, month or quarter."""

from __future__ import annotations

from datetime import date, timedelta

from oversight.lib.months import month_name, month_of


def period_of(frequency: str, day: date) -> date:
    """Weekly: the week's Monday; quarterly: the first day of the quarter (1 January, April, July or
    October, which are also the financial year's quarters); otherwise the first day of the month."""
    if frequency == "weekly":
        return day - timedelta(days=day.weekday())
    if frequency == "quarterly":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return month_of(day)


def period_name(frequency: str, period: date) -> str:
    """'week of 29 May 2023', 'May 2023', 'quarter from April 2023'."""
    if frequency == "weekly":
        return f"week of {period.day} {period:%B %Y}"
    if frequency == "quarterly":
        return f"quarter from {month_name(period)}"
    return month_name(period)
