"""Working days: weekdays that are not bank holidays in England, one-off ones included.

The bank holidays come from the maintained `holidays` library, never from a hand-typed list. Each day
gets a running count of the working days up to and including it, so the working days between two
dates is a subtraction, here and in DuckDB (which is given the same table).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays

FIRST_YEAR, LAST_YEAR = 1990, 2045  # children in an extract were born, and cases ran, within these


class OutsideCalendar(ValueError):
    pass


@cache
def bank_holidays() -> dict[date, str]:
    """England's bank holidays (the 'ENG' subdivision of the United Kingdom), by date."""
    found = holidays.country_holidays("GB", subdiv="ENG", years=range(FIRST_YEAR, LAST_YEAR + 1))
    return dict(found.items())


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays()


@cache
def running_counts() -> tuple[date, list[int]]:
    """The calendar: its first day, and for each day from then the working days up to and including
    it. The Annex A engine is given this same table, so that both count alike."""
    first = date(FIRST_YEAR, 1, 1)
    counts, total, day = [], 0, first
    while day.year <= LAST_YEAR:
        total += is_working_day(day)
        counts.append(total)
        day += timedelta(days=1)
    return first, counts


def working_day_number(day: date) -> int:
    """How many working days there are from 1 January 1990 up to and including `day`."""
    first, counts = running_counts()
    offset = (day - first).days
    if not 0 <= offset < len(counts):
        raise OutsideCalendar(
            f"{day:%d %B %Y} is outside the working-day calendar ({FIRST_YEAR}-{LAST_YEAR})"
        )
    return counts[offset]


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`: the same day is 0, Friday to the next
    Monday is 1, and Friday 16 September 2022 to Monday 10 October 2022 is 15 (19 September 2022,
    the Queen's state funeral, was a bank holiday). Negative when `end` is before `start`."""
    return working_day_number(end) - working_day_number(start)
