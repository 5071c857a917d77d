"""The Annex A engine: one object that owns the DuckDB database and the settings that shape the
measures, passed into every computation (loading, measuring, caseloads, the record of what is loaded).

Whoever calls the engine builds it: the website and the commands from their settings, the tests and the
benchmark from their own. Nothing in the engine reads a framework's settings.

DuckDB lets one process write a database file only while no other process has it open. The website's
pages open it to read for a moment; a load waits for them, up to `lock_wait` seconds, then says clearly
that the database is in use. A page that cannot read because a load is writing recognises it with
`is_lock_conflict` (the website answers 503, try again in a minute)."""

from __future__ import annotations

import time
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

    def _config(self) -> dict[str, str | bool | int | float | list[str]]:
        """DuckDB's memory limit and the folder it spills to beyond it: a million-row load or the
        measures of many councils stay within what the administrator gives it."""
        config: dict[str, str | bool | int | float | list[str]] = {
            "memory_limit": f"{self.settings.memory_limit // MB}MB"
        }
        if self.settings.temp_directory is not None:
            config["temp_directory"] = str(self.settings.temp_directory)
        return config

    def exists(self) -> bool:
        return self.database.exists()

    def connect_to_read(self) -> duckdb.DuckDBPyConnection:
        """A read-only connection, for a moment: while a load writes, DuckDB refuses it with a lock
        conflict (is_lock_conflict)."""
        return duckdb.connect(str(self.database), read_only=True, config=self._config())

    def connect_to_write(self) -> duckdb.DuckDBPyConnection:
        """A connection that may write, once no one else has the database open: waits for readers up
        to the settings' lock_wait, then LoadFailed saying the database is in use."""
        self.database.parent.mkdir(parents=True, exist_ok=True)
        patience = self.settings.lock_wait
        deadline = time.monotonic() + patience
        while True:
            try:
                return duckdb.connect(str(self.database), config=self._config())
            except duckdb.IOException as error:
                if not is_lock_conflict(error):
                    raise LoadFailed(
                        [Problem(self.database.name, f"the Annex A database could not be opened: {error}")]
                    ) from None
                if time.monotonic() >= deadline:
                    raise LoadFailed(
                        [
                            Problem(
                                self.database.name,
                                f"the Annex A database is in use by another program (waited {patience:g} s):"
                                " another load, or the website reading it; try again in a minute",
                            )
                        ]
                    ) from None
                time.sleep(RETRY_EVERY)
