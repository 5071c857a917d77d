"""Benchmark: a plan of 5,000 actions and 36 monthly status files, timed against the targets."""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from database import configure
from generate import generate
from measure import Figure, Stopwatch, peak_rss_mb, table

MEMORY_TARGET_MB = 500.0
STAGES = ("plan", "reimport", "xlsx-plan", "status", "compute", "json", "docx", "pdf", "xlsx", "md")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--database-url",
        help="e.g. postgres://postgres@127.0.0.1:54400/postgres; its tables are emptied "
        "(default: a new SQLite database in a temporary directory)",
    )
    parser.add_argument("--actions", type=int, default=5000, help="actions in the plan (default 5000)")
    parser.add_argument("--months", type=int, default=36, help="monthly status files (default 36)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each report, median shown (default 3)")
    parser.add_argument("--out", type=Path, help="keep the generated files here (e.g. bench/out)")
    parser.add_argument(
        "--profile",
        action="append",
        default=[],
        choices=STAGES,
        help="profile a step with cProfile, all its runs together (slows it); repeatable",
    )
    return parser.parse_args()


def main() -> int:
    args = arguments()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="oversight-bench-") as scratch:
        work = Path(scratch)
        data_dir = args.out or work / "data"
        sys.stderr.write(f"... generating {args.actions:,} actions and {args.months} status files\n")
        data = generate(data_dir, args.actions, args.months)
        database = configure(args.database_url, work / "var")
        sys.stderr.write(f"... database: {database}\n")

        import scenario  # needs Django set up

        watch = Stopwatch(set(args.profile), args.out)
        figures = scenario.plan_imports(data, watch, args.actions)
        figures += scenario.status_imports(data, watch)
        figures += scenario.reports(data, watch, args.repeat)
        watch.report()
    figures.append(Figure("Peak memory of the whole run (ru_maxrss)", peak_rss_mb(), "MB", MEMORY_TARGET_MB))

    print(f"Oversight benchmark: {args.actions:,} actions, {args.months} monthly status files")
    print(f"Database: {database}")
    print(
        f"Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"total run {time.perf_counter() - started:.1f} s"
    )
    print()
    print(table(figures))
    failed = [f.name for f in figures if f.result == "FAIL"]
    print()
    print(f"{len(failed)} figure(s) over target" + (": " + "; ".join(failed) if failed else ""))
    return 0  # a benchmark, not a test: always exit 0


if __name__ == "__main__":
    sys.exit(main())
