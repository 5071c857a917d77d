"""A national-scale Ofsted Annex A extract, one CSV per list, generated deterministically (seeded).

Headers are exactly those of oversight/performance/annex_a/lists.py. Dates are dd/mm/yyyy text over
2021-2023 (dates of birth earlier), coded values come with or without their letter prefix
(`b) Female` or `Female`), some worker names carry a non-breaking space, and a small share of the
date and number cells hold bad values (`#N/A`, a formula such as `=H2+5`, 31/02/2023, a two-digit
year, `unknown`) so that the data-quality report has something to report. A few rows are exact
duplicates of the row before. Only the standard library is used, so generation needs nothing extra.
"""

from __future__ import annotations

import csv
import random
import sys
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `oversight` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from oversight.performance.annex_a.lists import DATE, LISTS, NUMBER

SIZES = {1: 200_000, 3: 300_000, 4: 250_000, 5: 100_000, 6: 80_000, 7: 30_000, 8: 30_000, 9: 10_000}
TEAMS, WORKERS = 300, 5_000
BAD_SHARE = 0.001  # of the date and number cells
DUPLICATE_SHARE = 0.0001  # of the rows: an exact copy of the row before
SEED = 20231231

EPOCH = date(1995, 1, 1)  # before the oldest care leaver's birth
FIRST, LAST = date(2021, 1, 1), date(2023, 12, 31)
_DAYS = [(EPOCH + timedelta(days=n)).strftime("%d/%m/%Y") for n in range((date(2025, 1, 1) - EPOCH).days)]
_FIRST, _LAST = (FIRST - EPOCH).days, (LAST - EPOCH).days

_AREAS = ("North", "South", "East", "West", "Central", "Riverside")
_KINDS = ("Assessment", "Child in Need", "Child Protection", "Children in Care", "Leaving Care", "Front Door")
_FIRST_NAMES = (
    "Amira Ben Chloe Dev Ellie Farah Grace Harvey Isla Jamal Kate Liam Mia Noah Olu Priya Quinn Rosa "
    "Sam Tariq Uma Vikram Wendy Yusuf Zoe Aled Bronwen Ciaran Dafydd Eilidh"
).split()
_SURNAMES = (
    "Adams Begum Clarke Davies Evans Fraser Green Hussain Iqbal Jones Khan Lewis Morgan Nowak "
    "Owen Patel Quayle Roberts Smith Taylor Usman Vaughan Walker Young Zielinski Ahmed Brown "
    "Campbell Dunn Ellis"
).split()
_ETHNICITY = ("WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "MWBA", "AIND", "APKN", "ABAN", "BAFR", "BCRB", "CHNE")


def _date(day: int) -> str:
    if day < 0:
        raise ValueError("a date before the generator's epoch")  # a negative index would wrap round
    return _DAYS[day]


class Rows:
    """The shared pieces of a row: child, sex, ethnicity, date of birth and age, team and worker."""

    def __init__(self, rng: random.Random, as_at: date) -> None:
        self.rng = rng
        self.as_at = (as_at - EPOCH).days
        self.teams = [f"{_AREAS[n % 6]} {_KINDS[n // 6 % 6]} Team {n // 36 + 1}" for n in range(TEAMS)]
        self.workers = []
        for n in range(WORKERS):
            space = "\u00a0" if rng.random() < 0.02 else " "
            first, last = _FIRST_NAMES[n % 30], _SURNAMES[n // 30 % 30]
            self.workers.append(f"{first}{space}{last}" + (f" {n // 900 + 1}" if n >= 900 else ""))

    def common(self, oldest: int = 17) -> list[str]:
        rng = self.rng
        dob = self.as_at - rng.randrange(30, (oldest + 1) * 365)
        sex = rng.choice(("a) Male", "b) Female", "Male", "Female", "Male", "Female", "c) Unknown"))
        return [
            f"CH{rng.randrange(1, 700_000):07d}",
            sex,
            rng.choice(_ETHNICITY),
            _date(dob),
            str((self.as_at - dob) * 100 // 36525),
        ]

    def allocation(self) -> list[str]:
        rng = self.rng
        if rng.random() < 0.03:
            return ["", ""]
        worker = rng.randrange(WORKERS)
        return [self.teams[worker % TEAMS], self.workers[worker]]

    def yes_no(self, yes: float) -> str:
        rng = self.rng
        answer = rng.random() < yes
        style = rng.random()
        if style < 0.5:
            return "a) Yes" if answer else "b) No"
        if style < 0.9:
            return "Yes" if answer else "No"
        return "Y" if answer else "N"

    def day(self) -> int:
        return self.rng.randint(_FIRST, _LAST)

    def count(self, weights: tuple[float, ...]) -> str:
        return str(self.rng.choices(range(len(weights)), weights)[0])


def _list1(r: Rows) -> list[str]:
    source = r.rng.choice(
        ("a) Police", "b) Schools", "Health services", "Individual", "LA services", "Other")
    )
    return [*r.common(), _date(r.day()), source]


def _list3(r: Rows) -> list[str]:
    return [
        *r.common(),
        _date(r.day()),
        r.rng.choice(("1A) Individual", "Police", "Schools", "Health", "Other legal agency", "Anonymous")),
        r.yes_no(0.12),
        r.count((78, 15, 5, 1.5, 0.5)),
        *r.allocation(),
    ]


def _list4(r: Rows) -> list[str]:
    rng = r.rng
    start = r.day()
    length = int(rng.triangular(1, 75, 30)) if rng.random() < 0.9 else rng.randint(60, 130)
    done = start + length if start + length <= r.as_at and rng.random() < 0.95 else None
    if done is not None and rng.random() < 0.0005:
        done = start - rng.randint(1, 10)  # authorised before it started: reported, and counted as negative
    return [
        *r.common(),
        r.yes_no(0.08),
        _date(start),
        r.yes_no(0.96),
        _date(done) if done is not None else "",
        r.yes_no(0.6) if done is not None else "",
        *r.allocation(),
    ]


def _list5(r: Rows) -> list[str]:
    rng = r.rng
    start = r.day()
    unnecessary = rng.random() < 0.65
    icpc = start + int(rng.triangular(3, 40, 18)) if not unnecessary else None
    if icpc is not None and icpc > r.as_at:
        icpc = None
    if icpc is not None and rng.random() < 0.0005:
        icpc = start - rng.randint(1, 10)
    return [
        *r.common(),
        r.yes_no(0.08),
        _date(start),
        "a) Yes" if unnecessary else rng.choice(("b) No", "No")),
        _date(icpc) if icpc is not None else "",
        r.yes_no(0.85) if icpc is not None else "",
        r.count((60, 25, 10, 5)),
        r.count((80, 15, 5)),
        *r.allocation(),
    ]


def _list6(r: Rows) -> list[str]:
    rng = r.rng
    start = r.day()
    closed = start + rng.randint(20, 400) if rng.random() < 0.5 else None
    if closed is not None and closed > r.as_at:
        closed = None
    seen = min(r.as_at, (closed or r.as_at) - rng.randint(0, 40))
    return [
        *r.common(),
        r.yes_no(0.1),
        _date(start),
        f"N{rng.randint(1, 9)}",
        _date(max(start, seen)),
        _date(closed) if closed is not None else "",
        f"RC{rng.randint(1, 8)}" if closed is not None else "",
        "Closed" if closed is not None else "Open",
        *r.allocation(),
    ]


_ABUSE = ("Neglect", "Emotional abuse", "Physical abuse", "Sexual abuse", "Multiple")


def _list7(r: Rows) -> list[str]:
    rng = r.rng
    start = r.day()
    ended = start + rng.randint(90, 700) if rng.random() < 0.45 else None
    if ended is not None and ended > r.as_at:
        ended = None
    last = ended if ended is not None else r.as_at
    visit = max(start, last - int(rng.triangular(0, 40, 6))) if rng.random() < 0.97 else None
    review = start + 91 + 182 * rng.randint(0, 2) - rng.randint(0, 20) if rng.random() < 0.8 else None
    if review is not None and review > last:
        review = None
    return [
        *r.common(),
        r.yes_no(0.06),
        _date(start),
        rng.choice(_ABUSE),
        rng.choice(_ABUSE),
        _date(visit) if visit is not None else "",
        r.yes_no(0.7) if visit is not None else "",
        _date(review) if review is not None else "",
        _date(ended) if ended is not None else "",
        r.yes_no(0.03),
        r.count((78, 16, 4, 2)),
        *r.allocation(),
    ]


_PLACEMENTS = ("U1", "U2", "U3", "U4", "U5", "U6", "R1", "K2", "P1", "H5", "S1")


def _list8(r: Rows) -> list[str]:
    rng = r.rng
    start = rng.randint(_FIRST - 900, _LAST)
    ceased = start + rng.randint(30, 900) if rng.random() < 0.3 else None
    if ceased is not None and ceased > r.as_at:
        ceased = None
    last = ceased if ceased is not None else r.as_at
    missing = r.count((85, 8, 4, 2, 1))
    recent = max(start, last - rng.randint(0, 200))
    return [
        *r.common(),
        r.yes_no(0.06),
        r.yes_no(0.1),
        _date(start),
        f"N{rng.randint(1, 9)}",
        r.yes_no(0.05),
        _date(min(last, start + rng.randint(0, 60))),
        rng.choice(("C2", "J1", "V2", "E1", "L1")),
        _date(max(start, last - rng.randint(0, 200))) if rng.random() < 0.9 else "",
        _date(max(start, last - rng.randint(0, 45))),
        rng.choice(("a) Return home", "Adoption", "Long-term fostering", "Special guardianship", "")),
        _date(max(start, last - rng.randint(0, 120))),
        _date(max(start, last - rng.randint(0, 400))) if rng.random() < 0.9 else "",
        _date(max(start, last - rng.randint(0, 400))) if rng.random() < 0.85 else "",
        r.count((68, 20, 8, 3, 1)),
        _date(ceased) if ceased is not None else "",
        rng.choice(("E11", "E12", "E41", "E13", "E4A")) if ceased is not None else "",
        _date(recent),
        rng.choice(_PLACEMENTS),
        rng.choice(("PR1", "PR2", "PR3", "PR4", "PR5")),
        f"AB{rng.randint(1, 99)} {rng.randint(1, 9)}XY",
        f"SC{rng.randint(100000, 999999)}",
        rng.choice(("IN", "OUT")),
        f"E0{rng.randint(6000000, 6000300)}",
        missing,
        r.count((90, 6, 3, 1)),
        r.yes_no(0.8) if missing != "0" else "",
        r.yes_no(0.5) if missing != "0" else "",
        *r.allocation(),
    ]


_ACCOMMODATION = ("B) Parents", "Community home", "Semi-independent", "Independent living", "Foster care")
_ACTIVITY = (
    "F1) Higher education",
    "Other education",
    "Training or employment",
    "G4) Not in education, employment or training - illness",
    "NEET - other reasons",
    "Young person's activity not known",
)


def _list9(r: Rows) -> list[str]:
    rng = r.rng
    suitable = rng.random()
    return [
        *r.common(oldest=24),
        r.yes_no(0.12),
        r.yes_no(0.09),
        *r.allocation(),
        r.workers[rng.randrange(WORKERS)],
        rng.choice(("Relevant", "Former relevant", "Qualifying")),
        _date(r.day()) if rng.random() < 0.9 else "",
        r.yes_no(0.92),
        _date(r.as_at - rng.randint(0, 120)),
        rng.choice(_ACCOMMODATION),
        ("a) Suitable" if suitable < 0.5 else "Suitable")
        if suitable < 0.88
        else ("" if suitable < 0.9 else rng.choice(("b) Not suitable", "Not suitable"))),
        rng.choice(_ACTIVITY),
    ]


ROW_MAKERS: dict[int, Callable[[Rows], list[str]]] = {
    1: _list1,
    3: _list3,
    4: _list4,
    5: _list5,
    6: _list6,
    7: _list7,
    8: _list8,
    9: _list9,
}


def _bad(rng: random.Random, kind: str, row: int) -> str:
    if kind == DATE:
        return rng.choice(("#N/A", f"=H{row}+5", "31/02/2023", "5/3/23"))
    return rng.choice(("#N/A", f"=H{row}+5", "unknown"))


def _rows(number: int, rows: int, maker: Rows) -> Iterator[list[str]]:
    rng = maker.rng
    checked = [i for i, c in enumerate(LISTS[number].columns) if c.kind in (DATE, NUMBER)]
    kinds = [c.kind for c in LISTS[number].columns]
    chance = BAD_SHARE * len(checked)
    make = ROW_MAKERS[number]
    previous: list[str] = []
    for index in range(rows):
        if previous and rng.random() < DUPLICATE_SHARE:
            yield previous
            continue
        row = make(maker)
        if rng.random() < chance:
            column = rng.choice(checked)
            row[column] = _bad(rng, kinds[column], index + 2)
        previous = row
        yield row


def generate(
    out: Path, as_at: date = LAST, sizes: dict[int, int] | None = None, seed: int = SEED
) -> dict[int, Path]:
    """Writes listN.csv for each list into `out`; returns the paths by list number."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    maker = Rows(rng, as_at)
    paths = {}
    for number, rows in (sizes or SIZES).items():
        path = out / f"list{number}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            header = [c.header for c in LISTS[number].columns]
            writer.writerow(header)
            for row in _rows(number, rows, maker):
                assert len(row) == len(header), (number, len(row), len(header))
                writer.writerow(row)
        paths[number] = path
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "out" / "annex_a"
    for number, written in generate(target).items():
        print(f"List {number}: {written}")
