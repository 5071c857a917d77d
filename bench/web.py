"""Web benchmark: the plan's pages under gunicorn and PostgreSQL with 20 signed-in clients at once.

Builds a plan of 2,000 actions with 24 months of statuses up to this month and a scorecard of 200
indicators with 36 months of values, starts gunicorn with production settings, signs in the clients
and times the plan overview, the action list (whole and filtered), an action page, the scorecard (this
month and a past month), an indicator page and the scorecard's Excel download, warm and right after a
status change, with the SQL queries each page makes.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import queue
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from generate import generate
from postgres import free_port, private_postgres
from webclient import Session

from oversight.lib.months import add_months, iso_month, month_of

ROOT = Path(__file__).resolve().parent.parent
SLUG = "bench"
PASSWORD = "bench-password-" + secrets.token_hex(8)
TARGET_P95_MS = 200.0
HOST = "127.0.0.1"
PAGES = {  # --page choices, in the order timed
    "overview": "Plan overview",
    "actions": "Action list",
    "filtered": "Action list, ?rag=R&overdue=1",
    "action": "Action page",
    "scorecard": "Scorecard, this month",
    "scorecard-past": "Scorecard, 12 months ago",
    "indicator": "Indicator page",
    "scorecard-xlsx": "Scorecard, Excel download",
}


@dataclass(frozen=True)
class Page:
    key: str
    name: str
    path: Callable[[int], str]  # the nth request's path
    target: float | None = None  # p95, ms
    # a file: nothing of it is kept between changes, and people read pages far more often than they
    # download, so it is left out of the after-a-change and mixed tests
    download: bool = False


@dataclass(frozen=True)
class Sample:
    page: str
    seconds: float
    status: int  # 0: no response (the error is counted)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--database-url",
        help="a PostgreSQL server to use; its tables are emptied (default: a private one on a free port)",
    )
    parser.add_argument("--actions", type=int, default=2000, help="actions in the plan (default 2000)")
    parser.add_argument("--months", type=int, default=24, help="months of statuses, up to now (default 24)")
    parser.add_argument(
        "--indicators", type=int, default=200, help="scorecard indicators, in 8 service areas (default 200)"
    )
    parser.add_argument(
        "--indicator-months", type=int, default=36, help="months of indicator values, up to now (default 36)"
    )
    parser.add_argument("--clients", type=int, default=20, help="concurrent signed-in clients (default 20)")
    parser.add_argument("--duration", type=float, default=15.0, help="seconds timed per page (default 15)")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds untimed before each (default 3)")
    parser.add_argument("--rounds", type=int, default=10, help="status changes per after-a-change test")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes (default 3)")
    parser.add_argument(
        "--threads", type=int, default=1, help="threads per worker; more than 1 uses gthread (default 1)"
    )
    parser.add_argument(
        "--update-every",
        type=float,
        default=5.0,
        help="seconds between status changes in the mixed test (default 5; 0 skips it)",
    )
    parser.add_argument(
        "--only",
        choices=["warm", "change", "mixed", "month-end"],
        action="append",
        help="run only this test; repeatable (month-end runs only when named)",
    )
    parser.add_argument(
        "--leads", type=int, default=300, help="month-end: people saving updates (default 300)"
    )
    parser.add_argument(
        "--month-end-minutes",
        type=float,
        default=10.0,
        help="month-end: every action is saved once within this many minutes (default 10)",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="instead of gunicorn: cProfile each page in this process (Django's test client), with its "
        "SQL queries, warm and after a change",
    )
    parser.add_argument(
        "--page",
        choices=list(PAGES),
        action="append",
        help="time only this page; repeatable, in the order given",
    )
    return parser.parse_args()


def log(message: str) -> None:
    sys.stderr.write(f"... {message}\n")


# ---------------------------------------------------------------- the data, in this process


def build_site(  # noqa: PLR0913 - the benchmark's sizes
    database_url: str,
    data_dir: Path,
    actions: int,
    months: int,
    indicators: int,
    indicator_months: int,
    month_end_people: int,
) -> dict[str, object]:
    """Migrates and empties the database, imports the plan and its statuses up to today, adds the
    people and the scorecard, collects the static files. Returns what the load needs to know."""
    from database import configure

    description = configure(database_url, data_dir)
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.urls import reverse
    from django.utils import timezone
    from scorecard_data import add_scorecard
    from wording import LEADS

    from oversight.accounts.models import Membership
    from oversight.audit.actors import Actor
    from oversight.plans.models import Action, Plan, StatusRecord
    from oversight.plans.plan_import import import_plan
    from oversight.plans.plan_settings import change_settings
    from oversight.plans.register import register
    from oversight.plans.status_import import import_statuses

    today = timezone.localdate()
    start = add_months(month_of(today), -(months - 1))
    log(f"database: {description}; generating {actions:,} actions, {months} months from {start:%B %Y}")
    data = generate(data_dir / "generated", actions, months, start=start)
    actor = Actor("bench")
    began = time.perf_counter()
    import_plan(data.plan_csv, SLUG, actor, title="Children's Services Improvement Plan")
    # some generated Red and Amber statuses have no commentary, as in Bromley's: recorded with a warning
    change_settings(Plan.objects.get(slug=SLUG), {"accept_red_without_commentary": True}, actor)
    for as_at, path in data.statuses:
        # this month's file is as at today, so that the site's "this month" shows it
        import_statuses(path, SLUG, min(as_at, today), actor)
    plan = Plan.objects.get(slug=SLUG)
    log(
        f"imported {Action.objects.filter(plan=plan).count():,} actions and "
        f"{StatusRecord.objects.filter(action__plan=plan).count():,} statuses "
        f"in {time.perf_counter() - began:.1f} s"
    )
    users = get_user_model()
    officer = users.objects.create_user("officer", "officer@example.org", PASSWORD, first_name="Olu")
    lead = users.objects.create_user("lead", "lead@example.org", PASSWORD, first_name="Lee")
    Membership.objects.create(plan=plan, user=officer, role="officer")
    Membership.objects.create(plan=plan, user=lead, role="lead", leads=LEADS[0])
    # the month-end test's people: officers, as a lead may update only their own actions and the
    # generated plan names its leads by job title, far fewer than 300 (the save is the same form)
    hashed = make_password(PASSWORD)  # once: Argon2 is slow on purpose
    people = users.objects.bulk_create(
        users(username=f"lead-{n:03}", email=f"lead-{n:03}@example.org", password=hashed)
        for n in range(month_end_people)
    )
    Membership.objects.bulk_create(Membership(plan=plan, user=p, role="officer") for p in people)
    began = time.perf_counter()
    scorecard = add_scorecard(plan, [officer, lead], indicators, indicator_months, month_of(today))
    log(
        f"scorecard: {len(scorecard.indicator_ids)} indicators, {scorecard.values:,} values "
        f"({scorecard.no_data} 'no data', {scorecard.missing} months missing) "
        f"in {time.perf_counter() - began:.1f} s"
    )
    cache.clear()
    began = time.perf_counter()
    reg = register(plan, today)
    built = time.perf_counter() - began
    log(f"register of the plan built in this process in {built:.3f} s")
    ids = list(Action.objects.filter(plan=plan).order_by("sort_key").values_list("action_id", flat=True))
    call_command("collectstatic", interactive=False, verbosity=0)
    connection.close()
    return {
        "database": description,
        "today": today,
        "start": start,
        "action_ids": ids[:: max(1, len(ids) // 100)],
        "all_action_ids": ids,
        "indicator_ids": scorecard.indicator_ids,
        "values": scorecard.values,
        "scorecard_xlsx": reverse("scorecard-download", args=[SLUG, iso_month(month_of(today)), "xlsx"]),
        "lead_action": next(a.action_id for a in reg.actions if LEADS[0] in a.lead),
        "register_seconds": built,
        "red": sum(1 for a in reg.actions if a.rag == "R"),
        "overdue": sum(1 for a in reg.actions if a.overdue(reg.month)),
    }


def profile(pages: list[Page], repeat: int = 20) -> None:
    """Each page in this process through Django's test client: SQL queries, time, and where it goes."""
    import cProfile
    import io
    import pstats

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from oversight.plans.models import Plan
    from oversight.plans.updates import plan_changed

    client = Client(HTTP_HOST=HOST)
    client.force_login(get_user_model().objects.get(username="officer"))
    plan = Plan.objects.get(slug=SLUG)
    queries: list[tuple[float, str]] = []

    def record(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append((time.perf_counter() - began, sql))

    for page in pages:
        path = page.path(0)
        plan_changed(plan.pk)
        queries.clear()
        with connection.execute_wrapper(record):
            began = time.perf_counter()
            status = client.get(path).status_code
            cold = time.perf_counter() - began
            cold_queries = list(queries)
            queries.clear()
            client.get(path)
            warm_queries = list(queries)
        profiler = cProfile.Profile()
        began = time.perf_counter()
        for n in range(repeat):
            profiler.runcall(client.get, page.path(n))
        warm = (time.perf_counter() - began) / repeat
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative")
        stats.print_stats(25)
        stats.sort_stats("tottime").print_stats(15)
        sys.stderr.write(
            f"\n=== {page.name} {path}: {status}; after a change {cold * 1000:.0f} ms with "
            f"{len(cold_queries)} queries ({sum(t for t, _ in cold_queries) * 1000:.0f} ms in SQL); "
            f"warm {warm * 1000:.0f} ms under the profiler, {len(warm_queries)} queries ===\n"
        )
        for seconds, sql in cold_queries:
            sys.stderr.write(f"  SQL after a change {seconds * 1000:.1f} ms: {sql[:150]}\n")
        for seconds, sql in warm_queries:
            sys.stderr.write(f"  SQL warm {seconds * 1000:.1f} ms: {sql[:150]}\n")
        sys.stderr.write(out.getvalue())


# ---------------------------------------------------------------- gunicorn


@contextmanager
def gunicorn(database_url: str, data_dir: Path, workers: int, threads: int) -> Iterator[int]:
    """Runs gunicorn with production-like settings on a free port; stops it on the way out."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "oversight.settings",
        "DEBUG": "False",
        "HTTPS": "False",  # plain http on loopback
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url,
        "DB_CONN_MAX_AGE": "60",
        "OVERSIGHT_DATA_DIR": str(data_dir),
    }
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "oversight.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--error-logfile",
        str(data_dir / "gunicorn.log"),
    ]
    if threads > 1:
        command += ["--worker-class", "gthread", "--threads", str(threads)]
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                log_text = (data_dir / "gunicorn.log").read_text()[-3000:]
                raise RuntimeError(f"gunicorn exited with {server.returncode}:\n{log_text}")
            try:
                if Session(HOST, port, timeout=5).get("/sign-in/").status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not answer within 60 s")
            time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# ---------------------------------------------------------------- load


def pages_for(site: dict[str, object], keys: list[str] | None) -> list[Page]:
    """The pages timed, all of them or those named, in that order."""
    ids: list[str] = site["action_ids"]  # type: ignore[assignment]
    indicators: list[int] = site["indicator_ids"]  # type: ignore[assignment]
    past = iso_month(add_months(month_of(site["today"]), -12))  # type: ignore[arg-type]
    scorecard, xlsx = f"/plans/{SLUG}/scorecard/", str(site["scorecard_xlsx"])
    paths: dict[str, Callable[[int], str]] = {
        "overview": lambda n: f"/plans/{SLUG}/",
        "actions": lambda n: f"/plans/{SLUG}/actions/",
        "filtered": lambda n: f"/plans/{SLUG}/actions/?rag=R&overdue=1",
        "action": lambda n: f"/plans/{SLUG}/actions/{ids[n % len(ids)]}/",
        "scorecard": lambda n: scorecard,
        "scorecard-past": lambda n: f"{scorecard}?month={past}",
        "indicator": lambda n: f"{scorecard}{indicators[n % len(indicators)]}/",
        "scorecard-xlsx": lambda n: xlsx,
    }
    return [
        Page(
            key,
            PAGES[key],
            paths[key],
            TARGET_P95_MS if key in {"overview", "actions", "scorecard", "scorecard-past"} else None,
            download=key == "scorecard-xlsx",
        )
        for key in keys or PAGES
    ]


def count_queries(pages: list[Page]) -> dict[str, tuple[int, int]]:
    """The SQL queries each page makes in this process (Django's test client, signed in as the
    officer): (right after a change to the plan, warm)."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from oversight.plans.models import Plan
    from oversight.plans.revisions import plan_changed

    client = Client(HTTP_HOST=HOST)
    client.force_login(get_user_model().objects.get(username="officer"))
    plan = Plan.objects.get(slug=SLUG)
    counts = {}
    for page in pages:
        plan_changed(plan.pk)
        found = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                status = client.get(page.path(0)).status_code
            if status != 200:
                raise RuntimeError(f"GET {page.path(0)}: {status}")
            found.append(len(queries))
        counts[page.key] = found[0], found[1]
    connection.close()
    return counts


def timed(session: Session, page: Page, n: int) -> Sample:
    try:
        answer = session.get(page.path(n))
        return Sample(page.key, answer.seconds, answer.status)
    except OSError as error:
        session.close()
        log(f"{page.key}: {error!r}")
        return Sample(page.key, 0.0, 0)


def hammer(
    sessions: list[Session], pages: list[Page], warmup: float, duration: float
) -> tuple[list[Sample], float]:
    """Every session requests the pages in turn as fast as it can; samples after the warm-up."""
    samples: list[Sample] = []
    lock = threading.Lock()
    begin = time.perf_counter()
    timed_from, end = begin + warmup, begin + warmup + duration

    def client(number: int) -> None:
        mine, n = [], number
        while (now := time.perf_counter()) < end:
            page = pages[n % len(pages)]
            sample = timed(sessions[number], page, n)
            if now >= timed_from:
                mine.append(sample)
            n += 1
        with lock:
            samples.extend(mine)

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(len(sessions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples, duration


class Writer:
    """An improvement officer saving monthly updates through the update form."""

    def __init__(self, session: Session, action_ids: list[str]) -> None:
        self.session, self.action_ids, self.count = session, action_ids, 0

    def change(self) -> float:
        action_id = self.action_ids[self.count % len(self.action_ids)]
        self.count += 1
        rag = "AR"[self.count % 2]
        path = f"/plans/{SLUG}/actions/{action_id}/update/"
        # a Red update says whether the delay poses an immediate safeguarding risk
        update = {"rag": rag, "commentary": f"Benchmark update {self.count}.", "safeguarding_risk": "no"}
        answer = self.session.post_form(path, update)
        if answer.status != 302:
            raise RuntimeError(f"POST {path}: {answer.status}, expected a redirect")
        return answer.seconds


def all_at_once(sessions: list[Session], page: Page, n: int) -> list[Sample]:
    """One request from every session, released together."""
    barrier = threading.Barrier(len(sessions))
    results: list[Sample] = []
    lock = threading.Lock()

    def client(number: int) -> None:
        barrier.wait()
        sample = timed(sessions[number], page, n * len(sessions) + number)
        with lock:
            results.append(sample)

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(len(sessions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def after_change(
    writer: Writer, sessions: list[Session], page: Page, rounds: int
) -> tuple[list[Sample], list[Sample], list[float]]:
    """First: one request right after each change (this worker rebuilds its register, or the
    scorecard's tables). Then: all the clients at once right after each change (every worker rebuilds
    while the others wait)."""
    first, burst, saves = [], [], []
    for n in range(rounds):
        saves.append(writer.change())
        first.append(timed(sessions[0], page, n))
    for n in range(rounds):
        saves.append(writer.change())
        burst += all_at_once(sessions, page, n)
        time.sleep(0.5)
    return first, burst, saves


def mixed(
    sessions: list[Session], writer: Writer, pages: list[Page], every: float, warmup: float, duration: float
) -> tuple[list[Sample], int]:
    """All the pages in turn while the officer saves an update every `every` seconds."""
    stop = threading.Event()
    saved = [0]

    def write() -> None:
        time.sleep(warmup)
        while not stop.wait(every):
            writer.change()
            saved[0] += 1

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    try:
        samples, _ = hammer(sessions, pages, warmup, duration)
    finally:
        stop.set()
        thread.join()
    return samples, saved[0]


@dataclass(frozen=True)
class Save:
    seconds: float  # opening the update form and saving it
    status: int  # the save's answer: 302 when it lands, 0 for no answer
    behind: float  # seconds after its time in the schedule that it began


def month_end(
    people: list[Session],
    readers: list[Session],
    pages: list[Page],
    action_ids: list[str],
    minutes: float,
    in_flight: int = 30,
) -> tuple[list[Sample], list[Save], float]:
    """The end of the month: every action saved once through its update form, the saves spread evenly
    over `minutes` (the nth by the (n mod people)th person, up to `in_flight` at once), while the
    readers browse the pages in turn. Returns the readers' samples, the saves, and the seconds from the
    first save's time to the last save's answer."""
    window = minutes * 60
    interval = window / len(action_ids)
    schedule: queue.SimpleQueue[tuple[int, str]] = queue.SimpleQueue()
    for n, action_id in enumerate(action_ids):
        schedule.put((n, action_id))
    saves: list[Save] = []
    lock = threading.Lock()
    busy = [threading.Lock() for _ in people]  # one person saves one action at a time
    start = time.perf_counter()

    def saver() -> None:
        while True:
            try:
                n, action_id = schedule.get_nowait()
            except queue.Empty:
                return
            due = start + n * interval
            time.sleep(max(0.0, due - time.perf_counter()))
            person = n % len(people)
            with busy[person]:
                began = time.perf_counter()
                try:
                    answer = people[person].post_form(
                        f"/plans/{SLUG}/actions/{action_id}/update/",
                        {
                            "rag": "RAG"[n % 3],
                            "commentary": f"Month-end return {n}: progress as planned.",
                            "safeguarding_risk": "no",
                        },
                    )
                    status = answer.status
                except OSError as error:
                    people[person].close()
                    log(f"save {action_id}: {error!r}")
                    status = 0
                took = time.perf_counter() - began
            with lock:
                saves.append(Save(took, status, began - due))

    read: list[Sample] = []

    def browse() -> None:
        read.extend(hammer(readers, pages, 0.0, window)[0])

    reading = threading.Thread(target=browse, daemon=True)
    reading.start()
    savers = [threading.Thread(target=saver, daemon=True) for _ in range(in_flight)]
    for thread in savers:
        thread.start()
    for thread in savers:
        thread.join()
    finished = time.perf_counter() - start
    reading.join()
    return read, saves, finished


# ---------------------------------------------------------------- figures


def percentile(sorted_ms: list[float], p: float) -> float:
    """Nearest rank."""
    return sorted_ms[max(0, math.ceil(p / 100 * len(sorted_ms)) - 1)]


def row(
    label: str,
    test: str,
    samples: list[Sample],
    seconds: float | None,
    target: float | None,
    queries: str = "",
) -> list[str]:
    ok = sorted(s.seconds * 1000 for s in samples if s.status == 200)
    errors = sum(1 for s in samples if s.status != 200)
    if not ok:
        return [label, test, str(len(samples)), str(errors), "", "", "", "", "", "", queries]
    p95 = percentile(ok, 95)
    result = "" if target is None else ("PASS" if p95 < target and not errors else "FAIL")
    return [
        label,
        test,
        str(len(samples)),
        str(errors),
        f"{len(samples) / seconds:.1f}" if seconds else "",
        f"{percentile(ok, 50):.0f}",
        f"{p95:.0f}",
        f"{percentile(ok, 99):.0f}",
        f"{ok[-1]:.0f}",
        result,
        queries,
    ]


AT_ONCE_GOAL, MIXED_GOAL = 1.5, 1.25  # issue 13: a page's p95 beside its own warm p95, in one run


RATIOS = (  # (test, divided by, goal)
    ("at once", "warm", AT_ONCE_GOAL),
    ("mixed", "warm", MIXED_GOAL),
    ("mixed", "in turn", None),
    ("month-end", "warm", None),
    ("month-end", "in turn", None),
)
RATIO_HEADER = [
    "Page",
    "warm p95 ms",
    "at once / warm",
    "",
    "mixed / warm",
    "",
    "mixed / in turn",
    "month-end / warm",
    "month-end / in turn",
]


def ratios(rows: list[list[str]]) -> list[list[str]]:
    """Each page's p95 with every client at once right after a change, in the mixed test and at the
    month's end, divided by its warm p95 measured in the same run (absolute times move from machine to
    machine), and by its p95 with the same pages requested in turn with no change."""
    p95: dict[tuple[str, str], float] = {}
    for page, test, *cells in rows:
        kind = next((k for k in ("warm", "at once", "mixed", "in turn", "month-end") if k in test), "")
        if cells[4] and kind:
            p95[(page, kind)] = float(cells[4])
    found = []
    for page in dict.fromkeys(r[0] for r in rows):
        warm = p95.get((page, "warm"))
        if not warm:
            continue
        cells = [page, f"{warm:.0f}"]
        for kind, base, goal in RATIOS:
            measured, by = p95.get((page, kind)), p95.get((page, base))
            ratio = f"{measured / by:.2f}" if measured and by else ""
            cells.append(ratio)
            if goal is not None:
                cells.append(("PASS" if float(ratio) <= goal else "FAIL") if ratio else "")
        found.append(cells)
    return found


def table(rows: list[list[str]]) -> str:
    header = [
        "Page",
        "Test",
        "Requests",
        "Errors",
        "Req/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "p95<200",
        "SQL",
    ]
    return table_of(header, rows, left=2)


def table_of(header: list[str], rows: list[list[str]], left: int = 1) -> str:
    """Columns as wide as their widest cell: the first `left` to the left, the others to the right."""
    everything = [header, *rows]
    widths = [max(len(r[i]) for r in everything) for i in range(len(header))]
    lines = []
    for number, cells in enumerate(everything):
        lines.append(
            "  ".join(
                c.ljust(w) if i < left else c.rjust(w)
                for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            )
        )
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def error_detail(samples: list[Sample]) -> list[str]:
    counts: dict[tuple[str, int], int] = {}
    for s in samples:
        if s.status != 200:
            counts[s.page, s.status] = counts.get((s.page, s.status), 0) + 1
    return [
        f"{page}: {count} × {status or 'no response'}" for (page, status), count in sorted(counts.items())
    ]


# ---------------------------------------------------------------- main


def terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # so that the servers are stopped on the way out


def main() -> int:
    args = arguments()
    signal.signal(signal.SIGTERM, terminate)
    tests = set(args.only or ["warm", "change", "mixed"])
    began = time.perf_counter()
    load_before = os.getloadavg()
    with ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="oversight-web-")))
        database_url = args.database_url
        if not database_url:
            database_url = stack.enter_context(private_postgres())
            log(f"started PostgreSQL at {database_url}")
        if not database_url.startswith(("postgres://", "postgresql://")):
            raise SystemExit("the web benchmark runs on PostgreSQL")
        data_dir = scratch / "var"
        site = build_site(
            database_url,
            data_dir,
            args.actions,
            args.months,
            args.indicators,
            args.indicator_months,
            args.leads if "month-end" in tests else 0,
        )
        pages = pages_for(site, args.page)
        if args.profile:
            profile(pages)
            return 0
        sql = count_queries(pages)
        kind = f"gthread, {args.threads} threads each" if args.threads > 1 else "sync"
        log(f"starting gunicorn: {args.workers} workers ({kind})")
        port = stack.enter_context(gunicorn(database_url, data_dir, args.workers, args.threads))

        action_ids: list[str] = site["action_ids"]  # type: ignore[assignment]
        log(f"signing in {args.clients} clients (Argon2)")
        sessions = [Session(HOST, port) for _ in range(args.clients)]
        for number, session in enumerate(sessions):
            session.sign_in("officer" if number % 2 == 0 else "lead", PASSWORD)
        writer_session = Session(HOST, port)
        writer_session.sign_in("officer", PASSWORD)
        writer = Writer(writer_session, action_ids)

        rows: list[list[str]] = []
        everything: list[Sample] = []
        if "warm" in tests:
            for page in pages:
                log(f"warm: {page.name}, {args.clients} clients, {args.warmup:g} s + {args.duration:g} s")
                samples, seconds = hammer(sessions, [page], args.warmup, args.duration)
                cold, warm = sql[page.key]
                queries = str(warm) if cold == warm else f"{warm} ({cold})"
                rows.append(row(page.name, "warm", samples, seconds, page.target, queries))
                everything += samples
        saves: list[float] = []
        if "change" in tests:
            for page in [p for p in pages if not p.download]:
                log(f"after a change: {page.name}, {args.rounds} + {args.rounds} changes")
                first, burst, took = after_change(writer, sessions, page, args.rounds)
                saves += took
                changed = str(sql[page.key][0])
                rows.append(row(page.name, "1st after change", first, None, None, changed))
                rows.append(row(page.name, f"{args.clients} at once after", burst, None, None, changed))
                everything += first + burst
        saved = 0
        read = [p for p in pages if not p.download]
        if ("mixed" in tests or "month-end" in tests) and read:
            # the mixed test's reference: the same pages in turn with no change, so that what the
            # changes cost shows apart from what a light page waits behind the heavier ones
            log(f"in turn: the pages, no change, {args.duration * 2:g} s")
            samples, seconds = hammer(sessions, read, args.warmup, args.duration * 2)
            for page in read:
                mine = [s for s in samples if s.page == page.key]
                rows.append(row(page.name, "in turn, no change", mine, seconds, None))
            everything += samples
        if "mixed" in tests and args.update_every > 0 and read:
            log(f"mixed: the pages, a change every {args.update_every:g} s, {args.duration * 2:g} s")
            samples, saved = mixed(sessions, writer, read, args.update_every, args.warmup, args.duration * 2)
            for page in read:
                mine = [s for s in samples if s.page == page.key]
                rows.append(
                    row(page.name, f"mixed, change/{args.update_every:g}s", mine, args.duration * 2, None)
                )
            everything += samples
        ending: tuple[list[Save], float] | None = None
        if "month-end" in tests and read:
            everyone: list[str] = site["all_action_ids"]  # type: ignore[assignment]
            log(f"month-end: signing in {args.leads} people")
            people = [Session(HOST, port) for _ in range(args.leads)]
            for number, person in enumerate(people):
                person.sign_in(f"lead-{number:03}", PASSWORD)
            log(
                f"month-end: {len(everyone):,} saves by {args.leads} people within "
                f"{args.month_end_minutes:g} minutes, {args.clients} readers browsing"
            )
            samples, month_end_saves, finished = month_end(
                people, sessions, read, everyone, args.month_end_minutes
            )
            for page in read:
                mine = [s for s in samples if s.page == page.key]
                rows.append(row(page.name, "month-end", mine, args.month_end_minutes * 60, None))
            everything += samples
            ending = (month_end_saves, finished)
            for person in people:
                person.close()
        for session in [*sessions, writer_session]:
            session.close()

    print(
        f"Oversight web benchmark: {args.actions:,} actions, {args.months} months of statuses "
        f"({site['start']:%b %Y} to {site['today']:%b %Y}), {args.clients} concurrent clients"
    )
    print(f"Database: {site['database']}")
    print(f"gunicorn 27.0.1: {args.workers} workers ({kind}); DEBUG off, DB_CONN_MAX_AGE=60")
    print(
        f"Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}; "
        f"total run {time.perf_counter() - began:.0f} s"
    )
    print(
        "Load average (1, 5, 15 min) before: {:.2f} {:.2f} {:.2f}; after: {:.2f} {:.2f} {:.2f} "
        "(anything else running on the machine skews the figures)".format(*load_before, *os.getloadavg())
    )
    print(
        f"Plan today: {site['red']:,} Red, {site['overdue']:,} overdue; the register built in-process in "
        f"{site['register_seconds']:.3f} s"
    )
    print(
        f"Scorecard: {args.indicators} indicators in 8 service areas, {site['values']:,} values over "
        f"{args.indicator_months} months"
    )
    print(
        "SQL: queries per request, counted in-process with Django's test client: warm, and in brackets "
        "right after a change to the plan where that differs"
    )
    print()
    print(table(rows))
    found = ratios(rows)
    if found:
        print(
            "\nEach page's p95 divided by its warm p95 in this run (goals: all clients at once after a "
            f"change <= {AT_ONCE_GOAL}, mixed <= {MIXED_GOAL}), and by its p95 with the same pages "
            "requested in turn and no change"
        )
        print(table_of(RATIO_HEADER, found))
    if saves:
        ms = sorted(s * 1000 for s in saves)
        print(
            f"\nStatus change (POST of the update form): {len(ms)}, p50 {percentile(ms, 50):.0f} ms, "
            f"max {ms[-1]:.0f} ms"
        )
    if saved:
        print(f"Mixed test: {saved} changes saved while reading")
    if ending:
        month_end_saves, finished = ending
        landed = sorted(s.seconds * 1000 for s in month_end_saves if s.status == 302)
        refused = len(month_end_saves) - len(landed)
        behind = max(s.behind for s in month_end_saves)
        print(
            f"Month-end: {len(month_end_saves):,} saves (open the update form, save it) by {args.leads} "
            f"people, one every {args.month_end_minutes * 60 / len(month_end_saves):.2f} s, all done "
            f"{finished:.0f} s after the first (window {args.month_end_minutes * 60:.0f} s); "
            f"{len(landed):,} landed, {refused} errors; "
            + (
                f"p50 {percentile(landed, 50):.0f} ms, p95 {percentile(landed, 95):.0f} ms, "
                f"max {landed[-1]:.0f} ms; the latest began {behind:.1f} s behind its time"
                if landed
                else "none landed"
            )
        )
    errors = error_detail(everything)
    failed = sum(1 for s in everything if s.status != 200)
    print(f"\nErrors (any answer but 200): {failed} of {len(everything):,} requests")
    for line in errors:
        print(f"  {line}")
    return 0  # a benchmark, not a test


if __name__ == "__main__":
    sys.exit(main())
