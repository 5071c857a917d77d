"""The record of what is loaded: for each council and date, each list with the file it came from, when
it was loaded, how many rows it has and its data-quality report."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

import duckdb

from oversight.annex_a.engine import Engine

RECORD = "extract_lists"
_OLD_RECORD = "loads"  # one row an extract, before each list kept its own record
_SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS {RECORD} (council VARCHAR, as_at DATE, list INTEGER, source VARCHAR,"
    " loaded TIMESTAMP, pseudonymised BOOLEAN, rows INTEGER, report JSON)"
)


@dataclass(frozen=True)
class LoadedList:
    number: int
    source: str  # 'extract.xlsx, sheet List 3' or 'list3.csv'
    loaded: datetime
    pseudonymised: bool
    rows: int

    def describe(self) -> str:
        return f"List {self.number} from {self.source}, loaded {self.loaded:%d %B %Y at %H:%M}"


@dataclass(frozen=True)
class LoadedExtract:
    council: str
    as_at: date
    loaded: datetime  # when its newest list was loaded
    pseudonymised: bool
    lists: tuple[int, ...]
    parts: tuple[LoadedList, ...] = ()


def table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {name for (name,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def _parts(con: duckdb.DuckDBPyConnection, council: str, as_at: date | None = None) -> list[tuple]:
    """(as_at, number, source, loaded, pseudonymised, rows) of each list loaded for the council."""
    tables = table_names(con)
    day = " AND as_at = ?" if as_at else ""
    parameters: list[object] = [council] + ([as_at] if as_at else [])
    if RECORD in tables:
        return con.execute(
            f"SELECT as_at, list, source, loaded, pseudonymised, rows FROM {RECORD}"
            f" WHERE council = ?{day} ORDER BY as_at DESC, list",
            parameters,
        ).fetchall()
    if _OLD_RECORD in tables:
        found = []
        for day_loaded, loaded, pseudonymised, report in con.execute(
            f"SELECT as_at, loaded, pseudonymised, report FROM {_OLD_RECORD} WHERE council = ?{day}"
            " ORDER BY as_at DESC",
            parameters,
        ).fetchall():
            for part in sorted(json.loads(report), key=lambda p: p["number"]):
                found.append((day_loaded, part["number"], part["where"], loaded, pseudonymised, part["rows"]))
        return found
    return []


def loaded_lists(con: duckdb.DuckDBPyConnection, council: str, as_at: date) -> list[LoadedList]:
    """The lists held for one council and date, each with the file it came from."""
    return [LoadedList(*part[1:]) for part in _parts(con, council, as_at)]


def record_lists(
    con: duckdb.DuckDBPyConnection,
    council: str,
    as_at: date,
    loaded: list[tuple[LoadedList, dict[str, object]]],
    removed: list[int],
) -> None:
    """Records the lists just loaded (each with its report) and forgets those removed, in the load's
    transaction; an extract recorded the old way is first recorded list by list."""
    tables = table_names(con)
    if RECORD not in tables:
        con.execute(_SCHEMA)
        if _OLD_RECORD in tables:
            for council_loaded, day, when, pseudonymised, report in con.execute(
                f"SELECT council, as_at, loaded, pseudonymised, report FROM {_OLD_RECORD}"
            ).fetchall():
                for part in json.loads(report):
                    con.execute(
                        f"INSERT INTO {RECORD} VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [council_loaded, day, part["number"], part["where"], when, pseudonymised,
                         part["rows"], json.dumps(part)],
                    )  # fmt: skip
            con.execute(f"DROP TABLE {_OLD_RECORD}")
    numbers = [part.number for part, _ in loaded] + removed
    if numbers:
        con.execute(
            f"DELETE FROM {RECORD} WHERE council = ? AND as_at = ? AND list IN ?",
            [council, as_at, numbers],
        )
    for part, report in loaded:
        con.execute(
            f"INSERT INTO {RECORD} VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [council, as_at, part.number, part.source, part.loaded, part.pseudonymised, part.rows,
             json.dumps(report, default=str)],
        )  # fmt: skip


def loaded_extracts(engine: Engine, council: str) -> list[LoadedExtract]:
    """The extracts loaded for a council, newest first; none when nothing has been loaded yet, or
    for no council (a plan whose council is not set)."""
    if not council or not engine.exists():
        return []
    with engine.connect_to_read() as con:
        parts = _parts(con, council)
    by_day: dict[date, list[LoadedList]] = {}
    for as_at, *part in parts:
        by_day.setdefault(as_at, []).append(LoadedList(*part))
    return [
        LoadedExtract(
            council,
            as_at,
            max(p.loaded for p in lists),
            all(p.pseudonymised for p in lists),
            tuple(p.number for p in lists),
            tuple(lists),
        )
        for as_at, lists in by_day.items()
    ]


def extract_as_at(extracts: list[LoadedExtract], day: date | None) -> LoadedExtract | None:
    """The extract of that date among those loaded, if there is one."""
    return next((extract for extract in extracts if extract.as_at == day), None)
