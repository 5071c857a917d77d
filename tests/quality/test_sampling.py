"""A cohort drawn from a list of open cases: the same seed gives the same cases, whatever order the list
comes in, and no case is chosen twice in a month."""

from __future__ import annotations

import random
from decimal import Decimal

from oversight.quality.sampling import Case, per_worker, share_of

CASES = [
    Case(team, worker, f"C{team[-1]}{worker[-1]}{n:02}")
    for team in ("Team A", "Team B")
    for worker in ("Worker 1", "Worker 2", "Worker 3")
    for n in range(7)
]


def test_the_same_seed_draws_the_same_cases_from_the_list_in_any_order() -> None:
    shuffled = CASES[:]
    random.Random(1).shuffle(shuffled)
    assert per_worker(CASES, 2, seed=4821) == per_worker(shuffled, 2, seed=4821)
    assert share_of(CASES, Decimal("0.1"), seed=4821) == share_of(shuffled, Decimal("0.1"), seed=4821)
    assert per_worker(CASES, 2, seed=4821) != per_worker(CASES, 2, seed=4822)


def test_two_cases_per_worker_takes_two_of_each_workers_or_all_they_have() -> None:
    chosen = per_worker([*CASES, Case("Team C", "Worker 9", "C9901")], 2, seed=7)
    by_worker: dict[tuple[str, str], int] = {}
    for case in chosen:
        by_worker[(case.team, case.worker)] = by_worker.get((case.team, case.worker), 0) + 1
    assert by_worker == {
        **{(t, w): 2 for t in ("Team A", "Team B") for w in ("Worker 1", "Worker 2", "Worker 3")},
        ("Team C", "Worker 9"): 1,
    }


def test_ten_per_cent_of_42_cases_is_5_rounded_up() -> None:
    assert len(share_of(CASES, Decimal("0.1"), seed=3)) == 5


def test_no_case_already_chosen_this_month_is_chosen_again() -> None:
    first = per_worker(CASES, 2, seed=11)
    second = per_worker(CASES, 2, seed=11, already={c.ref for c in first})
    assert not {c.ref for c in first} & {c.ref for c in second}
    assert len(second) == 12
    rest = share_of(CASES, Decimal(1), seed=5, already={c.ref for c in first + second})
    assert len(rest) == len(CASES) - 24


def test_a_child_listed_twice_is_one_case() -> None:
    twice = [
        Case("Team A", "Worker 1", "C1"),
        Case("Team A", "Worker 1", "C1"),
        Case("Team A", "Worker 2", "C2"),
    ]
    assert share_of(twice, Decimal(1), seed=1) == [
        Case("Team A", "Worker 1", "C1"),
        Case("Team A", "Worker 2", "C2"),
    ]
