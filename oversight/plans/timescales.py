"""Reads the timescales councils write ('Dec-16', 'Oct - Dec 16', 'Q3 2016/17') as a range of months."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from oversight.lib.months import add_months, range_name

EXAMPLES = "'Dec-16', 'Oct - Dec 16', 'Nov 16 - Jun 17', 'Q3 2016/17' or '31/12/2016'"

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"'?(?:\d{4}|\d{2})"
_SEP = r"\s*(?:-|to|until)\s*"

_SINGLE = re.compile(rf"(?P<m>{_MONTH})[\s\-/]*(?P<y>{_YEAR})")
_SAME_YEAR = re.compile(rf"(?P<m1>{_MONTH}){_SEP}(?P<m2>{_MONTH})[\s\-/]*(?P<y>{_YEAR})")
_TWO_YEARS = re.compile(
    rf"(?P<m1>{_MONTH})[\s\-/]*(?P<y1>{_YEAR}){_SEP}(?P<m2>{_MONTH})[\s\-/]*(?P<y2>{_YEAR})"
)
_QUARTER = re.compile(r"q(?P<q>[1-4])\s*(?:fy\s*)?(?P<y1>\d{4}|\d{2})\s*[/\-]\s*(?P<y2>\d{4}|\d{2})")
_ISO_DAY = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
_ISO_MONTH = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})")
_UK_DAY = re.compile(r"(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4}|\d{2})")
_UK_MONTH = re.compile(r"(?P<m>\d{1,2})/(?P<y>\d{4})")


class TimescaleError(ValueError):
    def __init__(self, text: object, reason: str = "") -> None:
        self.text = text
        why = f" ({reason})" if reason else ""
        super().__init__(f"'{text}' is not a timescale Oversight can read{why}: expected {EXAMPLES}")


@dataclass(frozen=True, order=True)
class Timescale:
    """The first and last month of an action's timescale (each the first day of its month)."""

    first: date
    last: date

    @property
    def name(self) -> str:
        return range_name(self.first, self.last)


def parse_timescale(text: object) -> Timescale:
    """The range of months a timescale covers; TimescaleError for anything not certain."""
    if isinstance(text, datetime):
        text = text.date()
    if isinstance(text, date):
        month = text.replace(day=1)
        return Timescale(month, month)
    if not isinstance(text, str):
        raise TimescaleError(text)
    clean = re.sub(r"\s+", " ", re.sub(r"[\u2010-\u2015\u2212]", "-", text)).strip().lower()
    if not clean:
        raise TimescaleError(text, "it is empty")
    for parse in (_single, _same_year, _two_years, _quarter, _numeric):
        found = parse(clean, text)
        if found is not None:
            if found.last < found.first:
                raise TimescaleError(text, "it ends before it starts")
            return found
    raise TimescaleError(text)


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".")]


def _year(digits: str) -> int:
    digits = digits.lstrip("'")
    return int(digits) if len(digits) == 4 else 2000 + int(digits)


def _single(clean: str, text: object) -> Timescale | None:
    m = _SINGLE.fullmatch(clean)
    if not m:
        return None
    month = date(_year(m["y"]), _month(m["m"]), 1)
    return Timescale(month, month)


def _same_year(clean: str, text: object) -> Timescale | None:
    m = _SAME_YEAR.fullmatch(clean)
    if not m:
        return None
    last = date(_year(m["y"]), _month(m["m2"]), 1)
    first = last.replace(month=_month(m["m1"]))
    if first > last:  # "Nov - Feb 17" runs from November of the year before
        first = first.replace(year=first.year - 1)
    return Timescale(first, last)


def _two_years(clean: str, text: object) -> Timescale | None:
    m = _TWO_YEARS.fullmatch(clean)
    if not m:
        return None
    first = date(_year(m["y1"]), _month(m["m1"]), 1)
    return Timescale(first, date(_year(m["y2"]), _month(m["m2"]), 1))


def _quarter(clean: str, text: object) -> Timescale | None:
    m = _QUARTER.fullmatch(clean)
    if not m:
        return None
    start_year = _year(m["y1"])
    if _year(m["y2"]) != start_year + 1:
        raise TimescaleError(text, "a financial year runs into the next calendar year")
    first = add_months(date(start_year, 4, 1), 3 * (int(m["q"]) - 1))
    return Timescale(first, add_months(first, 2))


def _numeric(clean: str, text: object) -> Timescale | None:
    for pattern in (_ISO_DAY, _UK_DAY, _ISO_MONTH, _UK_MONTH):
        m = pattern.fullmatch(clean)
        if m:
            try:
                day = date(_year(m["y"]), int(m["m"]), int(m["d"]) if "d" in m.groupdict() else 1)
            except ValueError:
                raise TimescaleError(text, "there is no such date") from None
            month = day.replace(day=1)
            return Timescale(month, month)
    return None
