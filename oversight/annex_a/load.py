"""Loads an Annex A extract into DuckDB with a data-quality report: all or nothing.

An extract is a council's lists as at one date. Loading files for a council and date that already
has lists replaces the lists the files give and keeps the others, each with the file it came from;
`replace_all` removes the others instead. What will be replaced and kept is worked out, and can be
shown, before anything changes.

Values are read and checked in DuckDB, so that a national-scale extract loads in seconds; each value
that is wrong is flagged on its row (checks.py), reported, and left out of every measure that needs it."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb

from oversight.annex_a import checks
from oversight.annex_a.cells import match_headers
from oversight.annex_a.engine import Draft, Engine
from oversight.annex_a.extracts import LoadedList, loaded_lists, record_lists
from oversight.annex_a.lists import DATE, ID, LISTS, AnnexList
from oversight.annex_a.problems import LoadFailed, Problem
from oversight.annex_a.sources import Coming, Source, opened_sources
from oversight.lib.working_days import FIRST_YEAR, LAST_YEAR

STALE_AFTER = timedelta(days=62)  # an extract whose newest date is older than this before its date
SERIAL_DATES = "dates given as spreadsheet day numbers, read as dates"


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
    notes: dict[str, int] = field(default_factory=dict)  # values read in a way worth saying, not problems
    latest: date | None = None  # the newest date in the list

    def add(self, kind: str, count: int) -> None:
        if count:
            self.counts[kind] = self.counts.get(kind, 0) + count


@dataclass
class LoadPlan:
    """What a load will do, said before it does it."""

    council: str
    as_at: date
    sources: list[Source | Coming]
    replaced: list[LoadedList]  # lists given that were loaded before from other files
    kept: list[LoadedList]  # lists not given that stay as they were
    removed: list[LoadedList]  # lists not given that go (replace_all)

    def lines(self) -> list[str]:
        given = ", ".join(str(s.number) for s in sorted(self.sources, key=lambda s: s.number))
        lines = [f"Loading Lists {given} for {self.council} as at {self.as_at:%d %B %Y}."]
        lines += [f"  replaces {part.describe()}" for part in self.replaced]
        lines += [f"  keeps {part.describe()}" for part in self.kept]
        lines += [f"  removes {part.describe()}" for part in self.removed]
        return lines


@dataclass
class LoadReport:
    council: str
    as_at: date
    pseudonymised: bool
    lists: list[ListReport]
    kept: list[LoadedList] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = [f"Annex A extract for {self.council} as at {self.as_at:%d %B %Y}:"]
        lines += [f"  Warning: {warning}" for warning in self.warnings]
        for report in self.lists:
            lines.append(f"  List {report.number} ({report.name}) from {report.where}: {report.rows:,} rows")
            if report.missing_columns:
                lines.append(f"    columns missing: {'; '.join(report.missing_columns)}")
            if report.unrecognised_columns:
                lines.append(
                    f"    columns not recognised (ignored): {'; '.join(report.unrecognised_columns)}"
                )
            for note, count in sorted(report.notes.items()):
                lines.append(f"    note: {note}: {count:,}")
            for kind, count in sorted(report.counts.items()):
                lines.append(f"    {kind}: {count:,}")
            for problem in report.problems:
                lines.append(f"      row {problem.row}, {problem.column}: {problem.message}")
            if report.duplicate_rows:
                shown = "; ".join(", ".join(map(str, rows)) for rows in report.duplicate_rows[:10])
                lines.append(f"    duplicate rows: {len(report.duplicate_rows):,} sets ({shown})")
        lines += [f"  Kept as loaded before: {part.describe()}" for part in self.kept]
        return lines


@dataclass(frozen=True)
class Progress:
    """How far a load has come: lists loaded of the lists given, and their rows."""

    lists_loaded: int
    lists: int
    rows: int
    latest: str  # where the list last loaded came from ('annex-a.xlsx, sheet List 3')


@dataclass(frozen=True)
class PreparedExtract:
    """An extract loaded into a draft of the database (engine.switch puts it in place), with its
    report and what it will replace and keep."""

    report: LoadReport
    plan: LoadPlan
    draft: Draft


def load_extract(
    engine: Engine,
    paths: list[Path],
    council: str,
    as_at: date,
    *,
    list_number: int | None = None,
    pseudonymise: bool = False,
    replace_all: bool = False,
    announce: Callable[[LoadPlan], None] | None = None,
    progress: Callable[[Progress], None] | None = None,
) -> LoadReport:
    """Loads every list found into the engine's database; LoadFailed and nothing changed if a list is
    unusable. `announce` is told what will be replaced and kept before anything changes, `progress` as
    each list is loaded. A workbook is read within the engine's limits (how much it may unpack to, how
    many cells it may hold)."""
    _check_date(as_at)
    with (
        tempfile.TemporaryDirectory(prefix="annex-a-") as scratch,
        opened_sources(paths, list_number, Path(scratch), engine.settings.limits) as sources,
        engine.writing() as con,  # a copy, in the database's place once all is loaded
    ):
        report, _ = _load(con, engine, sources, council, as_at, pseudonymise, replace_all, announce, progress)
    return report


def prepare_extract(
    engine: Engine,
    paths: list[Path],
    council: str,
    as_at: date,
    draft: Path,
    *,
    pseudonymise: bool = False,
    replace_all: bool = False,
    progress: Callable[[Progress], None] | None = None,
) -> PreparedExtract:
    """As load_extract, into a draft of the database at `draft`, for someone to look at the report and
    what it replaces before engine.switch puts it in the database's place."""
    _check_date(as_at)
    with (
        tempfile.TemporaryDirectory(prefix="annex-a-") as scratch,
        opened_sources(paths, None, Path(scratch), engine.settings.limits) as sources,
        engine.drafting(draft) as (con, kept),
    ):
        report, plan = _load(con, engine, sources, council, as_at, pseudonymise, replace_all, None, progress)
    return PreparedExtract(report, plan, kept)


def _check_date(as_at: date) -> None:
    if not date(FIRST_YEAR, 1, 1) <= as_at <= date(LAST_YEAR, 12, 31):
        raise LoadFailed(
            [
                Problem(
                    "--as-at",
                    f"{as_at:%d/%m/%Y} is outside the working-day calendar ({FIRST_YEAR}-{LAST_YEAR})",
                )
            ]
        )


def _load(
    con: duckdb.DuckDBPyConnection,
    engine: Engine,
    sources: list[Source | Coming],
    council: str,
    as_at: date,
    pseudonymise: bool,
    replace_all: bool,
    announce: Callable[[LoadPlan], None] | None,
    progress: Callable[[Progress], None] | None,
) -> tuple[LoadReport, LoadPlan]:
    pseudonyms = engine.settings.pseudonym_key if pseudonymise else None
    con.execute("BEGIN TRANSACTION")
    plan = _plan(con, council, as_at, sources, replace_all, pseudonymise)
    if announce is not None:
        announce(plan)
    reports = []
    for source in sources:
        reports.append(_read_safely(con, source.arrive(), council, as_at, pseudonyms))
        if progress is not None:
            rows = sum(r.rows for r in reports)
            progress(Progress(len(reports), len(sources), rows, reports[-1].where))
    for part in plan.removed:
        con.execute(
            f"DELETE FROM {LISTS[part.number].table} WHERE council = ? AND as_at = ?",
            [council, as_at],
        )
    now = datetime.now()
    record_lists(
        con,
        council,
        as_at,
        [(LoadedList(r.number, r.where, now, pseudonymise, r.rows), asdict(r)) for r in reports],
        [part.number for part in plan.removed],
    )
    con.execute("COMMIT")
    report = LoadReport(council, as_at, pseudonymise, reports, plan.kept, _warnings(as_at, reports))
    return report, plan


def _plan(
    con: duckdb.DuckDBPyConnection,
    council: str,
    as_at: date,
    sources: list[Source | Coming],
    replace_all: bool,
    pseudonymise: bool,
) -> LoadPlan:
    before = loaded_lists(con, council, as_at)
    given = {source.number for source in sources}
    others = [part for part in before if part.number not in given]
    plan = LoadPlan(
        council,
        as_at,
        sources,
        [part for part in before if part.number in given],
        [] if replace_all else others,
        others if replace_all else [],
    )
    unlike = [part for part in plan.kept if part.pseudonymised != pseudonymise]
    if unlike:
        state = "pseudonymised" if unlike[0].pseudonymised else "not pseudonymised"
        raise LoadFailed(
            [
                Problem(
                    "--pseudonymise",
                    f"Lists {', '.join(str(p.number) for p in unlike)} of this extract were loaded {state},"
                    " and one extract's children must be named the same way in every list: load these"
                    f" files {state} too, or use --replace-all to replace the whole extract",
                )
            ]
        )
    return plan


def _warnings(as_at: date, reports: list[ListReport]) -> list[str]:
    latest = max((r.latest for r in reports if r.latest), default=None)
    if latest is None or as_at - latest <= STALE_AFTER:
        return []
    months = (as_at.year - latest.year) * 12 + as_at.month - latest.month
    return [
        f"the newest date in these lists is {latest:%d %B %Y}, {months} months before the extract's date"
        f" ({as_at:%d %B %Y}): check --as-at"
    ]


def _read_safely(
    con: duckdb.DuckDBPyConnection, source: Source, council: str, as_at: date, pseudonyms: str | None
) -> ListReport:
    """`pseudonyms` is the key to pseudonymise with, or None to store the list as given."""
    try:
        return _load_list(con, source, council, as_at, pseudonyms)
    except duckdb.Error as error:
        message = str(error).splitlines()[0]
        raise LoadFailed(
            [Problem(source.where, f"could not be read as a table of values: {message}")]
        ) from None


def _load_list(
    con: duckdb.DuckDBPyConnection, source: Source, council: str, as_at: date, pseudonyms: str | None
) -> ListReport:
    annex = LISTS[source.number]
    found = match_headers(annex, list(source.header))
    report = ListReport(
        annex.number,
        annex.name,
        source.where,
        missing_columns=found.missing_required + found.missing,
        notes=dict(source.notes),
    )
    report.unrecognised_columns = found.unrecognised
    if found.missing_required:
        raise LoadFailed(
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
    present = {c.key for c in annex.columns if c.key in found.positions}
    offset = 1 if source.numbered else 0
    names = ["c_row"] * offset + [f"c{i}" for i in range(len(source.header))]
    row = "c_row::INTEGER" if source.numbered else "(row_number() OVER () + 1)::INTEGER"
    cleaned = ", ".join(
        f"{checks.CLEAN.format(c=f'c{found.positions[c.key]}')} AS {checks.raw(c.key)}"
        for c in annex.columns
        if c.key in present
    )
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE staged AS SELECT {row} AS _row, {cleaned} FROM read_csv(?,"
        f" header=false, skip={0 if source.numbered else 1}, all_varchar=true, parallel=false,"
        f" null_padding=true, encoding='utf-8', names={names!r})",
        [str(source.csv_path)],
    )
    typed = ", ".join(
        f"{checks.typed(c, checks.raw(c.key)) if c.key in present else 'NULL'}"
        f"::{checks.TYPES.get(c.kind, 'VARCHAR')} AS {c.key}"
        for c in annex.columns
    )
    # typed and flagged in one statement, keeping only the typed values (the text stays in `staged`)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE checked AS SELECT _row, {', '.join(c.key for c in annex.columns)},"
        f" {checks.flags(annex, present)} AS _flags FROM (SELECT *, {typed} FROM staged)",
        {"as_at": as_at},
    )
    report.rows = con.execute("SELECT count(*) FROM staged").fetchone()[0]  # type: ignore[index]
    counts, problems = checks.flagged(con, annex, "checked", "staged", as_at)
    for kind, count in counts.items():
        report.add(kind, count)
    report.problems = [ValueProblem(p.row, p.flag.column.header, p.given, p.message) for p in problems]
    _note_serial_dates(con, annex, present, report)
    report.latest = _latest(con, annex, present)
    _check_duplicates(con, annex, present, report)
    _store(con, annex, council, as_at, pseudonyms)
    return report


def _note_serial_dates(
    con: duckdb.DuckDBPyConnection, annex: AnnexList, present: set[str], report: ListReport
) -> None:
    dates = [c.key for c in annex.columns if c.kind == DATE and c.key in present]
    if dates:
        serial = " + ".join(
            f"(regexp_full_match({checks.raw(k)}, '{checks.SERIAL_DATE}') AND {k} IS NOT NULL)::INTEGER"
            for k in dates
        )
        (count,) = con.execute(
            f"SELECT coalesce(sum({serial}), 0) FROM checked JOIN staged USING (_row)"
        ).fetchone()  # type: ignore[misc]
        if count:
            report.notes[SERIAL_DATES] = int(count)


def _latest(con: duckdb.DuckDBPyConnection, annex: AnnexList, present: set[str]) -> date | None:
    events = [
        c.key for c in annex.columns if c.kind == DATE and c.key in present and c.header != "Date of Birth"
    ]
    if not events:
        return None
    (latest,) = con.execute(
        "SELECT max(d) FROM (SELECT unnest([" + ", ".join(events) + "]) AS d FROM checked"
        " WHERE len(_flags) = 0)"
    ).fetchone()  # type: ignore[misc]
    return latest


def _check_duplicates(
    con: duckdb.DuckDBPyConnection, annex: AnnexList, present: set[str], report: ListReport
) -> None:
    columns = ", ".join(checks.raw(c.key) for c in annex.columns if c.key in present)
    groups = con.execute(
        f"SELECT list(_row ORDER BY _row) FROM staged GROUP BY {columns}"
        " HAVING count(*) > 1 ORDER BY min(_row)"
    ).fetchall()
    report.duplicate_rows = [rows for (rows,) in groups]
    report.add("duplicate rows", sum(len(rows) - 1 for rows in report.duplicate_rows))


def _ensure_table(con: duckdb.DuckDBPyConnection, annex: AnnexList) -> None:
    """The list's table, with every column of today's definition (a database loaded by an earlier
    version gains the new columns, and columns whose type changed are converted)."""
    wanted = {
        "council": "VARCHAR",
        "as_at": "DATE",
        "row_number": "INTEGER",
        **{c.key: checks.TYPES.get(c.kind, "VARCHAR") for c in annex.columns},
        "_flags": "VARCHAR[]",
    }
    existing = dict(
        con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?",
            [annex.table],
        ).fetchall()
    )
    if not existing:
        con.execute(f"CREATE TABLE {annex.table} ({', '.join(f'{k} {t}' for k, t in wanted.items())})")
        return
    for key, kind in wanted.items():
        if key not in existing:
            con.execute(f"ALTER TABLE {annex.table} ADD COLUMN {key} {kind}")
        elif existing[key] != kind:
            con.execute(f"ALTER TABLE {annex.table} ALTER {key} TYPE {kind}")


def _store(
    con: duckdb.DuckDBPyConnection, annex: AnnexList, council: str, as_at: date, pseudonyms: str | None
) -> None:
    pseudonymise = pseudonyms is not None
    _ensure_table(con, annex)
    con.execute(f"DELETE FROM {annex.table} WHERE council = ? AND as_at = ?", [council, as_at])
    values = []
    for column in annex.columns:
        if pseudonymise and column.kind == ID:
            values.append(f"sha256(? || {column.key}) AS {column.key}")
        elif pseudonymise and column.header == "Date of Birth":
            values.append(f"date_trunc('month', {column.key})::DATE AS {column.key}")
        else:
            values.append(column.key)
    parameters: list[object] = [council, as_at]
    if pseudonyms is not None:
        parameters += [_pseudonym_key(pseudonyms)] * sum(1 for c in annex.columns if c.kind == ID)
    con.execute(
        f"INSERT INTO {annex.table} BY NAME SELECT ? AS council, ? AS as_at, _row AS row_number,"
        f" {', '.join(values)}, _flags FROM checked",
        parameters,
    )


def _pseudonym_key(key: str) -> str:
    if not key:
        raise LoadFailed(
            [Problem("settings", "set ANNEX_A_PSEUDONYM_KEY (or _FILE) to pseudonymise an extract")]
        )
    return f"{key}:"
