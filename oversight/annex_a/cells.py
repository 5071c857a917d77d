"""Reading Annex A cells as councils' systems write them: lenient headers, dates as spreadsheet dates
or dd/mm/yyyy text, codes with or without their letter prefix. A value that cannot be read is an
error with the reason, never a guess."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from oversight.annex_a.lists import AnnexColumn, AnnexList

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " ", "\u2007": " ", "\u202f": " "})
_CODE_PREFIX = re.compile(r"^\s*[a-z]\)\s*", re.I)
_UK_DATE = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$")  # 16/09/2022, 16.09.2022, 16-09-2022
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?$")
# A date in a cell formatted General arrives as Excel's day number (44271 is 16 March 2021). Only
# numbers that are days from 1950 to 2099 are taken as dates, so a stray count is never read as one.
SERIAL_DATE = r"\d{5}(?:\.\d+)?"
FIRST_SERIAL, LAST_SERIAL = 18264, 73050
EXCEL_EPOCH = date(1899, 12, 30)
WHOLE_NUMBER = r"\d{1,9}(?:\.0+)?"  # '2', and '2.0' as CSV files written by pandas give it
DECIMAL_NUMBER = r"\d{1,9}(?:\.\d+)?"
YES = {"yes", "y", "true"}
NO = {"no", "n", "false"}


class CellError(ValueError):
    pass


def clean_text(value: object) -> str:
    """Text with curly quotes straightened, non-breaking spaces made plain, and spacing tidied."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(unicodedata.normalize("NFKC", str(value)).translate(_QUOTES).split())


def header_key(value: object) -> str:
    return re.sub(r"[^a-z0-9]", "", clean_text(value).casefold())


@dataclass(frozen=True)
class HeaderMatch:
    positions: dict[str, int]  # column key -> index in the row
    missing_required: list[str]
    missing: list[str]  # optional columns not found
    unrecognised: list[str]  # headers in the file that are not Annex A columns


def match_headers(annex: AnnexList, cells: Sequence[object]) -> HeaderMatch:
    wanted: dict[str, AnnexColumn] = {}
    for column in annex.columns:
        for name in (column.header, *column.aliases):
            wanted.setdefault(header_key(name), column)
    positions: dict[str, int] = {}
    unrecognised = []
    for index, cell in enumerate(cells):
        found = wanted.get(header_key(cell))
        if found is not None and found.key not in positions:
            positions[found.key] = index
        elif clean_text(cell):
            unrecognised.append(clean_text(cell))
    absent = [c for c in annex.columns if c.key not in positions]
    return HeaderMatch(
        positions,
        [c.header for c in absent if c.required],
        [c.header for c in absent if not c.required],
        unrecognised,
    )


def parse_date(value: object) -> date | None:
    """A date from a spreadsheet date, 'dd/mm/yyyy' (or with dots or dashes), 'yyyy-mm-dd', or Excel's
    day number from a cell formatted General; None for a blank cell."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = clean_text(value)
    if not text:
        return None
    if text.startswith("="):
        raise CellError(f"a formula ({text}) with no value saved: save the workbook in Excel, then load it")
    if re.fullmatch(SERIAL_DATE, text) and FIRST_SERIAL <= int(float(text)) <= LAST_SERIAL:
        return EXCEL_EPOCH + timedelta(days=int(float(text)))
    uk, iso = _UK_DATE.match(text), _ISO_DATE.match(text)
    if uk is not None:
        day, month, year = int(uk.group(1)), int(uk.group(3)), int(uk.group(4))
    elif iso is not None:
        year, month, day = (int(part) for part in iso.groups())
    else:
        raise CellError(f"'{text}' is not a date: expected a date such as 16/09/2022")
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError(f"'{text}' is not a date that exists") from None


def strip_code(value: object) -> str:
    """'b) Female' and 'Female' are the same answer."""
    return _CODE_PREFIX.sub("", clean_text(value))


def parse_yes_no(value: object) -> bool | None:
    text = strip_code(value).casefold()
    if not text:
        return None
    if text in YES:
        return True
    if text in NO:
        return False
    raise CellError(f"'{clean_text(value)}' is not an answer this column takes: expected Yes or No (or Y, N)")


def parse_number(value: object) -> int | None:
    """A count: '2', or '2.0' as pandas writes it; never a guess for '#N/A' or 'two'."""
    text = clean_text(value)
    if not text:
        return None
    if not re.fullmatch(WHOLE_NUMBER, text):
        raise CellError(f"'{text}' is not a whole number")
    return int(float(text))


def parse_decimal(value: object) -> Decimal | None:
    """A number that may have a fraction, such as an age worked out from the date of birth (6.138…)."""
    text = clean_text(value)
    if not text:
        return None
    if not re.fullmatch(DECIMAL_NUMBER, text):
        raise CellError(f"'{text}' is not a number")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise CellError(f"'{text}' is not a number") from None
