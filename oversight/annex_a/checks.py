"""Annex A values checked in DuckDB: each cell's typed value, and a flag for each value that could not be
read or contradicts another. The flags stay with the row, so that the load reports every problem by
row and column, and every measure can say which rows it left out and why.

A flag is 'column|kind': 'number_of_referrals_in_last_12_months|unreadable',
'continuous_assessment_date_of_authorisation|before:continuous_assessment_start_date'."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import duckdb

from oversight.annex_a.cells import (
    DECIMAL_NUMBER,
    FIRST_SERIAL,
    LAST_SERIAL,
    SERIAL_DATE,
    WHOLE_NUMBER,
    CellError,
    parse_date,
    parse_decimal,
    parse_number,
    parse_yes_no,
)
from oversight.annex_a.lists import (
    DATE,
    DECIMAL,
    ID,
    NUMBER,
    TEXT,
    YES_NO,
    AnnexColumn,
    AnnexList,
)
from oversight.lib.working_days import FIRST_YEAR

SHOWN_PER_CHECK = 200  # problems listed one by one per column and check; all are counted
CALENDAR_START = date(FIRST_YEAR, 1, 1)
# spacing tidied (non-breaking spaces, runs of spaces), so that 'Jo  Smith' and 'Jo Smith' are one name
# (most cells need none of it: the replacing is done only where a cell has odd or doubled spacing)
CLEAN = (
    "nullif(trim(CASE WHEN regexp_matches({c}, '[\\t\\n\\f\\r\\x{{a0}}\\x{{202f}}]|  ')"
    " THEN regexp_replace(replace(replace({c}, chr(160), ' '), chr(8239), ' '), '\\s+', ' ', 'g')"
    " ELSE {c} END), '')"
)
_CODE = r"regexp_replace({v}, '^[a-zA-Z]\)\s*', '')"
TYPES = {ID: "VARCHAR", DATE: "DATE", NUMBER: "INTEGER", DECIMAL: "DOUBLE", YES_NO: "BOOLEAN"}
_SLASHED_DATE = r"\d{1,2}/\d{1,2}/\d{4}"  # the commonest form, read without replacing anything
_DOTTED_DATE = r"\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}-\d{1,2}-\d{4}"
_ISO_DATE = r"\d{4}-\d{2}-\d{2}([ T]00:00(:00)?)?"

UNREADABLE, NA, BLANK, AFTER_AS_AT, EARLY, BEFORE, AFTER = (
    "unreadable",
    "na",
    "blank",
    "after_as_at",
    "early",
    "before",
    "after",
)
_READERS: dict[str, Callable[[str], object]] = {
    DATE: parse_date,
    NUMBER: parse_number,
    DECIMAL: parse_decimal,
    YES_NO: parse_yes_no,
}
_UNREADABLE_NAMES = {
    DATE: "values that are not dates",
    NUMBER: "values that are not whole numbers",
    DECIMAL: "values that are not numbers",
    YES_NO: "unknown codes",
}


def typed(column: AnnexColumn, v: str) -> str:
    """The SQL giving a column's value from its cleaned text `v`: NULL when blank or unreadable."""
    if column.kind == DATE:
        serial = f"floor(TRY_CAST({v} AS DOUBLE))"
        return (
            f"(CASE WHEN regexp_full_match({v}, '{_SLASHED_DATE}') THEN try_strptime({v}, '%d/%m/%Y')::DATE"
            f" WHEN regexp_full_match({v}, '{_DOTTED_DATE}')"
            f" THEN try_strptime(replace(replace({v}, '.', '/'), '-', '/'), '%d/%m/%Y')::DATE"
            f" WHEN regexp_full_match({v}, '{_ISO_DATE}') THEN try_strptime(left({v}, 10), '%Y-%m-%d')::DATE"
            f" WHEN regexp_full_match({v}, '{SERIAL_DATE}')"
            f" AND {serial} BETWEEN {FIRST_SERIAL} AND {LAST_SERIAL}"
            f" THEN DATE '1899-12-30' + {serial}::INTEGER END)"
        )
    if column.kind == NUMBER:
        return (
            f"(CASE WHEN regexp_full_match({v}, '{WHOLE_NUMBER}') THEN TRY_CAST({v} AS DOUBLE)::INTEGER END)"
        )
    if column.kind == DECIMAL:
        return f"(CASE WHEN regexp_full_match({v}, '{DECIMAL_NUMBER}') THEN TRY_CAST({v} AS DOUBLE) END)"
    if column.kind == YES_NO:
        code = _CODE.format(v=v)
        return (
            f"(CASE lower({code}) WHEN 'yes' THEN true WHEN 'y' THEN true WHEN 'true' THEN true"
            f" WHEN 'no' THEN false WHEN 'n' THEN false WHEN 'false' THEN false END)"
        )
    if column.kind == ID:
        return v
    # '#N/A' in a text column is a spreadsheet's blank: flagged, and stored as no value
    return f"(CASE WHEN upper({v}) IN ('#N/A', 'N/A') THEN NULL ELSE {_CODE.format(v=v)} END)"


def one_spelling(column: str) -> str:
    """SQL aggregate: one spelling of a name written several ways ('JO SMITH', 'jo smith', 'Jo Smith'),
    preferring one in mixed case."""
    mixed = f"{column} <> upper({column}) AND {column} <> lower({column})"
    return f"coalesce(min({column}) FILTER (WHERE {mixed}), min({column}))"


def raw(key: str) -> str:
    """The column of the staging table that keeps a value's text as given."""
    return f"r_{key}"


def flags(annex: AnnexList, present: set[str]) -> str:
    """The SQL list of a row's flags, over a table with each column typed and its text as given."""
    cases = []
    for column in annex.columns:
        key = column.key
        if key not in present:
            continue
        if column.kind in _READERS:
            cases.append(f"CASE WHEN {raw(key)} IS NOT NULL AND {key} IS NULL THEN '{key}|{UNREADABLE}' END")
        if column.kind == TEXT:
            cases.append(f"CASE WHEN upper({raw(key)}) IN ('#N/A', 'N/A') THEN '{key}|{NA}' END")
        if column.required:
            cases.append(f"CASE WHEN {raw(key)} IS NULL THEN '{key}|{BLANK}' END")
        if column.kind == DATE:
            early = (
                ""
                if column.header == "Date of Birth"  # not a date any working days are counted from
                else f" WHEN {key} < DATE '{CALENDAR_START.isoformat()}' THEN '{key}|{EARLY}'"
            )
            cases.append(f"CASE WHEN {key} > $as_at THEN '{key}|{AFTER_AS_AT}'{early} END")
    for start_header, end_header in annex.periods:
        start, end = annex.column(start_header).key, annex.column(end_header).key
        if start in present and end in present:
            cases.append(f"CASE WHEN {end} < {start} THEN '{end}|{BEFORE}:{start}' END")
    for header, bound_header in annex.not_after:
        key, bound = annex.column(header).key, annex.column(bound_header).key
        if key in present and bound in present:
            cases.append(f"CASE WHEN {key} > {bound} THEN '{key}|{AFTER}:{bound}' END")
    if not cases:
        return "[]::VARCHAR[]"
    return f"list_filter([{', '.join(cases)}]::VARCHAR[], lambda x: x IS NOT NULL)"


@dataclass(frozen=True)
class Flag:
    column: AnnexColumn
    kind: str
    other: AnnexColumn | None  # the start a date is before, or the date it is after

    @staticmethod
    def parse(annex: AnnexList, code: str) -> Flag:
        key, _, kind = code.partition("|")
        kind, _, other = kind.partition(":")
        by_key = annex.by_key
        return Flag(by_key[key], kind, by_key[other] if other else None)

    @property
    def category(self) -> str:
        """What the load report counts it as."""
        if self.kind == UNREADABLE:
            return _UNREADABLE_NAMES[self.column.kind]
        return {
            NA: "values given as #N/A, taken as blank",
            BLANK: "rows without a value they need",
            AFTER_AS_AT: "dates after the extract's date",
            EARLY: f"dates before {FIRST_YEAR}",
            BEFORE: "end dates before their start",
            AFTER: f"dates after the {self.other.header if self.other else ''}",
        }[self.kind]

    @property
    def reason(self) -> str:
        """Why a measure that needs this value leaves the row out."""
        header = self.column.header
        return {
            UNREADABLE: f"{header} could not be read",
            NA: f"{header} is #N/A",
            BLANK: f"no {header}",
            AFTER_AS_AT: f"{header} is after the extract's date",
            EARLY: f"{header} is before {FIRST_YEAR}",
            BEFORE: f"{header} is before the {self.other.header if self.other else ''}",
            AFTER: f"{header} is after the {self.other.header if self.other else ''}",
        }[self.kind]

    def message(self, row: dict[str, object], as_at: date) -> str:
        """What is wrong with this row's value, for the load report."""
        header = self.column.header
        value = row[self.column.key]
        if self.kind == UNREADABLE:
            given = str(row[raw(self.column.key)])
            try:
                _READERS[self.column.kind](given)
            except CellError as error:
                return str(error)
            return f"'{given}' could not be read"
        if self.kind == NA:
            return f"'{row[raw(self.column.key)]}' given: taken as no {header}"
        if self.kind == BLANK:
            return f"expected the {header}"
        assert isinstance(value, date)
        if self.kind == AFTER_AS_AT:
            return f"{value:%d/%m/%Y} is after the extract's date ({as_at:%d/%m/%Y})"
        if self.kind == EARLY:
            return f"{value:%d/%m/%Y} is before {FIRST_YEAR}: check the year"
        assert self.other is not None
        other = row[self.other.key]
        assert isinstance(other, date)
        word = "before" if self.kind == BEFORE else "after"
        return f"{value:%d/%m/%Y} is {word} the {self.other.header} ({other:%d/%m/%Y})"


@dataclass(frozen=True)
class FlaggedValue:
    row: int
    flag: Flag
    given: str  # the value as the file gave it
    message: str


def flagged(
    con: duckdb.DuckDBPyConnection, annex: AnnexList, table: str, given: str, as_at: date
) -> tuple[dict[str, int], list[FlaggedValue]]:
    """How many values of each category `table`'s flags mark, and the first of each column and check
    with what is wrong with it, in the list's column order and by row. `given` has each column's text
    as the file gave it, by the same row numbers."""
    counts: dict[str, int] = {}
    for code, count in con.execute(
        f"SELECT flag, count(*) FROM (SELECT unnest(_flags) AS flag FROM {table}) GROUP BY flag"
    ).fetchall():
        category = Flag.parse(annex, code).category
        counts[category] = counts.get(category, 0) + count
    cursor = con.execute(
        f"SELECT f.flag, t.*, s.* EXCLUDE (_row) FROM (SELECT _row, unnest(_flags) AS flag FROM {table}) f"
        f" JOIN {table} t USING (_row) JOIN {given} s USING (_row)"
        f" QUALIFY row_number() OVER (PARTITION BY f.flag ORDER BY _row) <= {SHOWN_PER_CHECK}"
    )
    names = [d[0] for d in cursor.description]
    order = {c.key: index for index, c in enumerate(annex.columns)}
    found = []
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        flag = Flag.parse(annex, str(row["flag"]))
        given = row[raw(flag.column.key)]
        found.append(
            FlaggedValue(
                int(row["_row"]), flag, "" if given is None else str(given), flag.message(row, as_at)
            )
        )
    found.sort(key=lambda item: (order[item.flag.column.key], item.flag.kind, item.row))
    return counts, found
