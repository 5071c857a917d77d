"""Random timescales in the formats plans use ('Dec-16', 'Q3 2016/17', ...) within a window of months."""

from __future__ import annotations

import calendar
import random
from dataclasses import dataclass
from datetime import date

from oversight.lib.months import add_months, months_between

# Weights of each way of writing a timescale, roughly as council plans mix them.
FORMATS = {"single": 30, "same_year": 20, "two_years": 15, "quarter": 20, "day": 15}


@dataclass(frozen=True)
class Written:
    """A timescale as written in the plan, with the months it covers."""

    text: str
    first: date
    last: date
    as_date: date | None = None  # the day, for a timescale written as a date


def _abbr(month: date) -> str:
    return calendar.month_abbr[month.month]


def _yy(month: date) -> str:
    return f"{month.year % 100:02d}"


def write_timescale(rng: random.Random, start: date, months: int) -> Written:
    """A timescale ending in one of the `months` months from `start`."""
    kind = rng.choices(list(FORMATS), weights=list(FORMATS.values()))[0]
    end = add_months(start, months - 1)
    last = add_months(start, rng.randrange(months))
    if kind == "quarter":
        return _quarter(last, start, end)
    if kind == "day":
        day = rng.choice((calendar.monthrange(last.year, last.month)[1], rng.randint(1, 28)))
        as_date = last.replace(day=day)
        return Written(f"{as_date:%d/%m/%Y}", last, last, as_date)
    if kind == "single":
        return Written(f"{_abbr(last)}-{_yy(last)}", last, last)
    span = rng.randint(1, 5) if kind == "same_year" else rng.randint(3, 12)
    first = max(add_months(last, -span), start)
    if first == last:
        return Written(f"{_abbr(last)}-{_yy(last)}", last, last)
    if first.year == last.year:
        return Written(f"{_abbr(first)} - {_abbr(last)} {_yy(last)}", first, last)
    return Written(f"{_abbr(first)} {_yy(first)} - {_abbr(last)} {_yy(last)}", first, last)


def _quarter(last: date, start: date, end: date) -> Written:
    """The financial-year quarter (April to March) containing `last`, kept inside the window."""
    first = date(last.year, last.month - (last.month - 1) % 3, 1)  # Jan, Apr, Jul or Oct
    if first < start:
        first = add_months(first, 3)
    if add_months(first, 2) > end:
        first = add_months(first, -3)
    fy = first.year if first.month >= 4 else first.year - 1
    quarter = months_between(date(fy, 4, 1), first) // 3 + 1
    return Written(f"Q{quarter} {fy}/{(fy + 1) % 100:02d}", first, add_months(first, 2))
