"""The benchmark's steps on the configured database: imports, then the exception report in four formats."""

from __future__ import annotations

import statistics
import sys

from django.db import connection
from django.test.utils import CaptureQueriesContext
from generate import Dataset
from measure import Figure, Stopwatch, peak_rss_mb, spread

from oversight.audit.actors import Actor
from oversight.plans.models import Plan, StatusRecord
from oversight.plans.plan_import import import_plan
from oversight.plans.plan_settings import change_settings
from oversight.plans.render import renderer
from oversight.plans.report_data import exception_report
from oversight.plans.status_import import import_statuses

SLUG = "bench"
XLSX_SLUG = "bench-xlsx"
ACTOR = Actor("bench")
PLAN_TARGET = 5.0
STATUS_TARGET = 2.0
REPORT_TARGETS = {"json": 1.0, "docx": 3.0, "pdf": 5.0}
REPORT_NAMES = {
    "json": "JSON",
    "docx": "Word (.docx)",
    "pdf": "PDF",
    "xlsx": "Excel (.xlsx)",
    "md": "Markdown",
}


def log(message: str) -> None:
    sys.stderr.write(f"... {message} (peak RSS {peak_rss_mb():.0f} MB)\n")


def plan_imports(data: Dataset, watch: Stopwatch, actions: int) -> list[Figure]:
    title = "Children's Services Improvement Plan"
    first, seconds = watch.time("plan", lambda: import_plan(data.plan_csv, SLUG, ACTOR, title=title))
    log(f"plan import: {len(first.added):,} added in {seconds:.3f} s")
    # the generated statuses leave some Red and Amber without commentary, as Bromley's did: the plan
    # records them with a warning instead of refusing the file (its setting, off by default)
    change_settings(Plan.objects.get(slug=SLUG), {"accept_red_without_commentary": True}, ACTOR)
    figures = [
        Figure(f"Plan import, CSV, {actions:,} actions, empty plan", seconds, "s", PLAN_TARGET),
    ]
    again, seconds = watch.time("reimport", lambda: import_plan(data.changed_csv, SLUG, ACTOR, title=title))
    log(f"plan re-import: {len(again.changed):,} changed in {seconds:.3f} s")
    figures.append(
        Figure(
            f"Plan re-import, CSV, {len(again.changed):,} actions changed",
            seconds,
            "s",
            PLAN_TARGET,
            f"{again.unchanged:,} unchanged",
        )
    )
    xlsx, seconds = watch.time(
        "xlsx-plan", lambda: import_plan(data.plan_xlsx, XLSX_SLUG, ACTOR, title=title)
    )
    log(f"XLSX plan import: {len(xlsx.added):,} added in {seconds:.3f} s")
    figures.append(Figure(f"Plan import, XLSX, {actions:,} actions, empty plan", seconds, "s", PLAN_TARGET))
    return figures


def status_imports(data: Dataset, watch: Stopwatch) -> list[Figure]:
    seconds = []
    for as_at, path in data.statuses:
        summary, took = watch.time("status", lambda p=path, d=as_at: import_statuses(p, SLUG, d, ACTOR))
        seconds.append(took)
        log(f"status import {as_at}: {summary.recorded:,} recorded in {took:.3f} s")
    records = StatusRecord.objects.count()
    detail = f"{spread(seconds)}; {records:,} status records in all"
    return [
        Figure(
            f"Status import, one file (slowest of {len(seconds)})", max(seconds), "s", STATUS_TARGET, detail
        ),
        Figure("Status import, one file (median)", statistics.median(seconds), "s", None),
    ]


def reports(data: Dataset, watch: Stopwatch, repeat: int) -> list[Figure]:
    as_at = data.statuses[-1][0]
    for name in REPORT_NAMES:
        renderer(name)  # imports the rendering libraries before any timing
    with CaptureQueriesContext(connection) as queries:
        report, computed = watch.time("compute", lambda: exception_report(SLUG, as_at, months=3))
    log(f"report as at {as_at}: {report.due:,} due, {report.red:,} red, {len(queries)} queries")
    figures = [
        Figure(
            "Exception report computed, first run (no rendering)",
            computed,
            "s",
            None,
            f"{len(queries)} SQL queries; {report.due:,} due, {report.red:,} red, "
            f"{len(report.warnings):,} warnings",
        )
    ]
    for name, label in REPORT_NAMES.items():
        render = renderer(name)
        runs = []
        for _ in range(repeat):
            content, seconds = watch.time(name, lambda r=render: r(exception_report(SLUG, as_at, months=3)))
            runs.append(seconds)
        log(f"{label} report: {len(content):,} bytes, {spread(runs)}")
        figures.append(
            Figure(
                f"{label} report, computed + rendered",
                statistics.median(runs),
                "s",
                REPORT_TARGETS.get(name),
                f"median of {repeat}; {len(content):,} bytes",
            )
        )
    return figures
