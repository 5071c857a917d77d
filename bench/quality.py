"""Quality assurance benchmark: a year of case audits for a large council (12 months of 400 audits,
each graded on 8 domains) on PostgreSQL, under gunicorn with 20 signed-in clients at once.

Times, warm, the quality assurance pages (the programme this month and a past month, the cohorts, a
cohort of 400 audits, an audit, the themes) beside the plan overview of a 2,000-action plan in the same
run (the site's reference page, whose target is also p95 < 200 ms); the Word report of the month, in
this process, beside the exception report's Word paper of the same run; the scorecard's case audit
indicators recorded from the year; and the SQL queries of each page.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import signal
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import date, timedelta
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
    terminate,
)
from web import row as table_row
from webclient import Session

from oversight.lib.months import add_months, iso_month, month_of

DOMAINS = (
    "Management oversight", "Quality of supervision", "Voice of the child", "Assessment", "Planning",
    "Outcomes", "Recording", "Multi-agency working",
)  # fmt: skip
TEAMS = 20
RANKS = (0, 1, 1, 2, 2, 3)  # the domains' grades drawn: half good or better
INDICATORS = (
    ("audits-good", "Case audits graded good or better"),
    ("audits-on-time", "Case audits completed on time"),
    ("domain-good:Management oversight", "Management oversight graded good or better"),
)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", help="a PostgreSQL server to use; its tables are emptied")
    parser.add_argument("--months", type=int, default=12, help="months of audits, up to now (default 12)")
    parser.add_argument("--audits", type=int, default=400, help="audits a month (default 400)")
    parser.add_argument(
        "--actions", type=int, default=2000, help="actions in the reference plan (default 2000)"
    )
    parser.add_argument("--clients", type=int, default=20, help="concurrent signed-in clients (default 20)")
    parser.add_argument("--duration", type=float, default=15.0, help="seconds timed per page (default 15)")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds untimed before each (default 3)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes (default 3)")
    return parser.parse_args()


def add_programme(months: int, audits: int) -> dict[str, object]:
    """The year's programme, written in bulk: a tool of 8 domains, one cohort a month, its audits shared
    among 20 auditors, nearly all done, one in ten moderated, a case action for one in twenty."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from oversight.accounts.models import Membership
    from oversight.audit.actors import Actor
    from oversight.performance.models import Indicator
    from oversight.plans.models import Plan
    from oversight.quality.models import CaseAction, CaseAudit, Cohort, DomainGrade, Team
    from oversight.quality.scales import OFSTED, OFSTED_GRADES, Domain
    from oversight.quality.tools import save_tool

    plan = Plan.objects.get(slug=SLUG)
    users = get_user_model()
    qa = users.objects.create_user("qa", "qa@example.org", PASSWORD, first_name="Quinn")
    Membership.objects.create(plan=plan, user=qa, role="qa_lead")
    hashed = make_password(PASSWORD)
    auditors = users.objects.bulk_create(
        users(username=f"auditor-{n:02}", email=f"auditor-{n:02}@example.org", password=hashed)
        for n in range(20)
    )
    Membership.objects.bulk_create(Membership(plan=plan, user=a, role="auditor") for a in auditors)
    version = save_tool(
        plan.pk, "Case file audit", OFSTED_GRADES, 2, tuple(Domain(d) for d in DOMAINS), Actor("bench")
    )
    Team.objects.bulk_create(Team(plan=plan, name=f"Team {t:02}") for t in range(TEAMS))
    rng = random.Random(2026)
    today = date.today()
    this = month_of(today)
    cohorts = []
    for back in range(months - 1, -1, -1):
        month = add_months(this, -back)
        cohort = Cohort.objects.create(
            plan=plan,
            month=month,
            title=f"{month:%B %Y} case audits",
            tool_version=version,
            chosen="benchmark",
        )
        cohorts.append(cohort)
        due = min(month.replace(day=20), today + timedelta(days=20))
        made = []
        for n in range(audits):
            auditor = auditors[n % len(auditors)]
            done = back > 0 or rng.random() < 0.5
            overall = rng.choice((0, 1, 1, 1, 2, 2, 3)) if done else None
            moderated = done and n % 10 == 0
            agreed = min(3, overall + rng.choice((0, 0, 1))) if moderated and overall is not None else None
            in_force = agreed if agreed is not None else overall
            made.append(
                CaseAudit(
                    cohort=cohort,
                    case_ref=f"C{back:02}{n:05}",
                    team=f"Team {n % TEAMS:02}",
                    worker=f"Worker {n % 97}",
                    auditor=auditor,
                    auditor_name=auditor.username,
                    due=due,
                    state="completed" if done else "assigned",
                    completed=min(today, due + timedelta(days=rng.randint(-12, 4))) if done else None,
                    overall_rank=overall,
                    overall_good=OFSTED.is_good(in_force) if in_force is not None else None,
                    moderator=qa if moderated else None,
                    moderator_name="Quinn" if moderated else "",
                    moderated=due if moderated else None,
                    agreed_rank=agreed,
                    strengths="The child's wishes are recorded.",
                    development="Supervision drifts.",
                )  # fmt: skip
            )
        made = CaseAudit.objects.bulk_create(made)
        DomainGrade.objects.bulk_create(
            DomainGrade(audit=a, position=p, domain=d, rank=(r := rng.choice(RANKS)), good=OFSTED.is_good(r))
            for a in made if a.overall_rank is not None for p, d in enumerate(DOMAINS)
        )  # fmt: skip
        CaseAction.objects.bulk_create(
            CaseAction(audit=a, action="Update the plan.", owner=a.auditor, owner_name="auditor", due=a.due)
            for a in made[::20]
        )
    for key, name in INDICATORS:
        Indicator.objects.create(plan=plan, name=name, service_area="Quality assurance", polarity="higher",
                                 source=Indicator.Source.CASE_AUDITS, measure=key)  # fmt: skip
    from oversight.performance.case_audit_values import refresh_from_case_audits

    began = time.perf_counter()
    refresh_from_case_audits(plan.pk)
    refreshed = time.perf_counter() - began
    return {
        "cohort": cohorts[-2].pk,
        "audit": CaseAudit.objects.filter(cohort=cohorts[-2])
        .order_by("pk")
        .values_list("pk", flat=True)
        .first(),
        "past": iso_month(add_months(this, -6)),
        "refreshed": refreshed,
        "audits": CaseAudit.objects.filter(cohort__plan=plan).count(),
        "grades": DomainGrade.objects.filter(audit__cohort__plan=plan).count(),
    }


def papers(month: date, repeat: int = 3) -> tuple[list[float], list[float], int]:
    """The month's Quality Assurance report in Word, and the exception report's Word paper, each made
    `repeat` times in this process (signed in as the quality assurance lead); and the report's size."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    client.force_login(get_user_model().objects.get(username="qa"))
    qa_times, exception_times, size = [], [], 0
    for _ in range(repeat):
        for path, times in (
            (f"/plans/{SLUG}/quality/report.docx?month={iso_month(month)}", qa_times),
            (f"/plans/{SLUG}/report/{iso_month(month)}.docx", exception_times),
        ):
            began = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - began)
            if response.status_code != 200:
                raise RuntimeError(f"GET {path}: {response.status_code}")
            if "quality" in path:
                size = len(response.content)
            from oversight.plans.models import Plan
            from oversight.plans.revisions import plan_changed

            plan_changed(
                Plan.objects.get(slug=SLUG).pk
            )  # the exception report is kept per revision: made anew
    return qa_times, exception_times, size


def main() -> int:
    args = arguments()
    signal.signal(signal.SIGTERM, terminate)
    began = time.perf_counter()
    load_before = os.getloadavg()
    with ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="oversight-quality-")))
        database_url = args.database_url or stack.enter_context(private_postgres())
        data_dir = scratch / "var"
        site = build_site(database_url, data_dir, args.actions, 12, 0, 1, 0)
        log(f"writing the programme: {args.months} months of {args.audits} audits, {len(DOMAINS)} domains")
        started = time.perf_counter()
        programme = add_programme(args.months, args.audits)
        log(f"programme written in {time.perf_counter() - started:.1f} s")
        this = month_of(date.today())
        last = add_months(this, -1)
        qa_times, exception_times, size = papers(last)
        base = f"/plans/{SLUG}"
        past = f"{base}/quality/?month={programme['past']}"
        cohort = f"{base}/quality/cohorts/{programme['cohort']}/"
        audit = f"{base}/quality/audits/{programme['audit']}/"
        pages = [
            Page("overview", "Plan overview (the reference)", lambda n: f"{base}/", TARGET_P95_MS),
            Page("quality", "Quality assurance, this month", lambda n: f"{base}/quality/", TARGET_P95_MS),
            Page("quality-past", "Quality assurance, 6 months ago", lambda n: past, TARGET_P95_MS),
            Page("cohorts", "Cohorts", lambda n: f"{base}/quality/cohorts/", TARGET_P95_MS),
            Page("cohort", f"A cohort of {args.audits} audits", lambda n: cohort, TARGET_P95_MS),
            Page("audit", "An audit", lambda n: audit, TARGET_P95_MS),
            Page("findings", "A cohort's findings", lambda n: f"{cohort}findings/", TARGET_P95_MS),
        ]  # fmt: skip
        sql = queries(pages)
        port = stack.enter_context(gunicorn(database_url, data_dir, args.workers, 1))
        log(f"signing in {args.clients} clients as the quality assurance lead")
        sessions = [Session(HOST, port) for _ in range(args.clients)]
        for session in sessions:
            session.sign_in("qa", PASSWORD)
        rows, p95 = [], {}
        for page in pages:
            log(f"warm: {page.name}, {args.clients} clients, {args.warmup:g} s + {args.duration:g} s")
            samples, seconds = hammer(sessions, [page], args.warmup, args.duration)
            rows.append(table_row(page.name, "warm", samples, seconds, page.target, str(sql[page.key])))
            ok = sorted(s.seconds * 1000 for s in samples if s.status == 200)
            p95[page.key] = percentile(ok, 95) if ok else 0.0
        for session in sessions:
            session.close()

    print(
        f"Oversight quality assurance benchmark: {programme['audits']:,} case audits ({args.months} months"
        " of "
        f"{args.audits}), {programme['grades']:,} domain grades; a plan of {args.actions:,} actions beside it"
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
    print("\nEach page's warm p95 beside the plan overview's in this run:")
    for page in pages[1:]:
        if reference:
            ratio = p95[page.key] / reference
            print(f"  {page.name}: {p95[page.key]:.0f} ms, {ratio:.2f} x the overview's {reference:.0f} ms")
    qa, exception = statistics.median(qa_times), statistics.median(exception_times)
    print(
        f"\nQuality Assurance report for {last:%B %Y}, Word ({size:,} bytes), in this process: median"
        f" {qa:.3f} s of {len(qa_times)} (target 3 s: {'PASS' if qa < 3 else 'FAIL'}); the exception"
        f" report's Word paper of the same run {exception:.3f} s: {qa / exception:.2f} x"
    )
    print(f"Case audit indicators: 3 recorded from the year in {programme['refreshed']:.3f} s")
    return 0


def queries(pages: list[Page]) -> dict[str, int]:
    """The SQL queries each page makes, warm, in this process (signed in as the quality assurance lead)."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)
    client.force_login(get_user_model().objects.get(username="qa"))
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


if __name__ == "__main__":
    sys.exit(main())
