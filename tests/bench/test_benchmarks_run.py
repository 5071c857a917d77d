"""The benchmarks still run against the code as it is: each one, on data small enough for the suite,
finishes and prints its table (figures are never checked here: BENCHMARKS.md records them). A change
that breaks a benchmark's setup (an import it relies on, a rule its made-up data no longer meets)
fails here, not on the next person who measures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(script: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    return subprocess.run(
        [sys.executable, f"bench/{script}", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def finished(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_the_plan_benchmark_runs_on_a_small_plan():
    out = finished(run("run.py", "--actions", "60", "--months", "4", "--repeat", "1"))
    assert "Oversight benchmark: 60 actions, 4 monthly status files" in out
    assert "Status import" in out and "figure(s) over target" in out


def test_the_annex_a_benchmark_runs_on_a_small_extract():
    out = finished(run("annex_a.py", "--scale", "0.002", "--repeat", "1", "--skip-pandas"))
    assert "load_extract" in out and "compute_measures" in out


def test_the_annex_a_benchmark_runs_with_a_workbook_and_for_a_region():
    out = finished(run("annex_a.py", "--scale", "0.002", "--repeat", "1", "--skip-pandas", "--xlsx"))
    assert "Workbook and CSVs: stored rows and problems identical" in out
    out = finished(run("annex_a.py", "--region", "3", "--scale", "0.002", "--repeat", "1"))
    assert "equal their own, measure by measure" in out
    out = finished(run("workbook_readers.py", "--scale", "0.002"))
    assert "python-calamine" in out and "fastexcel" in out


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="the website benchmark runs on PostgreSQL: checked in the suite's PostgreSQL pass",
)
def test_the_website_benchmark_builds_its_site_and_measures_a_page():
    done = run("web.py", "--actions", "40", "--months", "3", "--page", "overview", "--profile")
    finished(done)
    assert "=== Plan overview /plans/" in done.stderr and ": 200; after a change" in done.stderr


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="the website benchmark runs on PostgreSQL: checked in the suite's PostgreSQL pass",
)
def test_the_month_end_load_saves_every_action_under_gunicorn_while_readers_browse():
    out = finished(
        run(
            "web.py", "--actions", "40", "--months", "3", "--indicators", "8", "--indicator-months", "3",
            "--clients", "3", "--workers", "2", "--only", "month-end", "--leads", "5",
            "--month-end-minutes", "0.2", "--page", "overview", "--page", "actions",
            "--duration", "2", "--warmup", "0.5",
        )
    )  # fmt: skip
    assert "Month-end: 40 saves" in out and "40 landed, 0 errors" in out
    assert "Plan overview  month-end" in out and "in turn, no change" in out
    assert "Errors (any answer but 200): 0 of" in out


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="the website benchmark runs on PostgreSQL: checked in the suite's PostgreSQL pass",
)
def test_the_site_imports_benchmark_uploads_both_files_and_the_worker_imports_them():
    out = finished(run("site_imports.py", "--plan-actions", "40", "--status-rows", "40"))
    assert "Figure" in out and "Plan, 40 actions" in out and "Statuses, 40 rows" in out
    assert "upload request, answer (HTTP status)" in out and "baseline: command-line import" in out
    assert "the site's plan has 40 actions, each equal to the command line's" in out
    assert "the site's status plan 40 statuses, each equal to the command line's" in out
    assert out.rstrip().endswith("Data matched")


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="PostgreSQL's COMMIT: checked in the suite's PostgreSQL pass",
)
def test_the_commit_benchmark_runs_both_cases_and_the_counted_import_checks_by_the_primary_key():
    out = finished(run("commit_checks.py", "--rows", "1500", "--database-url", os.environ["DATABASE_URL"]))
    lines = out.splitlines()
    assert lines[0].startswith("COMMIT of 1,500 statuses after a preview's rollback and a vacuum")
    assert lines[2].startswith("the import counts its rows before COMMIT (as now)")
    assert lines[2].endswith("plans_statusrecord_pkey") and lines[3].startswith("as before")


def test_the_reminder_benchmark_runs_on_a_small_plan():
    out = finished(run("reminders.py", "--actions", "50", "--leads", "5"))
    assert "Reminder run, 50 actions, 5 leads" in out and "5 emails received by the SMTP server" in out
