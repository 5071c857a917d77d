"""The caseload page's chart and summary: each team's average against the top of its band."""

from __future__ import annotations

from oversight.annex_a.bands import Band
from oversight.annex_a.caseloads import TeamLoad, WorkerLoad, team_loads
from oversight.performance.caseload_chart import LABEL_WIDTH, caseload_chart, caseload_summary, team_state

SAFEGUARDING = Band("Safeguarding", 12, 15)
COURT = Band("Court", 8, 10)


def _workers(team: str, band: Band | None, *cases: int) -> list[WorkerLoad]:
    return [WorkerLoad(team, f"{team} worker {i}", n, band) for i, n in enumerate(cases)]


def _teams(workers: list[WorkerLoad]) -> list[TeamLoad]:
    return team_loads(workers)


def test_the_summary_counts_teams_and_workers_above_their_band() -> None:
    workers = [
        *_workers("Safeguarding 1", SAFEGUARDING, 16, 17, 12),
        *_workers("Safeguarding 2", SAFEGUARDING, 13),
        *_workers("Court team", COURT, 11),
        *_workers("Pod 4", None, 30),
    ]
    assert caseload_summary(_teams(workers), workers) == (
        "2 of 4 teams have workers above their band; 3 workers in all."
        " 1 team has no band: the policy has none for their type, or their name does not tell it."
    )


def test_the_summary_of_one_team_above_and_of_none() -> None:
    one = _workers("Safeguarding 1", SAFEGUARDING, 16) + _workers("Court team", COURT, 9)
    assert caseload_summary(_teams(one), one) == "1 of 2 teams has workers above their band; 1 worker in all."
    none = _workers("Safeguarding 1", SAFEGUARDING, 15)
    assert caseload_summary(_teams(none), none) == "No team has workers above their band (1 team in all)."
    assert caseload_summary([], []) == "The extract has no open cases in lists 6 to 9."


def test_a_team_is_red_with_a_worker_above_its_band_green_within_and_grey_without_a_band() -> None:
    workers = [
        *_workers("A", SAFEGUARDING, 16, 2),  # average 9, but one worker above the band
        *_workers("B", SAFEGUARDING, 15),
        *_workers("C", None, 40),
    ]
    assert [team_state(t) for t in _teams(workers)] == ["R", "G", "W"]


def test_bars_and_band_marks_share_one_scale() -> None:
    workers = [*_workers("Court team", COURT, 10, 10), *_workers("Safeguarding 1", SAFEGUARDING, 20)]
    chart = caseload_chart(_teams(workers))
    court, safeguarding = chart.bars
    assert safeguarding.width > court.width  # average 20 against 10
    assert court.band_x is not None and safeguarding.band_x is not None
    assert court.band_x == LABEL_WIDTH + court.width  # an average of 10 reaches its band's top, 10
    assert safeguarding.band_x < LABEL_WIDTH + safeguarding.width  # 20 passes 15
    assert LABEL_WIDTH + safeguarding.width <= chart.width
    assert (court.average, safeguarding.average) == ("10.0", "20.0")
    assert court.y < safeguarding.y and chart.height > safeguarding.y + 22
    assert court.value_x == court.band_x + 8  # its figure is not drawn over the mark
    assert safeguarding.value_x == LABEL_WIDTH + safeguarding.width + 6


def test_a_figure_goes_after_its_bar_when_the_band_mark_is_far_beyond() -> None:
    workers = _workers("IRO service", Band("Independent reviewing officers", None, 60), 20)
    [bar] = caseload_chart(_teams(workers)).bars
    assert bar.band_x is not None and bar.value_x == LABEL_WIDTH + bar.width + 6 < bar.band_x


def test_a_team_without_a_band_has_no_mark_and_long_names_are_cut() -> None:
    workers = _workers("Children's Disability and Short Breaks Service", None, 5)
    [bar] = caseload_chart(_teams(workers)).bars
    assert bar.band_x is None and bar.state == "W"
    assert bar.label.endswith("…") and len(bar.label) <= 30


def test_the_chart_writes_each_average_as_the_table_does() -> None:
    teams = _teams(_workers("Safeguarding 1", SAFEGUARDING, 16, 16, 16, 17))  # 65 cases, 4 workers
    (bar,) = caseload_chart(teams).bars
    assert bar.average == str(teams[0].average_shown) == "16.3"  # a float would round 16.25 to 16.2
