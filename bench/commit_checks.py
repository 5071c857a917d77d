"""The COMMIT of a large status import after a preview's rollback and a vacuum: its foreign-key checks,
with the import counting what it wrote before it commits (as it does) and without (as it did).

Django's foreign keys on PostgreSQL are checked at COMMIT, one query a row, planned on the statistics
of the table they look in. A preview (the import, rolled back) leaves the statuses table full of dead
rows; a vacuum then counts it as empty across thousands of pages (here forced: a reader holds the table
so the vacuum cannot shorten it, as the website's pages did in bench/site_imports.py's runs) and the
checks were planned on status_latest_idx, reading the whole index a row. Each case runs in a database of
its own on the same private PostgreSQL (or --database-url's server), one after the other: a plan of
--rows actions imported, a preview of --rows statuses rolled back, the vacuum, then the import, timed
up to its COMMIT and the COMMIT itself, with the check's plan (EXPLAIN) just before the COMMIT.

    .venv/bin/python bench/commit_checks.py [--rows 200000]
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from postgres import private_postgres

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = "oversight.settings"
CASES = {"counted": "the import counts its rows before COMMIT (as now)", "not counted": "as before"}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--database-url", help="a server to make the databases on (default: a private one)")
    parser.add_argument("--case", choices=CASES, help=argparse.SUPPRESS)  # one case, in its own process
    args = parser.parse_args()
    if args.case:
        return one_case(args.case, args.rows)
    if args.database_url:
        return both_cases(args.database_url, args.rows)
    with private_postgres() as url:
        return both_cases(url, args.rows)


def both_cases(server: str, rows: int) -> int:
    results = {}
    for number, case in enumerate(CASES, start=1):
        database = f"commit_checks_{number}"
        base = server.rsplit("/", 1)[0]
        subprocess.run([sys.executable, "-c", _create(base, database)], check=True)
        sys.stderr.write(f"... {case}: {rows:,} actions and statuses in {database}\n")
        done = subprocess.run(
            [sys.executable, __file__, "--case", case, "--rows", str(rows)],
            env={**os.environ, "DATABASE_URL": f"{base}/{database}", "DJANGO_SETTINGS_MODULE": SETTINGS},
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode:
            sys.stderr.write(done.stdout + done.stderr)
            return 1
        results[case] = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    print(f"COMMIT of {rows:,} statuses after a preview's rollback and a vacuum (PostgreSQL, one run each)")
    print(f"{'case':<60} {'before COMMIT':>14} {'COMMIT':>9} {'ratio':>6}  check planned on")
    for case, found in results.items():
        before, commit = float(found["before"]), float(found["commit"])
        print(
            f"{CASES[case]:<60} {before:>12.1f} s {commit:>7.1f} s {commit / before:>5.2f}x  {found['index']}"
        )
    return 0


def _create(base: str, database: str) -> str:
    return (
        "import psycopg\n"
        f"with psycopg.connect({base + '/postgres'!r}, autocommit=True) as c:\n"
        f"    c.execute('DROP DATABASE IF EXISTS {database}')\n"
        f"    c.execute('CREATE DATABASE {database}')\n"
    )


def one_case(case: str, rows: int) -> int:
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("OVERSIGHT_DATA_DIR", tempfile.mkdtemp(prefix="oversight-commit-checks-"))
    django.setup()
    from django.core.management import call_command
    from django.db import connection, connections, transaction

    from oversight.audit.actors import Actor
    from oversight.plans import planner_statistics
    from oversight.plans.models import Plan
    from oversight.plans.plan_import import import_plan
    from oversight.plans.status_import import import_statuses

    if case == "not counted":
        planner_statistics.COUNT_FROM = rows + 1
    call_command("migrate", verbosity=0)
    folder = Path(tempfile.mkdtemp(prefix="oversight-commit-checks-"))
    plan_file, status_file = folder / "plan.csv", folder / "statuses.csv"
    with plan_file.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["Priority", "Action ID", "Key action", "Lead", "Agencies", "Timescale"])
        writer.writerows(
            ["Priority 1 - Practice", f"1.{n}", f"Action {n}.", "HOS", "", "Dec-16"] for n in range(rows)
        )
    with status_file.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["Action ID", "RAG", "Commentary"])
        writer.writerows([f"1.{n}", "G", "Done."] for n in range(rows))
    import_plan(plan_file, "bench", Actor("bench"), title="Commit checks")
    Plan.objects.filter(slug="bench").update(accept_red_without_commentary=True)
    as_at = date(2017, 1, 31)
    with transaction.atomic():  # the preview
        import_statuses(status_file, "bench", as_at, Actor("bench"))
        transaction.set_rollback(True)
    reader = connections.create_connection("default")
    with reader.cursor() as cursor:  # a page reading the table: the vacuum cannot shorten it
        cursor.execute("BEGIN")
        cursor.execute("SELECT 1 FROM plans_statusrecord LIMIT 1")
        with connection.cursor() as ours:
            ours.execute("VACUUM plans_statusrecord")
        cursor.execute("ROLLBACK")
    reader.close()
    began = time.perf_counter()
    with transaction.atomic():
        import_statuses(status_file, "bench", as_at, Actor("bench"))
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN SELECT 1 FROM ONLY plans_statusrecord x WHERE id = 5 FOR KEY SHARE OF x")
            planned = " ".join(row[0] for row in cursor.fetchall())
        committing = time.perf_counter()
    ended = time.perf_counter()
    index = next(word for word in planned.split() if word.startswith(("plans_", "status_")))
    print(f"before={committing - began:.3f}\ncommit={ended - committing:.3f}\nindex={index}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
