"""The demo's made-up history follows each action's timescale."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.management import call_command

from oversight.accounts.models import Membership
from oversight.plans.demo_history import DemoAction, month_ends, shifted_timescale, statuses
from oversight.plans.models import Plan, StatusRecord


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


@pytest.mark.django_db
def test_seed_demo_loads_a_council_with_twelve_months_and_a_person_per_role(private_files) -> None:
    call_command("seed_demo", today=date(2026, 11, 24), stdout=io.StringIO())
    demo = Plan.objects.get(slug="demo")
    assert demo.started == date(2025, 12, 1)
    months = StatusRecord.objects.filter(action__plan=demo).values_list("month", flat=True).distinct()
    assert len(set(months)) == 12
    assert sorted(Membership.objects.filter(plan=demo).values_list("user__username", "role")) == [
        ("admin", "administrator"),
        ("analyst", "analyst"),
        ("board", "board"),
        ("lead", "lead"),
        ("officer", "officer"),
        ("viewer", "viewer"),
    ]
    november = StatusRecord.objects.filter(action__plan=demo, month=date(2026, 11, 1)).count()
    assert 0 < november < demo.actions.count()  # this month's returns are still coming in
    assert Plan.objects.filter(slug="bromley-2017").exists()
    from oversight.governance.models import Board

    board = Board.objects.get(plan=demo)
    assert board.meetings.count() == 3 and all(m.priorities.count() == 2 for m in board.meetings.all())


@pytest.mark.django_db
def test_the_demo_scorecard_has_twelve_months_of_values_ending_last_month(private_files, client) -> None:
    call_command("seed_demo", today=date(2027, 3, 5), stdout=io.StringIO())
    from oversight.performance.models import Indicator, IndicatorValue

    demo = Plan.objects.get(slug="demo")
    indicators = Indicator.objects.filter(plan=demo)
    assert indicators.count() >= 20 and len({i.service_area for i in indicators}) >= 4
    months = sorted(set(IndicatorValue.objects.filter(indicator__plan=demo).values_list("period", flat=True)))
    assert (months[0], months[-1], len(months)) == (date(2026, 3, 1), date(2027, 2, 1), 12)
    assert all(i.values.count() == 12 for i in indicators)
    icpcs = indicators.get(name="ICPCs within 15 working days")
    assert (icpcs.values.get(period=date(2027, 2, 1)).value, icpcs.target) == (86, 90)
    assert list(
        indicators.get(name="Return interviews within 72 hours").actions.values_list("action_id", flat=True)
    ) == ["8.3.4"]
    client.force_login(demo.memberships.get(user__username="viewer").user)
    page = client.get("/plans/demo/scorecard/?month=2027-02").content.decode()
    assert "86%" in page and "No data" not in page
