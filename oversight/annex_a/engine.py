"""The Annex A engine: one object that owns the DuckDB database and the settings that shape the
measures, passed into every computation (loading, measuring, caseloads, the record of what is loaded).

Whoever calls the engine builds it: the website and the commands from their settings, the tests and the
benchmark from their own. Nothing in the engine reads a framework's settings.

A load never writes the database the website reads: it copies it, loads into the copy and puts the
copy in its place (a file's replacement is one step), so the pages read the extract as it was until the
load is done, and a load that fails leaves the database as it was. Loads run one at a time; one that
finds another running waits up to `lock_wait` seconds, then says so. (`is_lock_conflict` still recognises
DuckDB refusing a file another process writes, for a database an older version was writing.)"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from oversight.annex_a.bands import DEFAULT_POLICY, Band
from oversight.annex_a.problems import LoadFailed, Problem
from oversight.lib.spreadsheet_limits import MB, Limits
from oversight.lib.working_days import WorkingDayCalendar, england

RETRY_EVERY = 0.25  # seconds


@dataclass(frozen=True)
class EngineSettings:
    """What shapes the measures and the loads. The defaults are England's calendar and the standards
    of the seed councils; a deployment sets its own."""

    cp_visit_working_days: int = 10  # the council's standard for visits to children on a plan
    calendar: WorkingDayCalendar = field(default_factory=england)
    caseload_bands: tuple[Band, ...] = DEFAULT_POLICY  # used where no policy of the council's is given
    # an extract is far larger than a plan: a national one is a million rows
    limits: Limits = Limits(unpacked_bytes=2048 * MB, cells=50_000_000)
    pseudonym_key: str = ""  # keys the hash of Child Unique IDs; keep it secret and stable
    lock_wait: float = 60  # seconds a load waits for readers before it says the database is in use
    # what DuckDB may hold in memory, spilling the rest to `temp_directory` (beside the database if None)
    memory_limit: int = 1024 * MB
    temp_directory: Path | None = None


def duckdb_config(settings: EngineSettings) -> dict[str, str | bool | int | float | list[str]]:
    """DuckDB's memory limit and the folder it spills to beyond it: a million-row load, a council's
    measures or a region's stay within what the administrator gives it."""
    config: dict[str, str | bool | int | float | list[str]] = {
        "memory_limit": f"{settings.memory_limit // MB}MB"
    }
    if settings.temp_directory is not None:
        config["temp_directory"] = str(settings.temp_directory)
    return config


def is_lock_conflict(error: BaseException) -> bool:
    """Whether DuckDB refused to open the database because another process holds it."""
    return isinstance(error, duckdb.IOException) and "lock" in str(error).lower()


class Engine:
    """The Annex A database at `database`, and the settings its computations follow."""

    def __init__(self, database: Path, settings: EngineSettings | None = None) -> None:
        self.database = Path(database)
        self.settings = settings or EngineSettings()

    def __repr__(self) -> str:
        return f"Engine({str(self.database)!r})"

    def exists(self) -> bool:
        return self.database.exists()

    def connect_to_read(self) -> duckdb.DuckDBPyConnection:
        """A read-only connection, for a moment (a load writes a copy, never this file: no wait)."""
        return duckdb.connect(str(self.database), read_only=True, config=duckdb_config(self.settings))

    @contextmanager
    def writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to a copy of the database, which replaces the database when the block ends
        without an error and is thrown away when it raises: the website's pages read the database as it
        was until then, and never wait. One load at a time: another waits for it up to the settings'
        lock_wait, then LoadFailed saying a load is running."""
        with (
            self._one_load_at_a_time(),
            self._drafted(self.database.with_name(f"{self.database.name}.loading")) as (
                con,
                draft,
            ),
        ):
            yield con
            con.close()  # written through to the file (DuckDB checkpoints on closing)
            os.replace(draft.path, self.database)

    @contextmanager
    def drafting(self, path: Path) -> Iterator[tuple[duckdb.DuckDBPyConnection, Draft]]:
        """As `writing`, but the copy is kept at `path` when the block ends, for `switch` to put in the
        database's place once someone has looked at it (or `discard` to throw away)."""
        with self._one_load_at_a_time(), self._drafted(path) as (con, draft):
            yield con, draft
            con.close()

    def switch(self, draft: Draft) -> None:
        """The draft in the database's place, if the database is still the one it was copied from;
        otherwise LoadFailed (another load came first: this one is out of date) and the draft discarded."""
        with self._one_load_at_a_time():
            if _identity(self.database) != draft.based_on:
                _remove(draft.path)
                raise LoadFailed(
                    [
                        Problem(
                            self.database.name,
                            "another extract was loaded after this one was checked, so this one is out of"
                            " date: load it again",
                        )
                    ]
                )
            os.replace(draft.path, self.database)

    def discard(self, draft: Draft) -> None:
        _remove(draft.path)

    @contextmanager
    def _drafted(self, path: Path) -> Iterator[tuple[duckdb.DuckDBPyConnection, Draft]]:
        """A copy of the database at `path` (a new database if there is none) and a connection to it;
        the copy is removed if the block raises. Called holding the load lock."""
        _remove(path)
        draft = Draft(path, _identity(self.database))
        if self.database.exists():
            shutil.copyfile(self.database, path)
        try:
            con = duckdb.connect(str(path), config=duckdb_config(self.settings))
        except duckdb.Error as error:
            _remove(path)
            raise LoadFailed(
                [Problem(self.database.name, f"the Annex A database could not be opened: {error}")]
            ) from None
        try:
            yield con, draft
        except BaseException:
            con.close()
            _remove(path)
            raise

    @contextmanager
    def _one_load_at_a_time(self) -> Iterator[None]:
        patience = self.settings.lock_wait
        deadline = time.monotonic() + patience
        self.database.parent.mkdir(parents=True, exist_ok=True)
        with open(self.database.with_name(f"{self.database.name}.lock"), "a") as lock:
            while True:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise LoadFailed(
                            [
                                Problem(
                                    self.database.name,
                                    f"another load of Annex A is running (waited {patience:g} s): try again"
                                    " in a minute",
                                )
                            ]
                        ) from None
                    time.sleep(RETRY_EVERY)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


@dataclass(frozen=True)
class Draft:
    """A copy of the database with a load in it, not yet in the database's place; `based_on` says which
    database it was copied from (None: there was none)."""

    path: Path
    based_on: tuple[int, int, int] | None


def _identity(database: Path) -> tuple[int, int, int] | None:
    """Which file the database is: replaced whole by each load, so a new one has a new identity."""
    try:
        found = database.stat()
    except FileNotFoundError:
        return None
    return (found.st_ino, found.st_mtime_ns, found.st_size)


def _remove(database: Path) -> None:
    database.unlink(missing_ok=True)
    database.with_name(f"{database.name}.wal").unlink(missing_ok=True)
