"""Where the Annex A database is, and opening it to write while the website may be reading it."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
from django.conf import settings

from oversight.lib.problems import ImportFailed, Problem

RETRY_EVERY = 0.25  # seconds


def database_path() -> Path:
    return Path(getattr(settings, "ANNEX_A_DATABASE", Path(settings.DATA_DIR) / "annex_a.duckdb"))


def is_lock_conflict(error: BaseException) -> bool:
    return isinstance(error, duckdb.IOException) and "lock" in str(error).lower()


def connect_for_writing(path: Path, wait: float | None = None) -> duckdb.DuckDBPyConnection:
    """A connection that may write. DuckDB lets one process write a file only while no other process
    has it open, and the website's pages open it to read for a moment: wait for them, up to
    ANNEX_A_LOCK_WAIT seconds, then say clearly that the database is in use."""
    patience = settings.ANNEX_A_LOCK_WAIT if wait is None else wait
    deadline = time.monotonic() + patience
    while True:
        try:
            return duckdb.connect(str(path))
        except duckdb.IOException as error:
            if not is_lock_conflict(error):
                raise ImportFailed(
                    [Problem(path.name, f"the Annex A database could not be opened: {error}")]
                ) from None
            if time.monotonic() >= deadline:
                raise ImportFailed(
                    [
                        Problem(
                            path.name,
                            f"the Annex A database is in use by another program (waited {patience:g} s):"
                            " another load, or the website reading it; try again in a minute",
                        )
                    ]
                ) from None
            time.sleep(RETRY_EVERY)
