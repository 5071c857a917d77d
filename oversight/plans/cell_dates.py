"""A day as a spreadsheet cell gives it, read the same way by every import: a date, '2018-01-15',
'15/01/2018', or the first day of a month ('2018-01', 'Jan 2018', 'January 2018') or of a quarter
('Q3 2016/17'). Never a guess: anything else is None, for the import to name as a problem."""

from __future__ import annotations

import re
from datetime import date, datetime

from oversight.lib.months import EARLIEST_YEAR, LATEST_YEAR, parse_iso_date
from oversight.lib.spreadsheets import cell_text
from oversight.plans.timescales import TimescaleError, parse_timescale


def cell_day(value: object) -> date | None:
    """The day a period cell names: a date, '2018-01-15', '15/01/2018', or the first day of a month
    ('2018-01', 'Jan 2018', 'January 2018') or of a quarter ('Q3 2016/17'); None for anything else,
    and for a year before 1990 or after 2100 (a typing mistake)."""
    day = _day(value)
    return day if day is not None and EARLIEST_YEAR <= day.year <= LATEST_YEAR else None


def _day(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    uk = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    try:
        day = date(int(uk[3]), int(uk[2]), int(uk[1])) if uk else parse_iso_date(text)
    except ValueError:
        return None
    if day is not None:
        return day
    try:
        months = parse_timescale(text)
    except TimescaleError:
        return None
    quarter = months.first.month % 3 == 1 and (months.last.month - months.first.month) == 2
    return months.first if months.first == months.last or quarter else None
