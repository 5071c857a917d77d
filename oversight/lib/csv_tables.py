"""A table as a CSV file: its headers and rows (and total), UTF-8 with a byte-order mark so that Excel
reads it as UTF-8, and a value that a spreadsheet would run as a formula (starting with =, +, - or @)
written as text with a leading apostrophe."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from oversight.lib.tables import Table

FORMULA_STARTS = ("=", "+", "-", "@")


def as_text(value: object) -> object:
    """A number as it is; anything else as text, guarded against being run as a formula."""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def table_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([as_text(header) for header in table.headers])
    writer.writerows([as_text(value) for value in row] for row in table.body)
    return out.getvalue().encode("utf-8-sig")
