"""The embedded SQLite database: pages read while a long import holds the write lock."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db.utils import ConnectionHandler

from oversight import settings as production

ROWS = 20_000


@pytest.fixture(autouse=True)
def own_database_files(django_db_blocker) -> Iterator[None]:
    """These tests make SQLite files of their own, outside the test database."""
    with django_db_blocker.unblock():
        yield


def embedded(path: Path) -> ConnectionHandler:
    """Connections to a SQLite file as the site makes them when DATABASE_URL is not set."""
    return ConnectionHandler(
        {
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(path),
                "OPTIONS": production.EMBEDDED_DATABASE_OPTIONS,
            }
        }
    )


def test_the_embedded_database_keeps_a_write_ahead_log(tmp_path: Path) -> None:
    connections = embedded(tmp_path / "oversight.sqlite3")
    with connections["default"].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone() == ("wal",)
    connections.close_all()


def test_pages_read_while_an_import_holds_the_write_lock(tmp_path: Path) -> None:
    connections = embedded(tmp_path / "oversight.sqlite3")
    with connections["default"].cursor() as cursor:
        cursor.execute("CREATE TABLE statuses (id INTEGER PRIMARY KEY, commentary TEXT)")
        cursor.execute("INSERT INTO statuses (commentary) VALUES ('before the import')")
    connections.close_all()

    written, read = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def an_import() -> None:
        writer = embedded(tmp_path / "oversight.sqlite3")["default"]
        try:
            with writer.cursor() as cursor:
                cursor.execute("PRAGMA cache_size = 10")  # a large import outgrows its cache and spills
                cursor.execute(f"BEGIN {writer.transaction_mode}")
                cursor.executemany(
                    "INSERT INTO statuses (commentary) VALUES (%s)", [("x" * 200,) for _ in range(ROWS)]
                )
                written.set()
                read.wait(timeout=60)
                cursor.execute("COMMIT")
        except BaseException as error:  # noqa: BLE001 - reported to the test below
            failures.append(error)
            written.set()
        finally:
            writer.close()

    writer = threading.Thread(target=an_import)
    writer.start()
    try:
        assert written.wait(timeout=60)
        reader = embedded(tmp_path / "oversight.sqlite3")["default"]
        with reader.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM statuses")
            assert cursor.fetchone() == (1,)  # what was committed before the import began
    finally:
        read.set()
        writer.join()
    assert failures == []
    with reader.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM statuses")
        assert cursor.fetchone() == (1 + ROWS,)
    reader.close()
