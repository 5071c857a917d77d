"""The made-up Annex A extract (synthetic.py's CSVs) as one workbook, as a council's Excel holds it: a
sheet "List N" per list, a date as a date, a whole number as a number, '#N/A' as Excel's error value and
'=H2+5' as a formula never calculated. Loaded, it gives the same rows and the same problems as the CSVs;
the tests check that, and the benchmark times the two."""

from __future__ import annotations

import csv
import re
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

_DATE = re.compile(r"(\d{2})/(\d{2})/(\d{4})")
_WHOLE = re.compile(r"-?[1-9]\d{0,8}|0")


def typed(text: str) -> object:
    """A CSV cell as Excel would hold it once typed in: dd/mm/yyyy a date, a whole number a number."""
    if match := _DATE.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
        try:
            return datetime(year, month, day)
        except ValueError:
            return text  # 31/02/2023 stays the text it was typed as
    if _WHOLE.fullmatch(text):
        return int(text)
    return text or None


def write_workbook(paths: dict[int, Path], out: Path) -> Path:
    """Writes the lists' CSVs into one workbook at `out` (openpyxl, writing as it goes)."""
    book = Workbook(write_only=True)
    for number, path in sorted(paths.items()):
        sheet = book.create_sheet(f"List {number}")
        with path.open(newline="", encoding="utf-8") as handle:
            rows = csv.reader(handle)
            sheet.append(next(rows))
            for row in rows:
                sheet.append([typed(cell) for cell in row])
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return out
