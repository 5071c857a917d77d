"""Choosing a month's cohort of cases to audit from a list of open cases (an Annex A list): a number of
cases per worker, or a share of the list, drawn with a seed so that the same seed gives the same cases,
and never a case already chosen this month. Pure."""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Set
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby

UNALLOCATED = ""  # cases with no allocated worker are drawn from as if they were one worker's


@dataclass(frozen=True, order=True)
class Case:
    team: str
    worker: str
    ref: str  # the child's ID, or the pseudonym Annex A uses for it: never a name


def pool(cases: Iterable[Case], already: Set[str]) -> list[Case]:
    """Each case once (a child in the list twice, e.g. referred twice, is one case: the first in order),
    without the cases already chosen this month, in one order whatever order the list was in."""
    seen = set(already)
    found = []
    for case in sorted(cases):
        if case.ref not in seen:
            seen.add(case.ref)
            found.append(case)
    return found


def per_worker(cases: Iterable[Case], count: int, seed: int, already: Set[str] = frozenset()) -> list[Case]:
    """Up to `count` cases of each worker (all of a worker's when they have fewer)."""
    rng = random.Random(seed)
    chosen: list[Case] = []
    for _, group in groupby(pool(cases, already), key=lambda c: (c.team, c.worker)):
        workers = list(group)
        chosen.extend(rng.sample(workers, min(count, len(workers))))
    return sorted(chosen)


def share_of(cases: Iterable[Case], share: Decimal, seed: int, already: Set[str] = frozenset()) -> list[Case]:
    """A share (0 to 1) of the cases, rounded up so that 10% of 5 cases is 1 case."""
    available = pool(cases, already)
    count = min(len(available), math.ceil(share * len(available)))
    return sorted(random.Random(seed).sample(available, count))
