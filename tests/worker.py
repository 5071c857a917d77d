"""The worker process, as a deployment runs it (`oversight db-worker`), started by a test against the
test's own database and files: to do what is queued and stop (`--batch`), or to run beside a browser
test until it ends."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

from django.conf import settings
from django.db import connection

COMMAND = [sys.executable, "-m", "oversight.cli", "db-worker", "--no-startup-delay", "--interval", "0.2"]


def environment() -> dict[str, str]:
    """The worker's settings: the database the tests use (the test database, not the one named in
    DATABASE_URL), and the tests' Annex A database and private files."""
    database = connection.settings_dict
    if database["ENGINE"].endswith("sqlite3"):
        url = f"sqlite:///{database['NAME']}"
    else:
        url = (
            f"postgres://{quote(database['USER'] or '')}:{quote(database['PASSWORD'] or '')}"
            f"@{database['HOST'] or 'localhost'}:{database['PORT'] or 5432}/{database['NAME']}"
        )
    return {
        **os.environ,
        "DATABASE_URL": url,
        "ANNEX_A_DATABASE": str(settings.ANNEX_A_DATABASE),
        "OVERSIGHT_FILES_DIR": str(settings.PRIVATE_FILES_DIR),
        "DJANGO_SETTINGS_MODULE": "oversight.settings",
    }


def work_through_the_queue(timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Runs the worker until nothing is queued; its output, for a failing test to show."""
    return subprocess.run(
        [*COMMAND, "--batch"], env=environment(), capture_output=True, text=True, timeout=timeout, check=True
    )


@contextmanager
def running_worker() -> Iterator[subprocess.Popen[str]]:
    worker = subprocess.Popen(
        COMMAND, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        yield worker
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
