"""Timing, peak memory and optional profiling of benchmark steps, and the table of figures against targets."""

from __future__ import annotations

import cProfile
import io
import pstats
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (ru_maxrss is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass(frozen=True)
class Figure:
    """One measured figure, with its target if the requirement sets one."""

    name: str
    value: float
    unit: str
    target: float | None = None
    detail: str = ""

    @property
    def result(self) -> str:
        if self.target is None:
            return ""
        return "PASS" if self.value < self.target else "FAIL"

    def measured(self) -> str:
        if self.unit == "s":
            return f"{self.value:.3f} s"
        if self.unit == "×":
            return f"{self.value:.2f} ×"
        return f"{self.value:,.0f} {self.unit}"

    def goal(self) -> str:
        return "" if self.target is None else f"< {self.target:g} {self.unit}"


class Stopwatch:
    """Times steps with perf_counter; profiles the steps named in `profile` with cProfile."""

    def __init__(self, profile: set[str] | None = None, profile_dir: Path | None = None) -> None:
        self.profilers = {key: cProfile.Profile() for key in profile or ()}
        self.profile_dir = profile_dir

    def time(self, key: str, step: Callable[[], T]) -> tuple[T, float]:
        """Runs the step; a profiled step accumulates every run into one profile."""
        profiler = self.profilers.get(key)
        start = time.perf_counter()
        if profiler:
            result = profiler.runcall(step)
        else:
            result = step()
        return result, time.perf_counter() - start

    def report(self) -> None:
        """Writes each profile to standard error (and to KEY.prof in profile_dir)."""
        for key, profiler in self.profilers.items():
            if self.profile_dir:
                profiler.dump_stats(self.profile_dir / f"{key}.prof")
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative")
            stats.print_stats(30)
            out.write("--- by own time ---\n")
            stats.sort_stats("tottime").print_stats(15)
            sys.stderr.write(f"\n=== profile of {key} (timings under the profiler are inflated) ===\n")
            sys.stderr.write(out.getvalue())


def spread(seconds: list[float]) -> str:
    return (
        f"min {min(seconds):.3f} s, median {statistics.median(seconds):.3f} s, "
        f"max {max(seconds):.3f} s over {len(seconds)}"
    )


def table(figures: list[Figure]) -> str:
    """A plain-text table: figure, measured, target, PASS/FAIL, detail."""
    rows = [("Figure", "Measured", "Target", "Result", "Detail")]
    rows += [(f.name, f.measured(), f.goal(), f.result, f.detail) for f in figures]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = []
    for number, row in enumerate(rows):
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[4]]).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in [*widths, len("Detail")]))
    return "\n".join(lines)
