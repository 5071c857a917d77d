"""PostgreSQL's counts of a table's rows, brought up to date inside the transaction that bulk-wrote it.

Django checks foreign keys when the transaction commits, one query a row written; PostgreSQL plans those
queries on the statistics of the table they look in. A preview writes an import's rows and rolls them
back, and a vacuum then counts the table as empty of live rows though it spans thousands of pages: the
checks were planned on the wrong index, each reading the whole of it, and the COMMIT of 200,000 statuses
took 160 s instead of 6 (BENCHMARKS.md, "Files imported on the website"). ANALYZE in the transaction
counts the rows it has written (PostgreSQL counts its own transaction's new rows as live), so the checks
at COMMIT are planned on what is there."""

from __future__ import annotations

from django.db import connection, models

COUNT_FROM = 1000  # rows written at once; below this the statistics cannot mislead by much


def recount(model: type[models.Model], written: int) -> None:
    """After `written` rows of `model` were written in bulk: its statistics made again, on PostgreSQL."""
    if written < COUNT_FROM or connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
