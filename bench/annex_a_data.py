"""A national-scale Ofsted Annex A extract, one CSV per list, generated deterministically (seeded) by
oversight/demo/synthetic.py: events over 2021-2023, 300 teams of 5,000 workers, a
child of any list allocated to any worker, and a bad value in about one date or number cell in 1,000.

On top of that, a share of the rows (0.2%) is given one habit of the files councils really send, so
that the benchmark checks every reading rule at scale: a date written dd.mm.yyyy, dd-mm-yyyy,
yyyy-mm-dd or as Excel's day number, a count written '2.0' (all read as they should be), and the
problems that must never be guessed: a year typed a century early, a date after the extract's date,
'#N/A' in a text column, a value the list needs left blank, a blank count, and a statutory visit after
the plan ended."""

from __future__ import annotations

import csv
import random
import sys
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `oversight` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from oversight.annex_a.lists import DATE, LISTS, NUMBER, TEXT, AnnexList
from oversight.demo import synthetic

SIZES = {1: 200_000, 3: 300_000, 4: 250_000, 5: 100_000, 6: 80_000, 7: 30_000, 8: 30_000, 9: 10_000}
TEAMS, WORKERS = 300, 5_000
SEED = 20231231
FIRST, LAST = date(2021, 1, 1), date(2023, 12, 31)
HABITS = 0.002  # share of rows given one habit of real files
EXCEL_EPOCH = date(1899, 12, 30)
VISIT, PLAN_END = "Date of the Last Statutory Visit", "Child Protection Plan End Date"


def generate(
    out: Path,
    as_at: date = LAST,
    sizes: dict[int, int] | None = None,
    seed: int = SEED,
    habits: float = HABITS,
) -> dict[int, Path]:
    """Writes listN.csv for each list into `out`; returns the paths by list number. With `habits` 0,
    the files are synthetic.py's alone."""
    shape = synthetic.Shape(
        sizes or SIZES, lambda rng: synthetic.national_staff(rng, TEAMS, WORKERS), FIRST, LAST
    )
    paths = synthetic.generate(out, as_at, shape, seed)
    if habits:
        rng = random.Random(seed + 1)
        for number, path in paths.items():
            add_habits(path, LISTS[number], as_at, habits, rng)
    return paths


def add_habits(path: Path, annex: AnnexList, as_at: date, share: float, rng: random.Random) -> Counter[str]:
    """Rewrites the list's CSV with `share` of its rows given one habit each; how many of each."""
    given: Counter[str] = Counter()
    written = path.with_suffix(".habits")
    with (
        path.open(newline="", encoding="utf-8") as source,
        written.open("w", newline="", encoding="utf-8") as out,
    ):
        rows, writer = csv.reader(source), csv.writer(out)
        writer.writerow(next(rows))
        for row in rows:
            if rng.random() < share:
                habit = with_habit(rng, annex, row, as_at)
                if habit:
                    given[habit] += 1
            writer.writerow(row)
    written.replace(path)
    return given


def _day(text: str) -> date | None:
    try:
        return datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        return None


def with_habit(rng: random.Random, annex: AnnexList, row: list[str], as_at: date) -> str | None:
    """Gives the row one habit among those its cells allow, chosen evenly; the habit's name."""
    headers = [c.header for c in annex.columns]
    day = {i: d for i, c in enumerate(annex.columns) if c.kind == DATE and (d := _day(row[i]))}
    dates = list(day)
    events = [i for i in dates if headers[i] != "Date of Birth"]  # dates working days are counted from
    counts = [i for i, c in enumerate(annex.columns) if c.kind == NUMBER and row[i].isdigit()]
    texts = [i for i, c in enumerate(annex.columns) if c.kind == TEXT and row[i]]
    required = [i for i, c in enumerate(annex.columns) if c.required and row[i]]
    visit, end = (headers.index(VISIT), headers.index(PLAN_END)) if VISIT in headers else (0, 0)
    visits = [visit] if VISIT in headers and visit in day and end in day else []
    habits: dict[str, tuple[list[int], Callable[[int], str]]] = {
        "dd.mm.yyyy": (dates, lambda i: f"{day[i]:%d.%m.%Y}"),
        "dd-mm-yyyy": (dates, lambda i: f"{day[i]:%d-%m-%Y}"),
        "yyyy-mm-dd": (dates, lambda i: f"{day[i]:%Y-%m-%d}"),
        "Excel day number": (dates, lambda i: str((day[i] - EXCEL_EPOCH).days)),
        "count written 2.0": (counts, lambda i: f"{row[i]}.0"),
        "year typed a century early": (events, lambda i: f"{day[i]:%d/%m}/{day[i].year - 100}"),
        "date after the extract's date": (dates, lambda i: f"{day[i]:%d/%m}/{as_at.year + 1}"),
        "#N/A in a text column": (texts, lambda i: "#N/A"),
        "required value blank": (required, lambda i: ""),
        "count blank": (counts, lambda i: ""),
        "visit after the plan ended": (
            visits,
            lambda i: f"{day[end] + timedelta(days=rng.randint(1, 30)):%d/%m/%Y}",
        ),
    }
    possible = [name for name, (columns, _) in habits.items() if columns]
    if not possible:
        return None
    name = rng.choice(possible)
    columns, value = habits[name]
    column = rng.choice(columns)
    row[column] = value(column)
    return name


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "out" / "annex_a"
    for number, written in generate(target).items():
        print(f"List {number}: {written}")
