"""Reads a file of indicators' values by period: one row a value (Indicator, Period, Value), or one
column a month (Indicator, then columns headed 2018-01, Jan 2018, January 2018 or a date). Pure: the
plan's indicators come in as plain data; every problem is collected before any is reported."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from oversight.lib.lengths import LONG_TEXT
from oversight.lib.problems import ImportFailed, Problem
from oversight.lib.spreadsheets import Column, Located, cell_text, locate, read_sheets
from oversight.performance.indicator_file import INDICATOR, cell_number, name_key
from oversight.performance.periods import period_name, period_of
from oversight.plans.cell_dates import cell_day
from oversight.plans.reading_limits import reading_limits

VALUE_COLUMNS = (
    INDICATOR,
    Column("period", "Period", ("Month", "Date", "Week", "Quarter"), required=False),
    Column("value", "Value", ("Actual", "Result", "Figure"), required=False),
    Column(
        "commentary",
        "Commentary",
        ("Story behind the figure", "The story behind the figure", "Comment", "Comments", "Notes"),
        required=False,
    ),
)
PERIOD_EXAMPLES = "a month such as 2018-01, Jan 2018 or January 2018, or a date"
VALUE_EXAMPLES = "a number such as 86, 86.5 or 86%; leave the cell blank when there is no value"


@dataclass(frozen=True)
class KnownIndicator:
    pk: int
    name: str
    frequency: str


@dataclass(frozen=True)
class ValueCell:
    """One value to record: the indicator, its period, and the cell it came from."""

    indicator: KnownIndicator
    period: date
    value: Decimal
    row: int
    column: str
    commentary: str | None = None  # None: the file has no commentary for it


@dataclass
class ValueFile:
    file: str
    sheet: str
    layout: str  # "long" (Indicator, Period, Value) or "wide" (a column a month)
    values: list[ValueCell]
    blank: int = 0  # cells with no value, skipped
    columns_not_read: list[str] = field(default_factory=list)


def read_value_file(path: Path, indicators: list[KnownIndicator], sheet: str | None = None) -> ValueFile:
    """The values in a file, every one checked: each names an indicator of the plan, a period and a
    number, and no indicator has two values for one period."""
    located = locate(read_sheets(path, reading_limits(), sheet, percentages=True), VALUE_COLUMNS)
    known = {name_key(i.name): i for i in indicators}
    if "period" in located.positions and "value" in located.positions:
        found = _long(located, known)
    else:
        found = _wide(located, known)
    problems = found.problems + _twice(found.file.values, located)
    if problems:
        raise ImportFailed(problems)
    return found.file


@dataclass
class _Read:
    file: ValueFile
    problems: list[Problem]


def _indicator(
    located: Located, row: int, cells: tuple[object, ...], known: dict[str, KnownIndicator]
) -> KnownIndicator | Problem:
    name = cell_text(located.value(cells, "name"))
    where = located.column_name("name")
    if not name:
        return located.sheet.problem("expected the indicator's name", row, where)
    if name_key(name) in known:
        return known[name_key(name)]
    close = difflib.get_close_matches(name_key(name), list(known), n=1)
    hint = f" (did you mean '{known[close[0]].name}'?)" if close else ""
    return located.sheet.problem(
        f"there is no indicator '{name}' in this plan{hint}: expected the name of one of its indicators;"
        " import new indicators first",
        row,
        where,
    )


def _value(located: Located, row: int, raw: object, column: str, problems: list[Problem]) -> Decimal | None:
    try:
        return cell_number(raw)
    except ValueError:
        problems.append(
            located.sheet.problem(
                f"'{cell_text(raw)}' is not a number: expected {VALUE_EXAMPLES}", row, column
            )
        )
        return None


def _long(located: Located, known: dict[str, KnownIndicator]) -> _Read:
    read = _Read(ValueFile(located.sheet.file, located.sheet.name, "long", []), [])
    column = located.column_name("value")
    for row, cells in located.data_rows():
        raw = located.value(cells, "value")
        if not cell_text(raw):
            read.file.blank += 1
            continue
        indicator = _indicator(located, row, cells, known)
        period = cell_text(located.value(cells, "period"))
        day = cell_day(located.value(cells, "period"))
        if day is None:
            found = f"'{period}' is not a period" if period else "the period is missing"
            read.problems.append(
                located.sheet.problem(
                    f"{found}: expected {PERIOD_EXAMPLES}", row, located.column_name("period")
                )
            )
        value = _value(located, row, raw, column, read.problems)
        if isinstance(indicator, Problem):
            read.problems.append(indicator)
        elif day is not None and value is not None:
            words = (
                cell_text(located.value(cells, "commentary")) if "commentary" in located.positions else None
            )
            read.file.values.append(
                ValueCell(indicator, period_of(indicator.frequency, day), value, row, column, words)
            )
        read.problems += located.too_long(row, cells, {"commentary": LONG_TEXT})
    return read


def _wide(located: Located, known: dict[str, KnownIndicator]) -> _Read:
    read = _Read(ValueFile(located.sheet.file, located.sheet.name, "wide", []), [])
    months: dict[int, date] = {}
    for index, header in enumerate(located.header):
        if index == located.positions["name"]:
            continue
        day = cell_day(header)
        if day is not None:
            months[index] = day
        elif cell_text(header):
            read.file.columns_not_read.append(located.column_at(index))
    if not months:
        read.problems.append(
            located.sheet.problem(
                "expected Period and Value columns, or one column for each month headed like 2018-01,"
                " Jan 2018 or January 2018",
                located.header_row,
            )
        )
        return read
    for row, cells in located.data_rows():
        filled = {i: cells[i] for i in months if i < len(cells) and cell_text(cells[i])}
        read.file.blank += len(months) - len(filled)
        if not filled:
            continue  # a heading such as 'Safeguarding', or an indicator with nothing to record yet
        indicator = _indicator(located, row, cells, known)
        if isinstance(indicator, Problem):
            read.problems.append(indicator)
        for index, raw in filled.items():
            column = located.column_at(index)
            value = _value(located, row, raw, column, read.problems)
            if value is not None and not isinstance(indicator, Problem):
                period = period_of(indicator.frequency, months[index])
                read.file.values.append(ValueCell(indicator, period, value, row, column))
    return read


def _twice(values: list[ValueCell], located: Located) -> list[Problem]:
    """A second value for an indicator's period: the file must say which one it means."""
    first: dict[tuple[int, date], ValueCell] = {}
    problems = []
    for cell in values:
        earlier = first.setdefault((cell.indicator.pk, cell.period), cell)
        if earlier is not cell:
            period = period_name(cell.indicator.frequency, cell.period)
            problems.append(
                located.sheet.problem(
                    f"a second value for '{cell.indicator.name}', {period} (the first is on row"
                    f" {earlier.row}, column {earlier.column}): keep one",
                    cell.row,
                    cell.column,
                )
            )
    return problems
