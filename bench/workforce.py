"""Workforce benchmark: five years of a large council's workforce (60 months of returns from 60 teams,
and 1,500 staff records a month with a supervision date, IRO caseloads and the courses done) on
PostgreSQL, under gunicorn with 20 signed-in clients at once.

Times, warm, the workforce page (the latest month, and a month two years back) and its Excel download
of every month, beside the plan overview of a 2,000-action plan in the same run (the site's reference
page, whose target is p95 < 200 ms), with the SQL queries of each; and, in this process, the month's
picture (reading.picture), the Excel workbook of all 60 months, and the exception report's Word paper of
the same run as the baseline.

    .venv/bin/python bench/workforce.py            # the full size, several minutes
    .venv/bin/python bench/workforce.py --quick    # a small run, to check it works
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import random
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from postgres import private_postgres
from web import (
    HOST,
    PASSWORD,
    SLUG,
    TARGET_P95_MS,
    Page,
    build_site,
    gunicorn,
    hammer,
    log,
    percentile,
    table,
    table_of,
    terminate,
)
from web import row as table_row
from webclient import Session

from oversight.lib.months import add_months, iso_month, last_day, month_name, month_of

SERVICES = (
    "Assessment", "Child protection", "Children in care", "Care leavers", "Disabled children",
    "Safeguarding and quality",
)  # fmt: skip
IRO_EVERY = 3  # one Safeguarding and quality team in 3 is of independent reviewing officers (4 of 60)
IRO_POLICY, SOCIAL_WORK_POLICY = 70, 18
COURSES = ("Threshold briefing", "Signs of Safety", "Supervision standards")
TENURE = 40  # months a staff ID lasts on average before its post is filled by someone new
SIZES = {  # --quick, or the full run as the issue gives it
    "full": {"months": 60, "teams": 60, "staff": 1500, "actions": 2000, "clients": 20, "duration": 15.0,
             "warmup": 3.0, "repeat": 5},
    "quick": {"months": 25, "teams": 12, "staff": 300, "actions": 300, "clients": 5, "duration": 3.0,
              "warmup": 1.0, "repeat": 2},
}  # fmt: skip
PAST = 24  # months back of the past month's page


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--database-url", help="a PostgreSQL server to use; its tables are emptied")
    parser.add_argument(
        "--quick", action="store_true", help="a small run: 25 months, 12 teams, 300 staff, 5 clients, 3 s"
    )
    parser.add_argument("--months", type=int, help="months of returns and staff records, up to now (60)")
    parser.add_argument("--teams", type=int, help="teams, in 6 services (60)")
    parser.add_argument("--staff", type=int, help="staff records a month (1500)")
    parser.add_argument("--actions", type=int, help="actions in the reference plan (2000)")
    parser.add_argument("--clients", type=int, help="concurrent signed-in clients (20)")
    parser.add_argument("--duration", type=float, help="seconds timed per page (15)")
    parser.add_argument("--warmup", type=float, help="seconds untimed before each (3)")
    parser.add_argument("--repeat", type=int, help="times each in-process figure is made (5)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes (default 3)")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also cProfile, in this process, the page and the Excel download (to stderr)",
    )
    args = parser.parse_args()
    for key, value in SIZES["quick" if args.quick else "full"].items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    return args


def iro(n: int) -> bool:
    """Whether the nth team is of independent reviewing officers: in Safeguarding and quality."""
    return n % len(SERVICES) == len(SERVICES) - 1 and n // len(SERVICES) % IRO_EVERY == 0


def add_workforce(months: int, teams: int, staff: int, action_ids: list[str]) -> dict[str, object]:
    """The workforce, written in bulk: `teams` teams in 6 services (one in 15 of independent reviewing
    officers), every team's return every month up to this one, `staff` staff records a month shared among
    the teams (a supervision date, all but a few; a caseload for the reviewing officers; the courses
    done, more each month), and the 3 courses, each required by a few of the plan's actions."""
    from oversight.plans.models import Action, Plan
    from oversight.workforce.models import Course, StaffRecord, Team, TeamReturn

    plan = Plan.objects.get(slug=SLUG)
    made = Team.objects.bulk_create(
        Team(
            plan=plan,
            name=f"{SERVICES[n % len(SERVICES)]} {n // len(SERVICES) + 1:02}",
            service=SERVICES[n % len(SERVICES)],
            kind=Team.Kind.IRO if iro(n) else Team.Kind.SOCIAL_WORK,
            caseload_policy=IRO_POLICY if iro(n) else SOCIAL_WORK_POLICY,
        )
        for n in range(teams)
    )
    rng = random.Random(2026)
    this = month_of(date.today())
    every = [add_months(this, -back) for back in range(months - 1, -1, -1)]
    size = {team.pk: rng.randint(10, 24) for team in made}
    returns = []
    for month in every:
        for team in made:
            funded = Decimal(size[team.pk])
            vacancies = Decimal(rng.randint(0, 8)) / 2
            agency = min(vacancies, Decimal(rng.randint(0, 6)) / 2)
            permanent = funded - vacancies
            leavers = rng.choice((0, 0, 0, 1, 1, 2))
            made_offers = rng.randint(0, 3)
            returns.append(
                TeamReturn(
                    team=team,
                    month=month,
                    funded=funded,
                    permanent=permanent,
                    agency=agency,
                    vacancies=vacancies,
                    starters=rng.choice((0, 0, 1, 1, 2)),
                    leavers=leavers,
                    sickness_days=Decimal(rng.randint(0, 300)) / 10,
                    offers_made=made_offers,
                    offers_accepted=rng.randint(0, made_offers),
                )  # fmt: skip
            )
    TeamReturn.objects.bulk_create(returns, batch_size=2000)
    started = [rng.randint(0, TENURE - 1) for _ in range(staff)]  # when each post's holder changes
    records = 0
    for index, month in enumerate(every):
        end = last_day(month)
        batch = []
        for slot in range(staff):
            team = made[slot % len(made)]
            holder = (index + started[slot]) // TENURE
            reviewing = team.kind == Team.Kind.IRO
            batch.append(
                StaffRecord(
                    plan=plan,
                    team=team,
                    month=month,
                    staff_id=f"E{slot:05}-{holder:02}",
                    supervised=None if rng.random() < 0.03 else end - timedelta(days=rng.randint(0, 60)),
                    caseload=(None if rng.random() < 0.05 else rng.randint(45, 100)) if reviewing else None,
                    courses=[
                        c if rng.random() < 0.8 else c.upper()
                        for n, c in enumerate(COURSES)
                        if rng.random() < min(0.95, 0.15 + 0.015 * index - 0.1 * n)
                    ],
                )
            )
        StaffRecord.objects.bulk_create(batch, batch_size=5000)
        records += len(batch)
    pks = dict(Action.objects.filter(plan=plan).values_list("action_id", "pk"))
    for n, name in enumerate(COURSES):
        course = Course.objects.create(plan=plan, name=name)
        course.actions.set([pks[a] for a in action_ids[n :: max(1, len(action_ids) // 4)][:4]])
    return {
        "latest": this,
        "past": add_months(this, -min(PAST, months - 1)),
        "first": every[0],
        "teams": Team.objects.filter(plan=plan).count(),
        "iro": Team.objects.filter(plan=plan, kind=Team.Kind.IRO).count(),
        "returns": TeamReturn.objects.filter(team__plan=plan).count(),
        "records": StaffRecord.objects.filter(plan=plan).count(),
        "courses": Course.objects.filter(plan=plan).count(),
    }


def timing(make: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        make()
        times.append(time.perf_counter() - began)
    return times


def in_process(latest: date, past: date, exception_month: date, repeat: int) -> dict[str, object]:
    """In this process: the month's picture (the latest month and the past one, 13 months of trend each),
    the Excel workbook of every month in its parts and as the download (Django's test client, signed in
    as the officer), and the exception report's Word paper the same way, made anew each time."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from openpyxl import Workbook

    from oversight.lib.excel import add_sheet
    from oversight.lib.months import months_between
    from oversight.plans.models import Plan
    from oversight.plans.revisions import plan_changed
    from oversight.workforce import tables
    from oversight.workforce.reading import picture, return_months

    plan = Plan.objects.get(slug=SLUG)
    months = return_months(plan.pk)
    history = months_between(months[-1], latest) + 1
    whole = picture(plan, latest, history=history)
    found = tables.all_tables(whole)

    def workbook() -> bytes:
        book = Workbook()
        book.remove(book.active)
        for sheet in found:
            add_sheet(book, sheet)
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    client = Client(HTTP_HOST=HOST)
    client.force_login(get_user_model().objects.get(username="officer"))
    sizes = {}

    def get(path: str, key: str) -> Callable[[], None]:
        def fetch() -> None:
            response = client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"GET {path}: {response.status_code}")
            sizes[key] = len(response.content)

        return fetch

    def exception_paper() -> None:
        plan_changed(plan.pk)  # the exception report is kept per revision: made anew
        get(f"/plans/{SLUG}/report/{iso_month(exception_month)}.docx", "paper")()

    base = f"/plans/{SLUG}/workforce/"
    made = {
        "picture": timing(lambda: picture(plan, latest), repeat),
        "picture-past": timing(lambda: picture(plan, past), repeat),
        "picture-all": timing(lambda: picture(plan, latest, history=history), repeat),
        "tables-all": timing(lambda: tables.all_tables(whole), repeat),
        "workbook-all": timing(workbook, repeat),
        "xlsx": timing(get(f"{base}workforce.xlsx", "xlsx"), repeat),
        "paper": timing(exception_paper, repeat),
    }
    return {"times": made, "sizes": sizes, "history": history, "staff": whole.staff_counted}


def queries(pages: list[Page]) -> dict[str, int]:
    """The SQL queries each page makes, warm, in this process (signed in as the officer)."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)
    client.force_login(get_user_model().objects.get(username="officer"))
    counts = {}
    for page in pages:
        client.get(page.path(0))
        with CaptureQueriesContext(connection) as found:
            status = client.get(page.path(0)).status_code
        if status != 200:
            raise RuntimeError(f"GET {page.path(0)}: {status}")
        counts[page.key] = len(found)
    connection.close()
    return counts


def profile(pages: list[Page]) -> None:
    """Where each page's time goes, in this process (cProfile, Django's test client), to stderr."""
    import cProfile
    import pstats

    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    client.force_login(get_user_model().objects.get(username="officer"))
    for page in pages:
        client.get(page.path(0))
        profiler = cProfile.Profile()
        began = time.perf_counter()
        profiler.runcall(client.get, page.path(0))
        took = time.perf_counter() - began
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative")
        stats.print_stats(30)
        stats.sort_stats("tottime").print_stats(15)
        sys.stderr.write(f"\n=== {page.name} {page.path(0)}: {took * 1000:.0f} ms under the profiler ===\n")
        sys.stderr.write(out.getvalue())


def main() -> int:
    args = arguments()
    signal.signal(signal.SIGTERM, terminate)
    began = time.perf_counter()
    load_before = os.getloadavg()
    with ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="oversight-workforce-")))
        database_url = args.database_url or stack.enter_context(private_postgres())
        data_dir = scratch / "var"
        site = build_site(database_url, data_dir, args.actions, 12, 0, 1, 0)
        log(f"writing the workforce: {args.months} months, {args.teams} teams, {args.staff:,} staff a month")
        started = time.perf_counter()
        workforce = add_workforce(args.months, args.teams, args.staff, site["all_action_ids"])  # type: ignore[arg-type]
        written = time.perf_counter() - started
        log(f"workforce written in {written:.1f} s")
        latest, past = workforce["latest"], workforce["past"]
        exception_month = add_months(month_of(date.today()), -1)
        log(f"in this process: the picture, the workbook and the exception report, {args.repeat} times each")
        made = in_process(latest, past, exception_month, args.repeat)  # type: ignore[arg-type]
        base = f"/plans/{SLUG}"
        past_path = f"{base}/workforce/?month={iso_month(past)}"  # type: ignore[arg-type]
        xlsx = f"{base}/workforce/workforce.xlsx"
        pages = [
            Page("overview", "Plan overview (the reference)", lambda n: f"{base}/", TARGET_P95_MS),
            Page("workforce", "Workforce, latest month", lambda n: f"{base}/workforce/", TARGET_P95_MS),
            Page("workforce-past", f"Workforce, {PAST} months back", lambda n: past_path, TARGET_P95_MS),
            Page("xlsx", f"Workforce Excel, {args.months} months", lambda n: xlsx, download=True),
        ]  # fmt: skip
        sql = queries(pages)
        if args.profile:
            profile(pages[1:])
        port = stack.enter_context(gunicorn(database_url, data_dir, args.workers, 1))
        log(f"signing in {args.clients} clients as the officer")
        sessions = [Session(HOST, port) for _ in range(args.clients)]
        for session in sessions:
            session.sign_in("officer", PASSWORD)
        rows, p50, p95 = [], {}, {}
        for page in pages:
            log(f"warm: {page.name}, {args.clients} clients, {args.warmup:g} s + {args.duration:g} s")
            samples, seconds = hammer(sessions, [page], args.warmup, args.duration)
            rows.append(table_row(page.name, "warm", samples, seconds, page.target, str(sql[page.key])))
            ok = sorted(s.seconds * 1000 for s in samples if s.status == 200)
            p50[page.key] = percentile(ok, 50) if ok else 0.0
            p95[page.key] = percentile(ok, 95) if ok else 0.0
        for session in sessions:
            session.close()

    print(
        f"Oversight workforce benchmark: {workforce['teams']} teams ({workforce['iro']} of independent"
        f" reviewing officers) in {len(SERVICES)} services, {workforce['returns']:,} team returns and"
        f" {workforce['records']:,} staff records ({args.months} months, {month_name(workforce['first'])}"  # type: ignore[arg-type]
        f" to {month_name(latest)}, {args.staff:,} staff a month), {workforce['courses']} courses;"  # type: ignore[arg-type]
        f" written in {written:.1f} s; a plan of {args.actions:,} actions beside it"
    )
    print(f"Database: {site['database']}; gunicorn: {args.workers} sync workers; {args.clients} clients")
    print(
        f"Machine: {os.cpu_count()} CPUs, Python {platform.python_version()};"
        f" total run {time.perf_counter() - began:.0f} s"
    )
    print(
        "Load average (1, 5, 15 min) before: {:.2f} {:.2f} {:.2f}; after: {:.2f} {:.2f} {:.2f}".format(
            *load_before, *os.getloadavg()
        )
    )
    print()
    print(table(rows))
    reference = p95.get("overview") or 0
    print(f"\nEach page's warm p50 and p95 beside the plan overview's p95 in this run ({reference:.0f} ms):")
    print(
        table_of(
            ["Page", "p50 ms", "p95 ms", "p50 / overview p95", "p95 / overview p95", "SQL"],
            [
                [
                    page.name,
                    f"{p50[page.key]:.0f}",
                    f"{p95[page.key]:.0f}",
                    f"{p50[page.key] / reference:.2f}" if reference else "",
                    f"{p95[page.key] / reference:.2f}" if reference else "",
                    str(sql[page.key]),
                ]
                for page in pages
            ],
        )
    )
    times: dict[str, list[float]] = made["times"]  # type: ignore[assignment]
    sizes: dict[str, int] = made["sizes"]  # type: ignore[assignment]
    paper = statistics.median(times["paper"])
    history = made["history"]
    labels = {
        "picture": f"reading.picture, {month_name(latest)} (13 months)",  # type: ignore[arg-type]
        "picture-past": f"reading.picture, {month_name(past)} (13 months)",  # type: ignore[arg-type]
        "picture-all": f"reading.picture, {history} months (the download's)",
        "tables-all": f"tables.all_tables, {history} months",
        "workbook-all": f"openpyxl workbook of those tables, {history} months",
        "xlsx": f"Excel download, {history} months ({sizes['xlsx']:,} bytes)",
        "paper": f"Exception report, Word, {month_name(exception_month)} ({sizes['paper']:,} bytes)",
    }
    print(
        f"\nIn this process, {args.repeat} times each ({made['staff']:,} staff in the latest month's"
        " records); the download and the paper through Django's test client, the paper made anew each time:"
    )
    print(
        table_of(
            ["Made", "median s", "min s", "max s", "/ exception paper"],
            [
                [
                    label,
                    f"{statistics.median(times[key]):.3f}",
                    f"{min(times[key]):.3f}",
                    f"{max(times[key]):.3f}",
                    f"{statistics.median(times[key]) / paper:.2f}",
                ]
                for key, label in labels.items()
            ],
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
