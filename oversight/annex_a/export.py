"""Loaded extracts written out as Parquet, partitioned by council and date, for a regional improvement
alliance or a council's statistical neighbours to pool: `out/list_3/council=Anytown/as_at=2023-03-31/`.

What leaves the council is pseudonymised: each Child Unique ID as a keyed hash (the engine's
pseudonym key, as `load --pseudonymise` stores it; an extract loaded pseudonymised keeps the IDs it
has) and each date of birth as its month. A child is the same pseudonym in every list of the council's
extract, so the measures that follow a child across lists work on the files, and the same ID under
another council's key is another pseudonym. Workers' names and teams stay: the region's figures are by
council, and a council's own by team."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from oversight.annex_a.engine import Engine
from oversight.annex_a.extracts import RECORD, table_names
from oversight.annex_a.lists import ID, LISTS
from oversight.annex_a.problems import LoadFailed, Problem


@dataclass(frozen=True)
class Exported:
    """What was written: rows by list, the extracts (council, date) they came from, and where."""

    out: Path
    rows: dict[int, int]
    extracts: list[tuple[str, date]]


def export_extracts(
    engine: Engine, out: Path, council: str | None = None, as_at: date | None = None
) -> Exported:
    """Every loaded list's rows (or one council's, or one extract's) written under `out`, one folder
    per list, partitioned by council and date; a partition written before for the same council and
    date is replaced."""
    if not engine.settings.pseudonym_key:
        raise LoadFailed(
            [
                Problem(
                    "settings", "set ANNEX_A_PSEUDONYM_KEY (or _FILE): an export carries pseudonyms, not IDs"
                )
            ]
        )
    where, parameters = _chosen(council, as_at, "")
    list_where, _ = _chosen(council, as_at, "list.")
    rows: dict[int, int] = {}
    with engine.connect_to_read() as con:
        tables = table_names(con)
        extracts = (
            [
                (name, day)
                for name, day in con.execute(
                    f"SELECT DISTINCT council, as_at FROM {RECORD} WHERE true{where} ORDER BY council, as_at",
                    parameters,
                ).fetchall()
            ]
            if RECORD in tables
            else []
        )
        if not extracts:
            raise LoadFailed([Problem("export", "no extract is loaded" + _for(council, as_at))])
        out.mkdir(parents=True, exist_ok=True)
        for number, annex in LISTS.items():
            if annex.table not in tables:
                continue
            columns = []
            for column in annex.columns:
                if column.kind == ID:
                    columns.append(
                        f"CASE WHEN record.pseudonymised THEN list.{column.key}"
                        f" ELSE sha256($key || list.{column.key}) END AS {column.key}"
                    )
                elif column.header == "Date of Birth":
                    columns.append(f"date_trunc('month', list.{column.key})::DATE AS {column.key}")
                else:
                    columns.append(f"list.{column.key}")
            chosen = f"FROM {annex.table} list JOIN {RECORD} record ON record.council = list.council"
            chosen += f" AND record.as_at = list.as_at AND record.list = {number} WHERE true"
            chosen += list_where
            (count,) = con.execute(f"SELECT count(*) {chosen}", parameters).fetchone()  # type: ignore[misc]
            if not count:
                continue
            target = str(out / f"list_{number}").replace("'", "''")
            con.execute(
                f"COPY (SELECT list.council, list.as_at, list.row_number, {', '.join(columns)}, list._flags"
                f" {chosen}) TO '{target}'"
                " (FORMAT parquet, PARTITION_BY (council, as_at), OVERWRITE_OR_IGNORE)",
                {"key": f"{engine.settings.pseudonym_key}:", **dict(parameters)},
            )
            rows[number] = count
    return Exported(out, rows, extracts)


def _chosen(council: str | None, as_at: date | None, table: str) -> tuple[str, dict[str, object]]:
    where = ""
    parameters: dict[str, object] = {}
    if council is not None:
        where += f" AND {table}council = $council"
        parameters["council"] = council
    if as_at is not None:
        where += f" AND {table}as_at = $as_at"
        parameters["as_at"] = as_at
    return where, parameters


def _for(council: str | None, as_at: date | None) -> str:
    said = f" for {council}" if council else ""
    return said + (f" as at {as_at:%d/%m/%Y}" if as_at else "")
