"""After a preview's rows are rolled back and a vacuum counts the table as empty, an import's foreign-key
checks at COMMIT are still planned on the primary key: the import counts what it wrote before it commits
(on PostgreSQL; its COMMIT of 200,000 statuses took 160 s instead of 6 without)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection, connections, transaction

from oversight.audit.actors import Actor
from oversight.plans.plan_import import import_plan
from oversight.plans.status_import import import_statuses

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL's planner: checked in the PostgreSQL pass",
)
ACTIONS = 3000
AS_AT = date(2017, 1, 31)


def foreign_key_check_plan() -> str:
    """How PostgreSQL would look up a status for the check of a row that refers to it."""
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN SELECT 1 FROM ONLY plans_statusrecord x WHERE id = 5 FOR KEY SHARE OF x")
        return "\n".join(row[0] for row in cursor.fetchall())


def test_a_status_import_after_a_rolled_back_preview_and_a_vacuum_checks_by_the_primary_key(
    transactional_db, write_csv
) -> None:
    plan = [["Priority", "Action ID", "Key action", "Lead", "Agencies", "Timescale"]]
    plan += [["Priority 1 - Practice", f"1.{n}", f"Action {n}.", "HOS", "", "Dec-16"] for n in range(ACTIONS)]
    import_plan(write_csv("plan.csv", plan), "big", Actor("setup"), title="A large plan")
    statuses = write_csv("statuses.csv", [["Action ID", "RAG"]] + [[f"1.{n}", "G"] for n in range(ACTIONS)])
    with transaction.atomic():  # the preview
        import_statuses(statuses, "big", AS_AT, Actor("setup"))
        transaction.set_rollback(True)
    reader = connections.create_connection("default")  # a page reading: the vacuum cannot shorten the table
    try:
        with reader.cursor() as cursor:
            cursor.execute("BEGIN")
            cursor.execute("SELECT 1 FROM plans_statusrecord LIMIT 1")
            with connection.cursor() as ours:
                ours.execute("VACUUM plans_statusrecord")
                ours.execute("SELECT reltuples, relpages FROM pg_class WHERE relname = 'plans_statusrecord'")
                assert ours.fetchone()[1] > 0  # pages, of no live row
            cursor.execute("ROLLBACK")
    finally:
        reader.close()

    with transaction.atomic():
        import_statuses(statuses, "big", AS_AT, Actor("setup"))
        planned = foreign_key_check_plan()
    assert "plans_statusrecord_pkey" in planned, planned
