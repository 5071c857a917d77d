"""A made-up Ofsted Annex A extract, one CSV per list, generated deterministically (seeded): for the
demo council, the tests and the national-scale benchmark. No real child is in it.

Headers are exactly those of lists.py. Dates are dd/mm/yyyy text in a window before the extract's
date (dates of birth earlier), coded values come with or without their letter prefix (`b) Female` or
`Female`), some worker names carry a non-breaking space, and a small share of the date and number
cells hold bad values (`#N/A`, a formula such as `=H2+5`, 31 February, a two-digit year, `unknown`) so
that the data-quality report has something to report. A few rows are exact duplicates of the row
before. Only the standard library is used."""

from __future__ import annotations

import csv
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from oversight.annex_a.lists import DATE, LISTS, NUMBER

UNALLOCATED_SHARE = 0.03  # of the rows with a team and worker: none given

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


@dataclass(frozen=True)
class Staff:
    """Every worker's team and name, and for each list the workers its children are allocated to
    (a worker listed twice carries twice the share)."""

    teams: list[str]
    names: list[str]
    pools: dict[int, Sequence[int]]


@dataclass(frozen=True)
class Team:
    name: str
    workers: int
    lists: tuple[int, ...]  # the lists whose children the team is allocated
    busy: int = 0  # how many of its workers carry twice the share of the others


def _names(rng: random.Random, count: int, surname: Callable[[int], int]) -> list[str]:
    names = []
    for n in range(count):
        space = "\u00a0" if rng.random() < 0.02 else " "
        names.append(
            f"{_FIRST_NAMES[n % 30]}{space}{_SURNAMES[surname(n)]}" + (f" {n // 900 + 1}" if n >= 900 else "")
        )
    return names


def national_staff(rng: random.Random, teams: int = 300, workers: int = 5_000) -> Staff:
    """Teams named by area and kind ("North Assessment Team 1"); any list's child to any worker."""
    names = [f"{_AREAS[n % 6]} {_KINDS[n // 6 % 6]} Team {n // 36 + 1}" for n in range(teams)]
    everyone = range(workers)
    return Staff(
        [names[w % teams] for w in everyone],
        _names(rng, workers, lambda n: n // 30 % 30),
        {number: everyone for number in LISTS},
    )


def council_staff(rng: random.Random, teams: Sequence[Team]) -> Staff:
    """Each team's workers, given children only from its own lists."""
    names = _names(rng, sum(t.workers for t in teams), lambda n: (n * 11 + n // 30) % 30)
    members: list[str] = []
    pools: dict[int, list[int]] = {number: [] for number in LISTS}
    for team in teams:
        for index in range(len(members), len(members) + team.workers):
            shares = 2 if index - len(members) < team.busy else 1
            for number in team.lists:
                pools[number] += [index] * shares
        members += [team.name] * team.workers
    return Staff(members, names, {number: pool for number, pool in pools.items() if pool})


@dataclass(frozen=True)
class Shape:
    """What an extract looks like: rows per list, who works there, the window its events fall in,
    how often a value is bad, and how timely the work is (triangular days: fewest, most, commonest)."""

    sizes: dict[int, int]
    staff: Callable[[random.Random], Staff]
    first: date
    last: date
    bad_share: float = 0.001  # of the date and number cells
    duplicate_share: float = 0.0001  # of the rows: an exact copy of the row before
    assessment_days: tuple[float, float, float] = (1, 75, 30)  # from start to authorisation, most of them
    icpc_days: tuple[float, float, float] = (3, 40, 18)  # from the strategy discussion
    visit_days: tuple[float, float, float] = (0, 40, 6)  # since a child on a plan was last visited


# a small council's teams: names that tell their type (caseloads.TEAM_TYPES), lists they hold
COUNCIL_TEAMS = (
    Team("Front Door Team", 6, (3,)),
    Team("North Assessment Team", 7, (3, 4, 6)),
    Team("South Assessment Team", 6, (3, 4, 6), busy=1),
    Team("East Assessment Team", 5, (3, 4, 6)),
    Team("Child Protection Team 1", 6, (5, 6, 7), busy=2),
    Team("Child Protection Team 2", 7, (5, 6, 7)),
    Team("Children in Need Team", 6, (6,)),
    Team("Adolescent Safeguarding Team", 5, (5, 6, 7)),
    Team("Court Team", 5, (8,), busy=1),
    Team("Children in Care Team 1", 5, (8,)),
    Team("Children in Care Team 2", 5, (8,), busy=1),
    Team("Permanence Team", 4, (8,)),
    Team("Disabled Children's Team", 4, (6, 8)),
    Team("Leaving Care Team", 6, (9,), busy=1),
    Team("16+ Team", 3, (9,)),
)
COUNCIL_SIZES = {1: 200, 3: 200, 4: 180, 5: 80, 6: 330, 7: 110, 8: 300, 9: 110}


def small_council(as_at: date, sizes: dict[int, int] | None = None) -> Shape:
    """About 1,500 children over the year before `as_at` in 15 teams of 80 workers, a few of them
    above their caseload band; ICPCs in 15 working days about 80%, assessments in 45 about 85%."""
    return Shape(
        sizes or COUNCIL_SIZES,
        lambda rng: council_staff(rng, COUNCIL_TEAMS),
        as_at - timedelta(days=364),
        as_at,
        bad_share=0.0005,
        duplicate_share=0.001,
        assessment_days=(1, 90, 40),
        icpc_days=(3, 35, 14),
        visit_days=(0, 20, 4),
    )


class Rows:
    """The shared pieces of a row: child, sex, ethnicity, date of birth and age, team and worker."""

    def __init__(self, rng: random.Random, as_at: date, shape: Shape) -> None:
        self.rng = rng
        self.shape = shape
        epoch = date(shape.first.year - 30, 1, 1)  # before the oldest care leaver's birth
        end = max(as_at, shape.last) + timedelta(days=366)
        self._days = [(epoch + timedelta(days=n)).strftime("%d/%m/%Y") for n in range((end - epoch).days)]
        self.as_at = (as_at - epoch).days
        self.first, self.last = (shape.first - epoch).days, (shape.last - epoch).days
        self.staff = shape.staff(rng)

    def date(self, day: int) -> str:
        if day < 0:
            raise ValueError("a date before the generator's epoch")  # a negative index would wrap round
        return self._days[day]

    def common(self, oldest: int = 17) -> list[str]:
        rng = self.rng
        dob = self.as_at - rng.randrange(30, (oldest + 1) * 365)
        sex = rng.choice(("a) Male", "b) Female", "Male", "Female", "Male", "Female", "c) Unknown"))
        return [
            f"CH{rng.randrange(1, 700_000):07d}",
            sex,
            rng.choice(_ETHNICITY),
            self.date(dob),
            str((self.as_at - dob) * 100 // 36525),
        ]

    def allocation(self, number: int) -> list[str]:
        rng = self.rng
        if rng.random() < UNALLOCATED_SHARE:
            return ["", ""]
        worker = rng.choice(self.staff.pools[number])
        return [self.staff.teams[worker], self.staff.names[worker]]

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
        return self.rng.randint(self.first, self.last)

    def count(self, weights: tuple[float, ...]) -> str:
        return str(self.rng.choices(range(len(weights)), weights)[0])


def _list1(r: Rows) -> list[str]:
    source = r.rng.choice(
        ("a) Police", "b) Schools", "Health services", "Individual", "LA services", "Other")
    )
    return [*r.common(), r.date(r.day()), source]


def _list3(r: Rows) -> list[str]:
    return [
        *r.common(),
        r.date(r.day()),
        r.rng.choice(("1A) Individual", "Police", "Schools", "Health", "Other legal agency", "Anonymous")),
        r.yes_no(0.12),
        r.count((78, 15, 5, 1.5, 0.5)),
        *r.allocation(3),
    ]


def _list4(r: Rows) -> list[str]:
    rng = r.rng
    start = r.day()
    length = int(rng.triangular(*r.shape.assessment_days)) if rng.random() < 0.9 else rng.randint(60, 130)
    done = start + length if start + length <= r.as_at and rng.random() < 0.95 else None
    if done is not None and rng.random() < 0.0005:
        done = start - rng.randint(1, 10)  # authorised before it started: reported, and counted as negative
    return [
        *r.common(),
        r.yes_no(0.08),
        r.date(start),
        r.yes_no(0.96),
        r.date(done) if done is not None else "",
        r.yes_no(0.6) if done is not None else "",
        *r.allocation(4),
    ]


def _list5(r: Rows) -> list[str]:
    rng = r.rng
    start = r.day()
    unnecessary = rng.random() < 0.65
    icpc = start + int(rng.triangular(*r.shape.icpc_days)) if not unnecessary else None
    if icpc is not None and icpc > r.as_at:
        icpc = None
    if icpc is not None and rng.random() < 0.0005:
        icpc = start - rng.randint(1, 10)
    return [
        *r.common(),
        r.yes_no(0.08),
        r.date(start),
        "a) Yes" if unnecessary else rng.choice(("b) No", "No")),
        r.date(icpc) if icpc is not None else "",
        r.yes_no(0.85) if icpc is not None else "",
        r.count((60, 25, 10, 5)),
        r.count((80, 15, 5)),
        *r.allocation(5),
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
        r.date(start),
        f"N{rng.randint(1, 9)}",
        r.date(max(start, seen)),
        r.date(closed) if closed is not None else "",
        f"RC{rng.randint(1, 8)}" if closed is not None else "",
        "Closed" if closed is not None else "Open",
        *r.allocation(6),
    ]


_ABUSE = ("Neglect", "Emotional abuse", "Physical abuse", "Sexual abuse", "Multiple")


def _list7(r: Rows) -> list[str]:
    rng = r.rng
    start = r.day()
    ended = start + rng.randint(90, 700) if rng.random() < 0.45 else None
    if ended is not None and ended > r.as_at:
        ended = None
    last = ended if ended is not None else r.as_at
    visit = max(start, last - int(rng.triangular(*r.shape.visit_days))) if rng.random() < 0.97 else None
    review = start + 91 + 182 * rng.randint(0, 2) - rng.randint(0, 20) if rng.random() < 0.8 else None
    if review is not None and review > last:
        review = None
    return [
        *r.common(),
        r.yes_no(0.06),
        r.date(start),
        rng.choice(_ABUSE),
        rng.choice(_ABUSE),
        r.date(visit) if visit is not None else "",
        r.yes_no(0.7) if visit is not None else "",
        r.date(review) if review is not None else "",
        r.date(ended) if ended is not None else "",
        r.yes_no(0.03),
        r.count((78, 16, 4, 2)),
        *r.allocation(7),
    ]


_PLACEMENTS = ("U1", "U2", "U3", "U4", "U5", "U6", "R1", "K2", "P1", "H5", "S1")


def _list8(r: Rows) -> list[str]:
    rng = r.rng
    start = rng.randint(r.first - 900, r.last)
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
        r.date(start),
        f"N{rng.randint(1, 9)}",
        r.yes_no(0.05),
        r.date(min(last, start + rng.randint(0, 60))),
        rng.choice(("C2", "J1", "V2", "E1", "L1")),
        r.date(max(start, last - rng.randint(0, 200))) if rng.random() < 0.9 else "",
        r.date(max(start, last - rng.randint(0, 45))),
        rng.choice(("a) Return home", "Adoption", "Long-term fostering", "Special guardianship", "")),
        r.date(max(start, last - rng.randint(0, 120))),
        r.date(max(start, last - rng.randint(0, 400))) if rng.random() < 0.9 else "",
        r.date(max(start, last - rng.randint(0, 400))) if rng.random() < 0.85 else "",
        r.count((68, 20, 8, 3, 1)),
        r.date(ceased) if ceased is not None else "",
        rng.choice(("E11", "E12", "E41", "E13", "E4A")) if ceased is not None else "",
        r.date(recent),
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
        *r.allocation(8),
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
        *r.allocation(9),
        r.staff.names[rng.choice(r.staff.pools[9])],  # the personal adviser
        rng.choice(("Relevant", "Former relevant", "Qualifying")),
        r.date(r.day()) if rng.random() < 0.9 else "",
        r.yes_no(0.92),
        r.date(r.as_at - rng.randint(0, 120)),
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


def _bad(rng: random.Random, kind: str, row: int, year: int) -> str:
    if kind == DATE:
        return rng.choice(("#N/A", f"=H{row}+5", f"31/02/{year}", f"5/3/{year % 100:02d}"))
    return rng.choice(("#N/A", f"=H{row}+5", "unknown"))


def _rows(number: int, rows: int, maker: Rows) -> Iterator[list[str]]:
    rng, shape = maker.rng, maker.shape
    checked = [i for i, c in enumerate(LISTS[number].columns) if c.kind in (DATE, NUMBER)]
    kinds = [c.kind for c in LISTS[number].columns]
    chance = shape.bad_share * len(checked)
    make = ROW_MAKERS[number]
    previous: list[str] = []
    for index in range(rows):
        if previous and rng.random() < shape.duplicate_share:
            yield previous
            continue
        row = make(maker)
        if rng.random() < chance:
            column = rng.choice(checked)
            row[column] = _bad(rng, kinds[column], index + 2, shape.last.year)
        previous = row
        yield row


def generate(out: Path, as_at: date, shape: Shape, seed: int) -> dict[int, Path]:
    """Writes listN.csv for each list of the shape into `out`; returns the paths by list number."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    maker = Rows(rng, as_at, shape)
    paths = {}
    for number, rows in shape.sizes.items():
        path = out / f"list{number}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            header = [c.header for c in LISTS[number].columns]
            writer.writerow(header)
            for row in _rows(number, rows, maker):
                if len(row) != len(header):
                    raise ValueError(f"List {number}: a row of {len(row)} cells for {len(header)} columns")
                writer.writerow(row)
        paths[number] = path
    return paths
