"""The weekly board's rotation of priorities."""

from __future__ import annotations

from collections import Counter

import pytest

from oversight.governance.rotation import PriorityLoad, default_max_gap, feasible, schedule

PLAN = [PriorityLoad(n, red=r, overdue=o) for n, r, o in [
    (1, 0, 0), (2, 5, 2), (3, 0, 1), (4, 9, 4), (5, 1, 0),
    (6, 0, 0), (7, 3, 3), (8, 0, 0), (9, 2, 0), (10, 0, 0),
]]  # fmt: skip


def test_the_default_gap_is_one_week_more_than_a_round_robin() -> None:
    assert default_max_gap(10) == 6
    assert default_max_gap(11) == 7
    assert default_max_gap(4) == 3


def test_every_priority_is_in_every_six_week_window_over_24_weeks() -> None:
    meetings = schedule(PLAN, weeks=24)
    assert all(len(m.priorities) == 2 and len(set(m.priorities)) == 2 for m in meetings)
    for start in range(24 - 6 + 1):
        window = {p for m in meetings[start : start + 6] for p in m.priorities}
        assert window == set(range(1, 11)), f"weeks {start}-{start + 5} miss {set(range(1, 11)) - window}"


def test_a_priority_with_more_red_actions_comes_round_at_least_as_often() -> None:
    counts = Counter(p for m in schedule(PLAN, weeks=24) for p in m.priorities)
    by_red = sorted(PLAN, key=lambda load: load.red)
    for fewer, more in zip(by_red, by_red[1:], strict=False):
        assert counts[more.number] >= counts[fewer.number], (more, fewer, counts)
    assert counts[4] > counts[1]  # the spare places go somewhere: the most Red priority


def test_with_no_red_or_overdue_it_is_a_fair_rotation() -> None:
    even = [PriorityLoad(n) for n in range(1, 11)]
    counts = Counter(p for m in schedule(even, weeks=30) for p in m.priorities)
    assert max(counts.values()) - min(counts.values()) <= 1


def test_the_schedule_is_deterministic_and_explained() -> None:
    first, second = schedule(PLAN, weeks=12), schedule(PLAN, weeks=12)
    assert first == second
    assert first[0].picks[0].reason == "9 Red and 4 overdue actions; not discussed yet"
    due = [pick.reason for m in first for pick in m.picks if pick.reason.startswith("due")]
    assert due and all("no priority waits more than 6 weeks" in reason for reason in due)
    assert "due: not discussed yet" in due[0] or "due: last discussed 6 weeks ago" in due[0]


def test_priorities_discussed_before_the_schedule_are_not_due_at_once() -> None:
    last_seen = {n: -1 - (n % 5) for n in range(1, 11)}  # a round-robin that has been running
    meetings = schedule(PLAN, weeks=6, last_seen=last_seen)
    first_seen = {p: m.week for m in reversed(meetings) for p in m.priorities}
    assert all(first_seen[n] <= last_seen[n] + 6 for n in range(1, 11))


def test_a_gap_too_short_for_the_priorities_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot all be seen every 4 weeks"):
        schedule(PLAN, weeks=4, max_gap=4)


def test_feasibility_counts_this_weeks_places_left() -> None:
    assert feasible([0, 3], now=0, per_meeting=2, places_left_now=1)
    assert not feasible([0, 0], now=0, per_meeting=2, places_left_now=1)
    assert not feasible([1, 1, 1], now=0, per_meeting=2, places_left_now=0)


def test_a_board_catching_up_takes_the_longest_waiting_first() -> None:
    # the board has met on priorities 1 and 2 only; the rest have waited since its first meeting
    meetings = schedule(PLAN, weeks=6, last_seen={1: -1, 2: -1}, waiting_since=-8)
    first = meetings[0]
    assert all(reason.startswith("due: not discussed yet") for reason in (p.reason for p in first.picks))
    seen = {p for m in meetings for p in m.priorities}
    assert seen >= {3, 4, 5, 6, 7, 8, 9, 10}


def test_four_priorities_over_six_weeks_worked_by_hand() -> None:
    """Four priorities, two a meeting, none waiting more than 3 weeks; priority 2 has 3 Red actions
    (weight 4), priority 4 one overdue action (weight 2), priorities 1 and 3 none (weight 1). Each was
    last seen "week -1". Worked by hand, week by week: a priority's need is its weight times the weeks
    since it was seen (ties: the longer waiting, then the lower number); the neediest are taken in turn
    unless taking one would leave a priority unable to be seen within 3 weeks of its last meeting
    (each must be seen by its last week + 3; with two places a week, no more priorities may fall due
    by week t than there are places from now to t).

    week 0: need 2:4, 4:2, 1:1, 3:1 -> 2 and 4 (1 and 3, due by week 2, still fit in weeks 1 and 2)
    week 1: need 2:4, 1:2, 3:2, 4:2 (1 and 3 seen at -1, so before 4) -> 2 and 1
    week 2: need 4:4 (seen at 0), 2:4 (seen at 1), 3:3, 1:1 -> 4; then 2 would leave 3, due by week 2
            (seen at -1), with no place this week, so 2 is passed over -> 3, which is due
    week 3: need 2:8, 1:2 (seen at 1), 4:2 (seen at 2), 3:1 -> 2 and 1
    week 4: need 4:4 (seen at 2), 2:4 (seen at 3), 3:2, 1:1 -> 4 and 2 (3 is due by week 5, 1 by 6)
    week 5: need 2:4, 3:3, 1:2, 4:2 -> 2, then 3, due this week (seen at 2)
    """
    loads = [PriorityLoad(1), PriorityLoad(2, red=3), PriorityLoad(3), PriorityLoad(4, overdue=1)]

    meetings = schedule(loads, weeks=6, max_gap=3)

    assert [m.priorities for m in meetings] == [(2, 4), (2, 1), (4, 3), (2, 1), (4, 2), (2, 3)]
    assert [[pick.reason for pick in m.picks] for m in meetings] == [
        ["3 Red and 0 overdue actions; not discussed yet", "0 Red and 1 overdue action; not discussed yet"],
        [
            "3 Red and 0 overdue actions; last discussed 1 week ago",
            "0 Red and 0 overdue actions; not discussed yet",
        ],
        [
            "0 Red and 1 overdue action; last discussed 2 weeks ago",
            "due: not discussed yet, and no priority waits more than 3 weeks",
        ],
        [
            "3 Red and 0 overdue actions; last discussed 2 weeks ago",
            "0 Red and 0 overdue actions; last discussed 2 weeks ago",
        ],
        [
            "0 Red and 1 overdue action; last discussed 2 weeks ago",
            "3 Red and 0 overdue actions; last discussed 1 week ago",
        ],
        [
            "3 Red and 0 overdue actions; last discussed 1 week ago",
            "due: last discussed 3 weeks ago, and no priority waits more than 3 weeks",
        ],
    ]
