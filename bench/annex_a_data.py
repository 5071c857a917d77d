"""A national-scale Ofsted Annex A extract, one CSV per list, generated deterministically (seeded) by
oversight/performance/annex_a/synthetic.py: events over 2021-2023, 300 teams of 5,000 workers, a
child of any list allocated to any worker, and a bad value in about one date or number cell in 1,000."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `oversight` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from oversight.performance.annex_a import synthetic

SIZES = {1: 200_000, 3: 300_000, 4: 250_000, 5: 100_000, 6: 80_000, 7: 30_000, 8: 30_000, 9: 10_000}
TEAMS, WORKERS = 300, 5_000
SEED = 20231231
FIRST, LAST = date(2021, 1, 1), date(2023, 12, 31)


def generate(
    out: Path, as_at: date = LAST, sizes: dict[int, int] | None = None, seed: int = SEED
) -> dict[int, Path]:
    """Writes listN.csv for each list into `out`; returns the paths by list number."""
    shape = synthetic.Shape(
        sizes or SIZES, lambda rng: synthetic.national_staff(rng, TEAMS, WORKERS), FIRST, LAST
    )
    return synthetic.generate(out, as_at, shape, seed)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "out" / "annex_a"
    for number, written in generate(target).items():
        print(f"List {number}: {written}")
