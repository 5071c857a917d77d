"""Site imports benchmark: a large plan file and a large status file uploaded on the website, checked and
imported by the worker, against the command line's import of the same files in the same run.

On a private PostgreSQL (or --database-url), with gunicorn (bench/web.py's, sync workers, gunicorn's
default 30 s worker timeout) and the worker process beside it (`oversight db-worker`, as deployed: its
default 1 s interval between looks at an empty queue), an improvement officer signed in through the
sign-in form uploads, through HTTP as a browser would (multipart/form-data):

- a plan file of --plan-actions actions (default 50,000) into a plan started empty, as the "Start a new
  plan" page starts one;
- a status file of --status-rows rows (default 200,000), one for each action of a plan of as many
  actions. That plan is imported first by the command line (`oversight import-plan`, into two plans
  from the same file: one for the site, one for the baseline), so both status imports meet the same
  plan with no statuses yet; both plans accept Red and Amber without commentary, as bench/web.py's does
  (the made-up statuses have some).

For each file it times the upload's answer (302 to the preview page), the time from that answer until
the worker has kept the preview on the FileImport (polled in the database every 0.05 s), the preview
page, the confirm's answer (302), and the time from it until imported, with the worker's own task
times (django-tasks' started and finished) and its peak RSS (VmHWM, reset through
/proc/<pid>/clear_refs before the check and again before the import, so each phase has its own peak).

The baseline, in the same run, right after the site's import: the command line (`oversight import-plan`
/ `oversight import-status`, a process of its own, timed from start to exit, its peak RSS from
wait4) imports the same file into a second plan that is identical to the site's (started empty the
same way / built by the same command from the same file). The site checks the file (the real import,
rolled back) and then imports it, so its worker's check + import is expected at about 2 × the baseline.

Finally the imported data are compared: every action's fields (plan) and every status (action, RAG,
commentary, date) of the site's plan against the command line's; the run exits 1 if they differ.
"""

from __future__ import annotations

import argparse
import html
import http.client
import os
import platform
import random
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from generate import PLAN_HEADER, SEED, START, STATUS_HEADER, plan_actions, status_rows, write_csv
from postgres import private_postgres
from web import HOST, gunicorn, log
from webclient import HIDDEN, Response, Session

from oversight.lib.months import add_months, last_day

if TYPE_CHECKING:
    from oversight.plans.models import FileImport

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable  # the venv this runs in: the commands and the worker run with it
PASSWORD = "bench-password-" + secrets.token_hex(8)
GUNICORN_TIMEOUT = 30.0  # gunicorn's default worker timeout, which bench/web.py's gunicorn keeps
MONTHS = 36  # the plans' timescales end within 36 months from START
STATUS_MONTH = 11  # the statuses are as at the end of the plan's 12th month
POLL = 0.05
WAIT_AT_MOST = 3600.0  # for the worker, each phase


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url",
        help="a PostgreSQL server to use; its tables are emptied (default: a private one on a free port)",
    )
    parser.add_argument(
        "--plan-actions", type=int, default=50_000, help="actions in the uploaded plan file (default 50000)"
    )
    parser.add_argument(
        "--status-rows",
        type=int,
        default=200_000,
        help="rows in the uploaded status file, and actions in its plan (default 200000)",
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    return parser.parse_args()


# ---------------------------------------------------------------- processes


@dataclass
class Worker:
    """The worker process (`oversight db-worker`) and its peak resident memory, phase by phase."""

    process: subprocess.Popen[bytes]
    log_path: Path
    resettable: bool = True

    def reset_peak(self) -> None:
        """Resets the kernel's peak RSS (VmHWM) of the worker to its present RSS (Linux 4.0 and later)."""
        try:
            Path(f"/proc/{self.process.pid}/clear_refs").write_text("5")
        except OSError:
            self.resettable = False

    def peak_mb(self) -> float | None:
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text()
        except OSError:
            return None
        found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
        return int(found.group(1)) / 1024 if found else None

    def children(self) -> list[str]:
        try:
            return Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        except OSError:
            return []

    def alive(self) -> None:
        if self.process.poll() is not None:
            raise RuntimeError(
                f"the worker exited with {self.process.returncode}:\n{self.log_path.read_text()[-3000:]}"
            )


def start_worker(env: dict[str, str], log_path: Path) -> Worker:
    command = [PYTHON, "-m", "oversight.cli", "db-worker", "--no-startup-delay"]
    with log_path.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    return Worker(process, log_path)


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    output: str


def oversight(env: dict[str, str], scratch: Path, *arguments: str) -> Run:
    """Runs an `oversight` command in its own process: wall time from start to exit, its peak RSS
    (wait4's ru_maxrss), what it printed. Fails if it does."""
    out_path, err_path = scratch / "command.out", scratch / "command.err"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        began = time.perf_counter()
        process = subprocess.Popen(
            [PYTHON, "-m", "oversight.cli", *arguments], cwd=ROOT, env=env, stdout=out, stderr=err
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(
            f"oversight {' '.join(arguments)}: {process.returncode}\n{err_path.read_text()[-3000:]}"
        )
    return Run(seconds, usage.ru_maxrss / 1024, out_path.read_text())


# ---------------------------------------------------------------- the browser


class Browser(Session):
    """webclient's session, with file uploads (multipart/form-data) as a browser sends them."""

    def upload(self, path: str, fields: dict[str, str], name: str, file: Path) -> Response:
        boundary = "----oversight-bench-" + secrets.token_hex(12)
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
            for key, value in fields.items()
        ]
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{file.name}"\r\n'
            "Content-Type: text/csv\r\n\r\n".encode()
        )
        body = b"".join([*parts, file.read_bytes(), f"\r\n--{boundary}--\r\n".encode()])
        headers = {
            "Accept": "text/html",
            "User-Agent": "oversight-bench",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Origin": self.origin,
        }
        self.close()  # a connection of its own: the answer's time is the upload's alone
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            began = time.perf_counter()
            connection.request("POST", path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
            seconds = time.perf_counter() - began
        finally:
            connection.close()
        return Response(response.status, response.getheader("Location") or "", content, seconds)


# ---------------------------------------------------------------- one file, on the site and the command line


NOTHING = Response(0, "", b"", 0.0)  # a request not made (yet)


@dataclass
class Measured:
    kind: str  # "plan" or "status"
    title: str
    size_mb: float
    upload: Response = NOTHING
    checked_after: float = 0.0  # s from the upload's answer until the preview was kept
    check_task: float = 0.0  # the worker's check task, started to finished
    check_waited: float = 0.0  # the check task, queued to started
    preview_page: Response = NOTHING
    confirm: Response = NOTHING
    imported_after: float = 0.0  # s from the confirm's answer until imported
    import_task: float = 0.0
    import_waited: float = 0.0
    upload_to_imported: float = 0.0  # s from sending the upload to imported, confirmed at once
    check_peak_mb: float | None = None
    import_peak_mb: float | None = None
    change_count: int = 0
    preview_lines: list[str] = field(default_factory=list)
    done_lines: list[str] = field(default_factory=list)
    baseline: Run | None = None


def wait_for(token: str, wanted: set[str], worker: Worker) -> FileImport:
    """The FileImport once its status is one of `wanted`; fails at once if the worker refused it."""
    from oversight.plans.models import FileImport

    deadline = time.monotonic() + WAIT_AT_MOST
    while True:
        record = FileImport.objects.get(token=token)
        if record.status in wanted:
            return record
        if record.status in {FileImport.Status.REFUSED, FileImport.Status.CANCELLED}:
            raise RuntimeError(f"the worker {record.status} the upload: {record.problems[:5]}")
        worker.alive()
        if time.monotonic() > deadline:
            raise RuntimeError(f"the upload is still {record.status} after {WAIT_AT_MOST:g} s")
        time.sleep(POLL)


def task_times(name: str, record_id: int) -> tuple[float, float]:
    """The worker's last task `name` for the record: (queued to started, started to finished), s."""
    from django_tasks_db.models import DBTaskResult

    task = (
        DBTaskResult.objects.filter(
            task_path__endswith=f".{name}", args_kwargs__contains={"args": [record_id]}
        )
        .order_by("-enqueued_at")
        .first()
    )
    if task is None or task.started_at is None or task.finished_at is None:
        return 0.0, 0.0
    return (
        (task.started_at - task.enqueued_at).total_seconds(),
        (task.finished_at - task.started_at).total_seconds(),
    )


def on_the_site(  # noqa: PLR0913 - what the upload needs
    browser: Browser, worker: Worker, slug: str, kind: str, file: Path, as_at: date | None, result: Measured
) -> None:
    """Uploads the file, waits for the preview, confirms it at once, waits for the import."""
    import_path = f"/plans/{slug}/import/"
    fields = browser.hidden_fields(import_path)
    fields |= {"kind": kind, "sheet": ""}
    if as_at is not None:
        fields |= {
            "as_at-day": str(as_at.day),
            "as_at-month": str(as_at.month),
            "as_at-year": str(as_at.year),
        }
    worker.reset_peak()
    log(f"uploading {file.name} ({result.size_mb:.1f} MB) to {import_path}")
    sent = time.perf_counter()
    upload = browser.upload(import_path, fields, "file", file)
    answered = time.perf_counter()
    result.upload = upload
    if upload.status != 302 or not upload.location.startswith(import_path):
        raise RuntimeError(f"the upload: {upload.status} {upload.location}\n{upload.body[-2000:]!r}")
    preview_path = upload.location
    token = preview_path.rstrip("/").rsplit("/", 1)[-1]
    log(f"upload answered {upload.status} in {upload.seconds:.3f} s; waiting for the worker's preview")
    record = wait_for(token, {"checked"}, worker)
    result.checked_after = time.perf_counter() - answered
    result.check_peak_mb = worker.peak_mb()
    result.check_waited, result.check_task = task_times("check_file_import", record.pk)
    result.change_count = record.change_count
    result.preview_lines = list(record.lines)
    log(f"preview kept after {result.checked_after:.1f} s: {result.change_count:,} changes")

    page = browser.get(preview_path)
    result.preview_page = page
    if page.status != 200:
        raise RuntimeError(f"GET {preview_path}: {page.status}")
    shown = {name: html.unescape(value) for name, value in HIDDEN.findall(page.body.decode())}
    if shown.get("revision") != str(record.revision):
        raise RuntimeError(f"the preview page shows revision {shown.get('revision')}, not {record.revision}")
    worker.reset_peak()
    confirm = browser.request("POST", f"{preview_path}confirm/", shown)
    confirmed = time.perf_counter()
    result.confirm = confirm
    if confirm.status != 302:
        raise RuntimeError(f"the confirm: {confirm.status}\n{confirm.body[-2000:]!r}")
    log(f"confirm answered {confirm.status} in {confirm.seconds:.3f} s; waiting for the import")
    record = wait_for(token, {"imported"}, worker)
    done = time.perf_counter()
    result.imported_after = done - confirmed
    result.upload_to_imported = done - sent
    result.import_peak_mb = worker.peak_mb()
    result.import_waited, result.import_task = task_times("import_file", record.pk)
    result.done_lines = list(record.done_lines)
    log(f"imported after {result.imported_after:.1f} s: {result.done_lines[:1]}")


# ---------------------------------------------------------------- the data


def build(
    env: dict[str, str], scratch: Path, plan_count: int, status_count: int
) -> tuple[Path, Path, Path, date, dict[str, Run]]:
    """The files, the people and the plans; returns (plan file, status plan's file, status file, its
    date, the command line's imports of the status plans)."""
    from django.contrib.auth import get_user_model

    from oversight.accounts.models import Membership
    from oversight.audit.actors import Actor
    from oversight.plans.models import Plan
    from oversight.plans.plan_settings import change_settings

    files = scratch / "generated"
    files.mkdir()
    plan_file = write_csv(
        files / "plan.csv",
        PLAN_HEADER,
        [a.cells() for a in plan_actions(random.Random(SEED), plan_count, MONTHS, START)],
    )
    actions = plan_actions(random.Random(SEED + 10), status_count, MONTHS, START)
    status_plan = write_csv(files / "status-plan.csv", PLAN_HEADER, [a.cells() for a in actions])
    as_at = last_day(add_months(START, STATUS_MONTH))
    status_file = write_csv(
        files / f"status_{as_at:%Y-%m-%d}.csv",
        STATUS_HEADER,
        status_rows(random.Random(SEED + 2), actions, as_at),  # type: ignore[arg-type]
    )
    log(f"wrote {plan_file.name}, {status_plan.name} and {status_file.name}")

    for slug in ("site-plan", "cli-plan"):  # as the "Start a new plan" page starts a plan
        Plan.objects.create(slug=slug, title="Children's Services Improvement Plan", council="Bench")
    built = {}
    for slug in ("site-status", "cli-status"):
        log(f"oversight import-plan {status_plan.name} --plan {slug} ({status_count:,} actions)")
        built[slug] = oversight(
            env,
            scratch,
            "import-plan",
            str(status_plan),
            "--plan",
            slug,
            "--title",
            "Children's Services Improvement Plan",
            "--by",
            "bench",
        )
        log(f"  {built[slug].seconds:.1f} s")
        # some made-up Red and Amber statuses have no commentary, as in Bromley's (as bench/web.py)
        change_settings(Plan.objects.get(slug=slug), {"accept_red_without_commentary": True}, Actor("bench"))
    officer = get_user_model().objects.create_user(
        "officer", "officer@example.org", PASSWORD, first_name="Olu"
    )
    for plan in Plan.objects.all():
        Membership.objects.create(plan=plan, user=officer, role="officer")
    return plan_file, status_plan, status_file, as_at, built


def same_plans(site: str, baseline: str) -> tuple[int, bool]:
    """(actions in the site's plan, whether every action's fields equal the baseline's)."""
    from oversight.plans.models import Action

    def rows(slug: str) -> list[tuple[object, ...]]:
        return sorted(
            Action.objects.filter(plan__slug=slug).values_list(
                "priority__number",
                "priority__title",
                "action_id",
                "sort_key",
                "key_action",
                "lead",
                "agencies",
                "timescale",
                "first_month",
                "last_month",
                "in_plan",
                "withdrawn_from",
            )
        )

    mine = rows(site)
    return len(mine), mine == rows(baseline)


def same_statuses(site: str, baseline: str) -> tuple[int, bool]:
    """(statuses in the site's plan, whether each equals the baseline's: action, date, RAG, commentary)."""
    from oversight.plans.models import StatusRecord

    def rows(slug: str) -> list[tuple[object, ...]]:
        return sorted(
            StatusRecord.objects.filter(action__plan__slug=slug).values_list(
                "action__action_id", "as_at", "month", "rag", "commentary", "safeguarding_risk"
            )
        )

    mine = rows(site)
    return len(mine), mine == rows(baseline)


# ---------------------------------------------------------------- the report


def seconds(value: float) -> str:
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def ratio(value: float | None, base: float | None) -> str:
    if value is None or not base:
        return ""
    return f"{value / base:.2f} ×" if value / base >= 0.1 else f"{value / base:.4f} ×"


def megabytes(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.0f} MB"


def report_rows(results: list[Measured]) -> list[list[str]]:
    rows: list[list[str]] = []

    def add(name: str, cell: Callable[[Measured], tuple[str, str]]) -> None:
        rows.append([name, *(text for result in results for text in cell(result))])

    def base(m: Measured) -> Run:
        assert m.baseline is not None
        return m.baseline

    add("file uploaded", lambda m: (f"{m.size_mb:.1f} MB", ""))
    add(
        "upload request, answer (HTTP status)",
        lambda m: (
            f"{seconds(m.upload.seconds)} ({m.upload.status})",
            ratio(m.upload.seconds, base(m).seconds),
        ),
    )
    add(
        f"  ÷ gunicorn's {GUNICORN_TIMEOUT:g} s timeout",
        lambda m: (ratio(m.upload.seconds, GUNICORN_TIMEOUT), ""),
    )
    add(
        "upload answered → preview kept",
        lambda m: (seconds(m.checked_after), ratio(m.checked_after, base(m).seconds)),
    )
    add("  worker's check task, run", lambda m: (seconds(m.check_task), ratio(m.check_task, base(m).seconds)))
    add("  worker's check task, queued → started", lambda m: (seconds(m.check_waited), ""))
    add(
        "preview page (GET)",
        lambda m: (f"{seconds(m.preview_page.seconds)} ({m.preview_page.status})", ""),
    )
    add(
        "confirm request, answer (HTTP status)",
        lambda m: (
            f"{seconds(m.confirm.seconds)} ({m.confirm.status})",
            ratio(m.confirm.seconds, base(m).seconds),
        ),
    )
    add(
        "confirm answered → imported",
        lambda m: (seconds(m.imported_after), ratio(m.imported_after, base(m).seconds)),
    )
    add(
        "  worker's import task, run",
        lambda m: (seconds(m.import_task), ratio(m.import_task, base(m).seconds)),
    )
    add("  worker's import task, queued → started", lambda m: (seconds(m.import_waited), ""))
    add(
        "worker's check + import tasks",
        lambda m: (
            seconds(m.check_task + m.import_task),
            ratio(m.check_task + m.import_task, base(m).seconds),
        ),
    )
    add(
        "upload sent → imported (confirmed at once)",
        lambda m: (seconds(m.upload_to_imported), ratio(m.upload_to_imported, base(m).seconds)),
    )
    add(
        "worker's peak RSS, check / import",
        lambda m: (
            f"{megabytes(m.check_peak_mb)} / {megabytes(m.import_peak_mb)}",
            ratio(max(m.check_peak_mb or 0, m.import_peak_mb or 0) or None, base(m).peak_mb),
        ),
    )
    add("baseline: command-line import, same file", lambda m: (seconds(base(m).seconds), "1.00 ×"))
    add("baseline's peak RSS", lambda m: (megabytes(base(m).peak_mb), "1.00 ×"))
    return rows


def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = []
    for number, row in enumerate([header, *rows]):
        cells = [
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # so that the ExitStack stops gunicorn, the worker and PostgreSQL


def main() -> int:  # noqa: PLR0915 - the benchmark, step by step
    args = arguments()
    signal.signal(signal.SIGTERM, terminate)
    began = time.perf_counter()
    load_before = os.getloadavg()
    with ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="oversight-site-imports-")))
        database_url = args.database_url
        if not database_url:
            database_url = stack.enter_context(private_postgres())
            log(f"started PostgreSQL at {database_url}")
        if not database_url.startswith(("postgres://", "postgresql://")):
            raise SystemExit("the site imports benchmark runs on PostgreSQL")
        data_dir = scratch / "var"
        data_dir.mkdir()
        from database import configure

        description = configure(database_url, data_dir)  # sets DATABASE_URL, OVERSIGHT_DATA_DIR, DEBUG
        # gunicorn, the worker and the commands share these settings (gunicorn's from os.environ)
        os.environ["OVERSIGHT_FILES_DIR"] = str(data_dir / "files")
        os.environ["ANNEX_A_DATABASE"] = str(data_dir / "annex_a.duckdb")
        from django.core.management import call_command

        call_command("collectstatic", interactive=False, verbosity=0)  # the pages' manifest, DEBUG off
        env = {**os.environ, "SECRET_KEY": secrets.token_urlsafe(50), "HTTPS": "False"}
        help_run = oversight(env, scratch, "import-status", "--help")
        plan_file, _, status_file, as_at, built = build(env, scratch, args.plan_actions, args.status_rows)

        log(f"starting gunicorn ({args.workers} sync workers) and the worker")
        port = stack.enter_context(gunicorn(database_url, data_dir, args.workers, 1))
        worker = start_worker(env, scratch / "worker.log")
        stack.callback(stop, worker.process)
        browser = Browser(HOST, port, timeout=300)
        browser.sign_in("officer", PASSWORD)

        plan = Measured("plan", f"Plan, {args.plan_actions:,} actions", plan_file.stat().st_size / 1e6)
        on_the_site(browser, worker, "site-plan", "plan", plan_file, None, plan)
        log(f"baseline: oversight import-plan {plan_file.name} --plan cli-plan")
        plan.baseline = oversight(
            env, scratch, "import-plan", str(plan_file), "--plan", "cli-plan", "--by", "bench"
        )
        log(f"  {plan.baseline.seconds:.1f} s")

        statuses = Measured(
            "status", f"Statuses, {args.status_rows:,} rows", status_file.stat().st_size / 1e6
        )
        on_the_site(browser, worker, "site-status", "status", status_file, as_at, statuses)
        log(f"baseline: oversight import-status {status_file.name} --plan cli-status --as-at {as_at}")
        statuses.baseline = oversight(
            env,
            scratch,
            "import-status",
            str(status_file),
            "--plan",
            "cli-status",
            "--as-at",
            str(as_at),
            "--by",
            "bench",
        )
        log(f"  {statuses.baseline.seconds:.1f} s")
        browser.close()
        worker_children = worker.children()
        worker.alive()

        action_count, plans_equal = same_plans("site-plan", "cli-plan")
        status_count, statuses_equal = same_statuses("site-status", "cli-status")
        from django.db import connection

        connection.close()

    results = [plan, statuses]
    print(
        f"Oversight site imports benchmark: a {args.plan_actions:,}-action plan file and a "
        f"{args.status_rows:,}-row status file uploaded on the website, checked and imported by the worker"
    )
    print(f"Database: {description}")
    print(
        f"gunicorn: {args.workers} sync workers, timeout {GUNICORN_TIMEOUT:g} s; worker: oversight db-worker "
        "(django-tasks' database backend, 1 s interval); DEBUG off"
    )
    print(
        f"Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}; "
        f"total run {time.perf_counter() - began:.0f} s"
    )
    print(
        "Load average (1, 5, 15 min) before: {:.2f} {:.2f} {:.2f}; after: {:.2f} {:.2f} {:.2f} "
        "(anything else running on the machine skews the figures)".format(*load_before, *os.getloadavg())
    )
    print(
        "Setup by the command line: the status files' plans, oversight import-plan of "
        f"{args.status_rows:,} actions: {built['site-status'].seconds:.1f} s and "
        f"{built['cli-status'].seconds:.1f} s (peak RSS {built['cli-status'].peak_mb:,.0f} MB); "
        f"a command's start alone (import-status --help): {help_run.seconds:.2f} s"
    )
    print()
    header = ["Figure"]
    for result in results:
        header += [result.title, "÷ baseline"]
    print(table(header, report_rows(results)))
    print(
        "\nRatios: each figure divided by the command-line import of the same file into an identical plan, "
        f"timed in the same run\n(start to exit, the command's start included: {help_run.seconds:.2f} s "
        "alone); the upload's also by gunicorn's timeout."
    )
    if not worker.resettable:
        print("The worker's peak RSS could not be reset between phases: both are its peak since it started.")
    if worker_children:
        print(f"The worker had child processes at the end ({len(worker_children)}), not counted in its RSS.")
    for result in results:
        print(f"\n{result.title}: the preview counted {result.change_count:,} changes")
        for line in result.preview_lines[:3]:
            print(f"  preview: {line}")
        for line in result.done_lines[:3]:
            print(f"  site:    {line}")
        assert result.baseline is not None
        for line in result.baseline.output.splitlines()[:3]:
            print(f"  command: {line}")
    matched = (
        plans_equal
        and statuses_equal
        and action_count == args.plan_actions
        and status_count == args.status_rows
    )
    print(
        f"\nData: the site's plan has {action_count:,} actions, "
        + ("each equal to the command line's" if plans_equal else "NOT equal to the command line's")
        + f"; the site's status plan {status_count:,} statuses, "
        + ("each equal to the command line's" if statuses_equal else "NOT equal to the command line's")
        + (
            ""
            if action_count == args.plan_actions and status_count == args.status_rows
            else f" (expected {args.plan_actions:,} actions and {args.status_rows:,} statuses)"
        )
    )
    print("Data matched" if matched else "DATA DIFFER")
    return 0 if matched else 1


if __name__ == "__main__":
    sys.exit(main())
