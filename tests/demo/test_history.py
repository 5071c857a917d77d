"""The demo's made-up history follows each action's timescale."""

from __future__ import annotations

from datetime import date

from oversight.demo.history import DemoAction, month_ends, shifted_timescale, statuses


def test_timescales_move_by_whole_months_and_keep_their_shape() -> None:
    assert shifted_timescale("Nov 16", 121) == "Dec 26"
    assert shifted_timescale("Aug - Oct 16", 12) == "Aug 17 - Oct 17"
    assert shifted_timescale("Q3 2016/17", 1) == "Nov 16 - Jan 17"


def test_returns_are_at_each_month_end_and_today() -> None:
    assert month_ends(date(2026, 9, 1), date(2026, 11, 24)) == [
        date(2026, 9, 30),
        date(2026, 10, 31),
        date(2026, 11, 24),
    ]


def test_an_action_is_white_before_its_window_amber_in_it_and_green_or_red_after() -> None:
    action = DemoAction("1.1", date(2026, 3, 1), date(2026, 5, 1))
    rags = [statuses([action], as_at)[0].rag for as_at in month_ends(date(2026, 1, 1), date(2026, 12, 31))]
    assert rags[:5] == ["W", "W", "A", "A", "A"]
    assert set(rags[5:]) <= {"G", "R"}
    assert rags[5:] == sorted(rags[5:], key="RG".index)  # once Green, it stays Green


def test_red_and_amber_always_have_commentary() -> None:
    actions = [DemoAction(f"1.{i}", date(2026, 1, 1), date(2026, 2, 1)) for i in range(50)]
    for as_at in (date(2026, 2, 28), date(2026, 6, 30)):
        assert all(s.commentary for s in statuses(actions, as_at) if s.rag in "RA")
