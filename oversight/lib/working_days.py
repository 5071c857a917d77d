"""Working days: weekdays that are not bank holidays, one-off ones included.

A calendar runs from 1990 to 2045 (children in an extract were born, and cases ran, within these) and
gives each day a running count of the working days up to and including it, so that the working days
between two dates is a subtraction, in Python and in DuckDB (which is given the same table). England's
bank holidays come from the maintained `holidays` library, never from a hand-typed list.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from functools import cache, cached_property

import holidays

FIRST_YEAR, LAST_YEAR = 1990, 2045


class OutsideCalendar(ValueError):
    pass


class WorkingDayCalendar:
    """Weekdays that are not among its holidays, from 1 January FIRST_YEAR to 31 December LAST_YEAR."""

    def __init__(self, name: str, bank_holidays: Mapping[date, str]) -> None:
        self.name = name
        self.bank_holidays = dict(bank_holidays)

    def __repr__(self) -> str:
        return f"WorkingDayCalendar({self.name!r}, {len(self.bank_holidays)} bank holidays)"

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.bank_holidays

    @cached_property
    def running_counts(self) -> tuple[date, list[int]]:
        """The calendar's first day, and for each day from then the working days up to and including
        it. The Annex A engine is given this same table, so that both count alike."""
        first = date(FIRST_YEAR, 1, 1)
        counts, total, day = [], 0, first
        while day.year <= LAST_YEAR:
            total += self.is_working_day(day)
            counts.append(total)
            day += timedelta(days=1)
        return first, counts

    def working_day_number(self, day: date) -> int:
        """How many working days there are from 1 January 1990 up to and including `day`."""
        first, counts = self.running_counts
        offset = (day - first).days
        if not 0 <= offset < len(counts):
            raise OutsideCalendar(
                f"{day:%d %B %Y} is outside the working-day calendar ({FIRST_YEAR}-{LAST_YEAR})"
            )
        return counts[offset]

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`: the same day is 0, Friday to the next
        Monday is 1, and in England Friday 16 September 2022 to Monday 10 October 2022 is 15 (19
        September 2022, the Queen's state funeral, was a bank holiday). Negative when `end` is before
        `start`."""
        return self.working_day_number(end) - self.working_day_number(start)


@cache
def england() -> WorkingDayCalendar:
    """England's bank holidays (the 'ENG' subdivision of the United Kingdom)."""
    found = holidays.country_holidays("GB", subdiv="ENG", years=range(FIRST_YEAR, LAST_YEAR + 1))
    return WorkingDayCalendar("England", dict(found.items()))
