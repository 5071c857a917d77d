"""An Annex A figure by team: each team rated against the target, the chart's bars and the summary."""

from __future__ import annotations

from decimal import Decimal as D

from oversight.annex_a.measures import Breakdown
from oversight.performance.annex_a_breakdown import LABEL_WIDTH, PLOT_WIDTH, team_breakdown
from oversight.performance.scorecard import Polarity, Target

TEAMS = [
    Breakdown("Assessment Team 1", 9, 10),
    Breakdown("Assessment Team 2", 8, 10),
    Breakdown("Court", 1, 4),
]


def test_each_team_is_rated_against_the_target_with_its_tolerance() -> None:
    breakdown = team_breakdown(TEAMS, Target(D(90), Polarity.HIGHER, D(10)))
    assert [(t.name, t.percent, t.rag) for t in breakdown.teams] == [
        ("Assessment Team 1", 90, "G"),
        ("Assessment Team 2", 80, "A"),  # 10 points short: within the tolerance
        ("Court", 25, "R"),
    ]
    assert breakdown.summary == (
        "3 teams. Highest: Assessment Team 1 (90%); lowest: Court (25%)."
        " Against the target of 90%: 1 Green, 1 Amber, 1 Red."
    )


def test_lower_is_better_turns_the_rating_round() -> None:
    breakdown = team_breakdown(TEAMS, Target(D(30), Polarity.LOWER))
    assert [t.rag for t in breakdown.teams] == ["R", "R", "G"]


def test_the_bars_are_as_long_as_the_percentage_and_the_target_is_a_line() -> None:
    breakdown = team_breakdown(TEAMS, Target(D(90), Polarity.HIGHER))
    assert [t.width for t in breakdown.teams] == [PLOT_WIDTH * 0.9, PLOT_WIDTH * 0.8, PLOT_WIDTH * 0.25]
    assert [t.y for t in breakdown.teams] == [24, 56, 88]
    assert breakdown.target_x == LABEL_WIDTH + PLOT_WIDTH * 0.9
    assert breakdown.height == 24 + 3 * 32


def test_a_long_team_name_is_shortened_on_the_chart_only() -> None:
    [team] = team_breakdown([Breakdown("Children with Disabilities Team North", 1, 2)], None).teams
    assert (team.name, team.label) == ("Children with Disabilities Team North", "Children with Disabilit…")


def test_without_a_target_no_team_is_rated() -> None:
    breakdown = team_breakdown(TEAMS, None)
    assert {t.rag for t in breakdown.teams} == {"none"} and breakdown.target_x is None
    assert breakdown.summary.endswith("The indicator has no target, so the teams are not rated.")
    assert team_breakdown([], None).summary == "No team has a record in scope."


def test_a_figure_that_the_target_mark_would_cross_moves_past_it() -> None:
    breakdown = team_breakdown(TEAMS, Target(D(90), Polarity.HIGHER))
    at_target, short_of_it, far_below = breakdown.teams
    mark = breakdown.target_x
    assert at_target.value_x == mark + 8  # its bar ends on the mark
    assert short_of_it.value_x == mark + 8  # its figure would have been written across the mark
    assert far_below.value_x == LABEL_WIDTH + far_below.width + 6  # clear of it
