"""Benchmark: the monthly return's reminder run (`oversight send-reminders`) for a plan of 5,000 actions
led by 300 leads, emailed to a real SMTP server on loopback (aiosmtpd), beside the plan's exception
report computed in the same run as the baseline.

    .venv/bin/python bench/reminders.py [--actions 5000] [--leads 300] [--database-url postgres://…]
"""

from __future__ import annotations

import argparse
import random
import socket
import sys
import tempfile
import time
from datetime import date
from io import StringIO
from pathlib import Path

from database import configure
from generate import PLAN_HEADER, write_csv
from measure import Figure, peak_rss_mb, table
from wording import agencies, key_action, priority_name

SLUG = "reminders"
MONTH_END = date(2017, 1, 31)  # the last month's statuses
RUN_DAY = date(2017, 2, 20)  # February's first reminder day
UPDATED_SHARE = 0.4  # of the actions already updated in February by the reminder day


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--actions", type=int, default=5000)
    parser.add_argument("--leads", type=int, default=300)
    parser.add_argument("--database-url", help="a PostgreSQL server's address (default: SQLite)")
    return parser.parse_args()


def lead_name(number: int) -> str:
    return f"Team Manager {number:03d}"


def write_plan(folder: Path, actions: int, leads: int, rng: random.Random) -> tuple[Path, Path, Path]:
    """The plan (each action led by one or two of the leads), January's statuses for every action, and
    February's for a share of them."""
    rows, ids = [], []
    for n in range(actions):
        priority = n % 10 + 1
        action_id = f"{priority}.{n // 10 + 1}"
        names = {lead_name(rng.randrange(leads)) for _ in range(rng.choice((1, 1, 2)))}
        rows.append(
            (
                priority_name(priority),
                action_id,
                key_action(rng),
                ", ".join(sorted(names)),
                agencies(rng),
                "Jan 16 - Dec 17",
            )
        )
        ids.append(action_id)
    plan = write_csv(folder / "plan.csv", PLAN_HEADER, rows)
    header = ("Action ID", "RAG", "Commentary")
    january = write_csv(folder / "january.csv", header, [(a, "Amber", "Under way.") for a in ids])
    updated = rng.sample(ids, int(len(ids) * UPDATED_SHARE))
    february = write_csv(folder / "february.csv", header, [(a, "Amber", "Still under way.") for a in updated])
    return plan, january, february


def main() -> int:
    args = arguments()
    rng = random.Random(20170220)
    with tempfile.TemporaryDirectory(prefix="oversight-reminders-") as scratch:
        folder = Path(scratch)
        database = configure(args.database_url, folder / "var")

        from aiosmtpd.controller import Controller
        from django.conf import settings
        from django.contrib.auth import get_user_model
        from django.core.management import call_command
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from oversight.accounts.models import Membership
        from oversight.audit.actors import Actor
        from oversight.plans.plan_import import import_plan
        from oversight.plans.render import renderer
        from oversight.plans.report_data import exception_report
        from oversight.plans.status_import import import_statuses

        class Inbox:
            received = 0

            async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
                Inbox.received += 1
                return "250 OK"

        with socket.socket() as probe:  # a free port on loopback (aiosmtpd cannot be given port 0)
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        controller = Controller(Inbox(), hostname="127.0.0.1", port=port)
        controller.start()
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port

        actor = Actor("bench")
        plan_csv, january, february = write_plan(folder, args.actions, args.leads, rng)
        import_plan(plan_csv, SLUG, actor, title="Children's Services Improvement Plan")
        import_statuses(january, SLUG, MONTH_END, actor)
        import_statuses(february, SLUG, date(2017, 2, 17), actor)
        users = get_user_model()
        from oversight.plans.models import Plan

        plan = Plan.objects.get(slug=SLUG)
        people = [
            users(username=f"lead{n:03d}", email=f"lead{n:03d}@council.example", first_name=f"Lead {n:03d}")
            for n in range(args.leads)
        ]
        users.objects.bulk_create(people)
        people = list(users.objects.filter(username__startswith="lead").order_by("username"))
        Membership.objects.bulk_create(
            Membership(plan=plan, user=user, role="lead", leads=lead_name(n)) for n, user in enumerate(people)
        )

        render = renderer("json")
        start = time.perf_counter()
        render(exception_report(SLUG, MONTH_END, months=3))
        baseline = time.perf_counter() - start

        out = StringIO()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            call_command("send_reminders", "--plan", SLUG, "--today", RUN_DAY.isoformat(), stdout=out)
            first_run = time.perf_counter() - start
        first_queries = len(queries)
        sent = Inbox.received
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            call_command("send_reminders", "--plan", SLUG, "--today", RUN_DAY.isoformat(), stdout=StringIO())
            again = time.perf_counter() - start
        controller.stop()

    figures = [
        Figure("Exception report as JSON, computed + rendered (baseline)", baseline, "s"),
        Figure(
            f"Reminder run, {args.actions:,} actions, {args.leads} leads",
            first_run,
            "s",
            None,
            f"{sent} emails received by the SMTP server; {first_run / baseline:.1f} × the baseline; "
            f"{first_queries:,} SQL queries",
        ),
        Figure(
            "The same run again the same day (sends nothing)",
            again,
            "s",
            None,
            f"{Inbox.received - sent} more emails; {again / baseline:.1f} × the baseline; "
            f"{len(queries):,} queries",
        ),
        Figure("Peak memory (ru_maxrss)", peak_rss_mb(), "MB"),
    ]
    print(f"Oversight reminder benchmark: {args.actions:,} actions, {args.leads} leads; database: {database}")
    print(out.getvalue().strip())
    print()
    print(table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
