"""Loads an Annex A extract into DuckDB with a data-quality report: all or nothing, and loading the
same council's extract for the same date again replaces it.

Values are read and checked in DuckDB, so that a national-scale extract loads in seconds; the few
values that are wrong are then explained one by one with the same rules as cells.py."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path

import duckdb
from django.conf import settings

from oversight.performance.annex_a.cells import (
    CellError,
    match_headers,
    parse_date,
    parse_number,
    parse_yes_no,
)
from oversight.performance.annex_a.lists import DATE, ID, LISTS, NUMBER, TEXT, YES_NO, AnnexColumn, AnnexList
from oversight.performance.annex_a.sources import Source, find_sources
from oversight.plans.tables import ImportFailed, Problem

SHOWN_PER_CHECK = 200  # problems listed one by one per column and check; all are counted
_CLEAN = "nullif(trim(replace(replace({c}, chr(160), ' '), chr(8239), ' ')), '')"
_CODE = r"regexp_replace({v}, '^[a-zA-Z]\)\s*', '')"
_TYPES = {ID: "VARCHAR", DATE: "DATE", NUMBER: "INTEGER", YES_NO: "BOOLEAN"}


@dataclass
class ValueProblem:
    row: int
    column: str
    value: str
    message: str


@dataclass
class ListReport:
    number: int
    name: str
    where: str
    rows: int = 0
    missing_columns: list[str] = field(default_factory=list)
    unrecognised_columns: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # problems of each kind, all of them
    problems: list[ValueProblem] = field(default_factory=list)  # the first of each kind, by row
    duplicate_rows: list[list[int]] = field(default_factory=list)

    def add(self, kind: str, count: int) -> None:
        if count:
            self.counts[kind] = self.counts.get(kind, 0) + count


@dataclass
class LoadReport:
    council: str
    as_at: date
    pseudonymised: bool
    lists: list[ListReport]

    def lines(self) -> list[str]:
        lines = [f"Annex A extract for {self.council} as at {self.as_at:%d %B %Y}:"]
        for report in self.lists:
            lines.append(f"  List {report.number} ({report.name}) from {report.where}: {report.rows:,} rows")
            if report.missing_columns:
                lines.append(f"    columns missing: {'; '.join(report.missing_columns)}")
            if report.unrecognised_columns:
                lines.append(
                    f"    columns not recognised (ignored): {'; '.join(report.unrecognised_columns)}"
                )
            for kind, count in sorted(report.counts.items()):
                lines.append(f"    {kind}: {count:,}")
            for problem in report.problems:
                lines.append(f"      row {problem.row}, {problem.column}: {problem.message}")
            if report.duplicate_rows:
                shown = "; ".join(", ".join(map(str, rows)) for rows in report.duplicate_rows[:10])
                lines.append(f"    duplicate rows: {len(report.duplicate_rows):,} sets ({shown})")
        return lines


def database_path() -> Path:
    return Path(getattr(settings, "ANNEX_A_DATABASE", Path(settings.DATA_DIR) / "annex_a.duckdb"))


def _typed(column: AnnexColumn, v: str, key: str | None) -> str:
    """The SQL giving a column's checked value from its cleaned text `v`."""
    if key is None:
        return f"NULL::{_TYPES.get(column.kind, 'VARCHAR')}"
    if column.kind == DATE:
        uk, iso = r"'\d{1,2}/\d{1,2}/\d{4}'", r"'\d{4}-\d{2}-\d{2}'"
        return (
            f"(CASE WHEN regexp_full_match({v}, {uk}) THEN try_strptime({v}, '%d/%m/%Y')"
            f" WHEN regexp_full_match({v}, {iso}) THEN try_strptime({v}, '%Y-%m-%d') END)::DATE"
        )
    if column.kind == NUMBER:
        return f"(CASE WHEN regexp_full_match({v}, '\\d{{1,9}}') THEN {v}::INTEGER END)"
    if column.kind == YES_NO:
        code = _CODE.format(v=v)
        return (
            f"(CASE lower({code}) WHEN 'yes' THEN true WHEN 'y' THEN true WHEN 'true' THEN true"
            f" WHEN 'no' THEN false WHEN 'n' THEN false WHEN 'false' THEN false END)"
        )
    if column.kind == ID:
        return v
    # '#N/A' in a text column is a spreadsheet's blank: counted in the report, stored as no value
    return f"(CASE WHEN upper({v}) IN ('#N/A', 'N/A') THEN NULL ELSE {_CODE.format(v=v)} END)"


_EXPLAIN: dict[str, Callable[[str], object]] = {DATE: parse_date, NUMBER: parse_number, YES_NO: parse_yes_no}
_KIND_NAMES = {
    DATE: "values that are not dates",
    NUMBER: "values that are not whole numbers",
    YES_NO: "unknown codes",
}


def load_extract(
    paths: list[Path],
    council: str,
    as_at: date,
    *,
    list_number: int | None = None,
    pseudonymise: bool = False,
    database: Path | None = None,
) -> LoadReport:
    """Loads every list found; LoadFailed (ImportFailed) and nothing changed if a list is unusable."""
    target = database or database_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="annex-a-") as scratch:
        sources = find_sources(paths, list_number, Path(scratch))
        con = duckdb.connect(str(target))
        try:
            con.execute("BEGIN TRANSACTION")
            reports = [_read_safely(con, source, council, as_at, pseudonymise) for source in sources]
            _record_load(con, council, as_at, pseudonymise, reports)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            con.close()
    return LoadReport(council, as_at, pseudonymise, reports)


def _read_safely(
    con: duckdb.DuckDBPyConnection, source: Source, council: str, as_at: date, pseudonymise: bool
) -> ListReport:
    try:
        return _load_list(con, source, council, as_at, pseudonymise)
    except duckdb.Error as error:
        message = str(error).splitlines()[0]
        raise ImportFailed(
            [Problem(source.where, f"could not be read as a table of values: {message}")]
        ) from None


def _load_list(
    con: duckdb.DuckDBPyConnection, source: Source, council: str, as_at: date, pseudonymise: bool
) -> ListReport:
    annex = LISTS[source.number]
    found = match_headers(annex, list(source.header))
    report = ListReport(
        annex.number, annex.name, source.where, missing_columns=found.missing_required + found.missing
    )
    report.unrecognised_columns = found.unrecognised
    if found.missing_required:
        raise ImportFailed(
            [
                Problem(
                    source.where,
                    f"List {annex.number} cannot be used without the column(s): "
                    + "; ".join(found.missing_required),
                    source.sheet,
                    1,
                )
            ]
        )
    offset = 1 if source.numbered else 0
    names = ["c_row"] * offset + [f"c{i}" for i in range(len(source.header))]
    row = "c_row::INTEGER" if source.numbered else "(row_number() OVER () + 1)::INTEGER"
    cleaned = ", ".join(
        f"{_CLEAN.format(c=f'c{found.positions[c.key]}')} AS {c.key}"
        for c in annex.columns
        if c.key in found.positions
    )
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE staged AS SELECT {row} AS _row, {cleaned} FROM read_csv(?,"
        f" header=false, skip={0 if source.numbered else 1}, all_varchar=true, parallel=false,"
        f" null_padding=true, encoding='{source.encoding}', names={names!r})",
        [str(source.csv_path)],
    )
    typed = ", ".join(
        f"{_typed(c, c.key, c.key if c.key in found.positions else None)} AS {c.key}" for c in annex.columns
    )
    con.execute(f"CREATE OR REPLACE TEMP TABLE checked AS SELECT _row, {typed} FROM staged")
    report.rows = con.execute("SELECT count(*) FROM staged").fetchone()[0]  # type: ignore[index]
    _check_values(con, annex, found.positions, report)
    _check_dates(con, annex, found.positions, as_at, report)
    _check_duplicates(con, annex, found.positions, report)
    _store(con, annex, council, as_at, pseudonymise)
    return report


def _check_values(
    con: duckdb.DuckDBPyConnection, annex: AnnexList, present: dict[str, int], report: ListReport
) -> None:
    for column in annex.columns:
        if column.required and column.key in present:
            blank = con.execute(
                f"SELECT _row FROM staged WHERE {column.key} IS NULL ORDER BY _row"
            ).fetchall()
            report.add("rows without a value they need", len(blank))
            for (row,) in blank[:SHOWN_PER_CHECK]:
                report.problems.append(ValueProblem(row, column.header, "", f"expected the {column.header}"))
        if column.key in present and column.kind == TEXT:
            (given,) = con.execute(
                f"SELECT count(*) FROM staged WHERE upper({column.key}) IN ('#N/A', 'N/A')"
            ).fetchone()  # type: ignore[misc]
            report.add("values given as #N/A, taken as blank", given)
        if column.key not in present or column.kind not in _EXPLAIN:
            continue
        where = f"s.{column.key} IS NOT NULL AND c.{column.key} IS NULL"
        joined = f"FROM staged s JOIN checked c USING (_row) WHERE {where}"
        count = con.execute(f"SELECT count(*) {joined}").fetchone()[0]  # type: ignore[index]
        report.add(_KIND_NAMES[column.kind], count)
        for row, value in con.execute(
            f"SELECT _row, s.{column.key} {joined} ORDER BY _row LIMIT {SHOWN_PER_CHECK}"
        ).fetchall():
            try:
                _EXPLAIN[column.kind](value)
                message = f"'{value}' could not be read"
            except CellError as error:
                message = str(error)
            report.problems.append(ValueProblem(row, column.header, value, message))


def _check_dates(
    con: duckdb.DuckDBPyConnection, annex: AnnexList, present: dict[str, int], as_at: date, report: ListReport
) -> None:
    for column in annex.columns:
        if column.key in present and column.kind == DATE:
            rows = con.execute(
                f"SELECT _row, {column.key} FROM checked WHERE {column.key} > ? ORDER BY _row", [as_at]
            ).fetchall()
            report.add("dates after the extract's date", len(rows))
            for row, value in rows[:SHOWN_PER_CHECK]:
                report.problems.append(
                    ValueProblem(
                        row,
                        column.header,
                        str(value),
                        f"{value:%d/%m/%Y} is after the extract's date ({as_at:%d/%m/%Y})",
                    )
                )
    for start_header, end_header in annex.periods:
        start, end = annex.column(start_header), annex.column(end_header)
        if start.key in present and end.key in present:
            rows = con.execute(
                f"SELECT _row, {start.key}, {end.key} FROM checked"
                f" WHERE {end.key} < {start.key} ORDER BY _row"
            ).fetchall()
            report.add("end dates before their start", len(rows))
            for row, first, last in rows[:SHOWN_PER_CHECK]:
                report.problems.append(
                    ValueProblem(
                        row,
                        end.header,
                        str(last),
                        f"{last:%d/%m/%Y} is before the {start.header} ({first:%d/%m/%Y})",
                    )
                )


def _check_duplicates(
    con: duckdb.DuckDBPyConnection, annex: AnnexList, present: dict[str, int], report: ListReport
) -> None:
    columns = ", ".join(c.key for c in annex.columns if c.key in present)
    groups = con.execute(
        f"SELECT list(_row ORDER BY _row) FROM staged GROUP BY {columns}"
        " HAVING count(*) > 1 ORDER BY min(_row)"
    ).fetchall()
    report.duplicate_rows = [rows for (rows,) in groups]
    report.add("duplicate rows", sum(len(rows) - 1 for rows in report.duplicate_rows))


def _store(
    con: duckdb.DuckDBPyConnection, annex: AnnexList, council: str, as_at: date, pseudonymise: bool
) -> None:
    definitions = ", ".join(f"{c.key} {_TYPES.get(c.kind, 'VARCHAR')}" for c in annex.columns)
    con.execute(
        f"CREATE TABLE IF NOT EXISTS {annex.table}"
        f" (council VARCHAR, as_at DATE, row_number INTEGER, {definitions})"
    )
    con.execute(f"DELETE FROM {annex.table} WHERE council = ? AND as_at = ?", [council, as_at])
    values = []
    for column in annex.columns:
        if pseudonymise and column.kind == ID:
            values.append(f"sha256(? || {column.key})")
        elif pseudonymise and column.header == "Date of Birth":
            values.append(f"date_trunc('month', {column.key})::DATE")
        else:
            values.append(column.key)
    parameters: list[object] = [council, as_at]
    if pseudonymise:
        parameters += [pseudonym_key()] * sum(1 for c in annex.columns if c.kind == ID)
    con.execute(f"INSERT INTO {annex.table} SELECT ?, ?, _row, {', '.join(values)} FROM checked", parameters)


def pseudonym_key() -> str:
    key = getattr(settings, "ANNEX_A_PSEUDONYM_KEY", "")
    if not key:
        raise ImportFailed(
            [Problem("settings", "set ANNEX_A_PSEUDONYM_KEY (or _FILE) to pseudonymise an extract")]
        )
    return f"{key}:"


def _record_load(
    con: duckdb.DuckDBPyConnection, council: str, as_at: date, pseudonymised: bool, reports: list[ListReport]
) -> None:
    con.execute(
        "CREATE TABLE IF NOT EXISTS loads (council VARCHAR, as_at DATE, loaded TIMESTAMP,"
        " pseudonymised BOOLEAN, lists VARCHAR, report JSON)"
    )
    con.execute("DELETE FROM loads WHERE council = ? AND as_at = ?", [council, as_at])
    con.execute(
        "INSERT INTO loads VALUES (?, ?, now(), ?, ?, ?)",
        [
            council,
            as_at,
            pseudonymised,
            ",".join(str(r.number) for r in reports),
            json.dumps([asdict(r) for r in reports]),
        ],
    )


@dataclass(frozen=True)
class LoadedExtract:
    council: str
    as_at: date
    loaded: datetime
    pseudonymised: bool
    lists: tuple[int, ...]


def loaded_extracts(council: str, database: Path | None = None) -> list[LoadedExtract]:
    """The extracts loaded for a council, newest first; none when nothing has been loaded yet, or
    for no council (a plan whose council is not set)."""
    path = database or database_path()
    if not council or not path.exists():
        return []
    with duckdb.connect(str(path), read_only=True) as con:
        if not con.execute("SELECT 1 FROM information_schema.tables WHERE table_name = 'loads'").fetchall():
            return []
        rows = con.execute(
            "SELECT council, as_at, loaded, pseudonymised, lists FROM loads WHERE council = ?"
            " ORDER BY as_at DESC",
            [council],
        ).fetchall()
    return [
        LoadedExtract(name, as_at, loaded, pseudonymised, tuple(int(n) for n in lists.split(",") if n))
        for name, as_at, loaded, pseudonymised, lists in rows
    ]


def extract_as_at(extracts: list[LoadedExtract], day: date | None) -> LoadedExtract | None:
    """The extract of that date among those loaded, if there is one."""
    return next((extract for extract in extracts if extract.as_at == day), None)
