"""Points Django at a fresh database for the benchmark: SQLite in a temporary directory, or a server."""

from __future__ import annotations

import os
from pathlib import Path

from django.db.backends.base.base import BaseDatabaseWrapper


def configure(database_url: str | None, data_dir: Path) -> str:
    """Sets up Django on an empty, migrated database; returns a description of it."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "oversight.settings"
    os.environ["DEBUG"] = "False"  # no query log growing in memory
    os.environ["OVERSIGHT_DATA_DIR"] = str(data_dir)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)

    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    return describe(connection)


def describe(connection: BaseDatabaseWrapper) -> str:
    """'SQLite 3.45.1' or 'PostgreSQL 15.8 at 127.0.0.1:54400'."""
    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version} (file {connection.settings_dict['NAME']})"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    settings = connection.settings_dict
    return f"PostgreSQL {version} at {settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
