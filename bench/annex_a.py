"""Benchmark: a national-scale Ofsted Annex A extract (1,000,000 rows over 8 lists) loaded into DuckDB and
measured, timed against the targets, with the same measures written plainly in pandas side by side
and their numerators and denominators checked against DuckDB's.

Targets on this 2-core machine: load_extract under 30 s, compute_measures under 3 s, peak memory
under 2 GB. Exits 1 if pandas and DuckDB disagree on any measure, 2 if pandas is not installed."""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `oversight`, run from anywhere

from annex_a_data import SIZES, generate  # noqa: E402
from measure import Figure, Stopwatch, peak_rss_mb, spread, table  # noqa: E402

LOAD_TARGET_S, MEASURES_TARGET_S, MEMORY_TARGET_MB = 30.0, 3.0, 2048.0
STAGES = ("generate", "load", "measures", "pandas")
INSTALL = "pandas is not installed: install the benchmark's extras with pip install -e '.[bench]'"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, help="keep the generated CSVs and the DuckDB file here")
    parser.add_argument("--council", default="Benchshire", help="the council the extract is for")
    parser.add_argument(
        "--as-at", type=date.fromisoformat, default=date(2023, 12, 31), help="the extract's date (2023-12-31)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of compute_measures, median shown (3)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every list's rows (default 1)")
    parser.add_argument("--skip-pandas", action="store_true", help="no pandas comparison (no extras needed)")
    parser.add_argument(
        "--profile",
        action="append",
        default=[],
        choices=STAGES,
        help="profile a step with cProfile (slows it); repeatable",
    )
    return parser.parse_args()


def setup_django(data_dir: Path) -> None:
    """compute_measures reads its settings (CP_VISIT_WORKING_DAYS) from Django's."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "oversight.settings"
    os.environ["DEBUG"] = "False"
    os.environ["OVERSIGHT_DATA_DIR"] = str(data_dir)
    import django

    django.setup()


def main() -> int:
    args = arguments()
    if not args.skip_pandas:
        try:
            import annex_a_pandas  # noqa: F401  (pandas and numpy)
        except ModuleNotFoundError as error:
            if error.name not in {"pandas", "numpy"}:
                raise
            sys.stderr.write(f"{INSTALL}\n(or run with --skip-pandas)\n")
            return 2
    started = time.perf_counter()
    sizes = {number: round(rows * args.scale) for number, rows in SIZES.items()}
    total_rows = sum(sizes.values())
    watch = Stopwatch(set(args.profile), args.out)
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="oversight-annex-a-") as scratch:
        work = args.out or Path(scratch)
        setup_django(Path(scratch) / "var")
        import duckdb
        from django.conf import settings

        from oversight.performance.annex_a.load import load_extract
        from oversight.performance.annex_a.measures import compute_measures

        data = work / "annex_a"
        sys.stderr.write(f"... generating {total_rows:,} rows in {data}\n")
        paths, seconds = watch.time("generate", lambda: generate(data, args.as_at, sizes))
        megabytes = sum(p.stat().st_size for p in paths.values()) / 1e6
        figures.append(
            Figure(
                f"Generate the extract: {total_rows:,} rows, {len(paths)} CSVs",
                seconds,
                "s",
                detail=f"{megabytes:,.0f} MB of CSV; not a target",
            )
        )

        database = work / "annex_a.duckdb"
        database.unlink(missing_ok=True)
        sys.stderr.write(f"... load_extract into {database}\n")
        report, seconds = watch.time(
            "load",
            lambda: load_extract(list(paths.values()), args.council, args.as_at, database=database),
        )
        loaded = sum(r.rows for r in report.lists)
        problems = sum(sum(r.counts.values()) for r in report.lists)
        figures.append(
            Figure(
                f"load_extract, all {len(report.lists)} lists, fresh DuckDB file",
                seconds,
                "s",
                LOAD_TARGET_S,
                f"{loaded:,} rows, {problems:,} problems reported, "
                f"file {database.stat().st_size / 1e6:,.0f} MB",
            )
        )

        sys.stderr.write(f"... compute_measures x{args.repeat}\n")
        runs = []
        for _ in range(args.repeat):
            measures, seconds = watch.time(
                "measures", lambda: compute_measures(args.council, args.as_at, database)
            )
            runs.append(seconds)
        figures.append(
            Figure(
                f"compute_measures, {len(measures)} measures (median of {len(runs)})",
                statistics.median(runs),
                "s",
                MEASURES_TARGET_S,
                spread(runs),
            )
        )
        figures.append(
            Figure(
                "Peak memory: generation, load and measures (ru_maxrss)",
                peak_rss_mb(),
                "MB",
                MEMORY_TARGET_MB,
            )
        )

        comparison: list[tuple[str, tuple[int, int], tuple[int, int]]] = []
        if not args.skip_pandas:
            from annex_a_pandas import compute

            sys.stderr.write("... the same measures in pandas\n")
            by_pandas, seconds = watch.time(
                "pandas", lambda: compute(data, args.as_at, settings.CP_VISIT_WORKING_DAYS)
            )
            figures.append(
                Figure(
                    f"pandas: read_csv + compute {len(by_pandas)} measures",
                    seconds,
                    "s",
                    detail="numerators and denominators only; not a target",
                )
            )
            figures.append(Figure("Peak memory of the whole run, pandas included", peak_rss_mb(), "MB"))
            by_duckdb = {m.key: (m.numerator, m.denominator) for m in measures}
            comparison = [(key, by_duckdb.get(key, (0, 0)), counts) for key, counts in by_pandas.items()]
        watch.report()

    print(f"Oversight Annex A benchmark: {total_rows:,} rows, {args.council} as at {args.as_at:%d/%m/%Y}")
    print("Rows per list: " + ", ".join(f"List {n} {rows:,}" for n, rows in sizes.items()))
    print(
        f"Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, DuckDB {duckdb.__version__}"
        + ("" if args.skip_pandas else f", pandas {_version('pandas')}, numpy {_version('numpy')}")
        + f"; total run {time.perf_counter() - started:.1f} s"
    )
    print()
    print(table(figures))
    failed = [f.name for f in figures if f.result == "FAIL"]
    print()
    print(f"{len(failed)} figure(s) over target" + (": " + "; ".join(failed) if failed else ""))
    print()
    print(measures_table(measures, comparison))
    differ = [key for key, duck, pand in comparison if duck != pand]
    if differ:
        message = f"MISMATCH: pandas and DuckDB disagree on {len(differ)} measure(s): {', '.join(differ)}"
        print(f"\n{'!' * len(message)}\n{message}\n{'!' * len(message)}")
        sys.stderr.write(message + "\n")
        return 1
    if comparison:
        print(f"\npandas and DuckDB agree on all {len(comparison)} compared measures.")
    return 0  # a benchmark: targets missed are reported, not an error


def _version(module: str) -> str:
    from importlib.metadata import version

    return version(module)


def measures_table(measures: list, comparison: list[tuple[str, tuple[int, int], tuple[int, int]]]) -> str:
    compared = {key: pandas for key, _, pandas in comparison}
    rows = [("Measure", "DuckDB", "%", "pandas", "Same")]
    for m in measures:
        theirs = compared.get(m.key)
        rows.append(
            (
                m.key,
                f"{m.numerator:,} / {m.denominator:,}",
                f"{m.percent}%",
                f"{theirs[0]:,} / {theirs[1]:,}" if theirs else "",
                ("yes" if theirs == (m.numerator, m.denominator) else "NO") if theirs else "",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
