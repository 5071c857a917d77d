"""The caseload page's chart and summary: each team's average caseload against its band's top,
drawn as SVG by the template beside a table of the same figures."""

from __future__ import annotations

from dataclasses import dataclass

from oversight.annex_a.caseloads import TeamLoad, WorkerLoad

CHART_WIDTH = 640
LABEL_WIDTH = 230
LABEL_CHARACTERS = 30
VALUE_ROOM = 50
BAR_HEIGHT = 22
BAR_GAP = 10


@dataclass(frozen=True)
class TeamBar:
    label: str
    y: int
    text_y: int
    width: float
    average: str
    band_x: float | None  # where the band's top is, for a team with a band
    value_x: float
    state: str  # R: workers above the band, G: none, W: no band

    @property
    def band_top(self) -> int:
        return self.y - 3

    @property
    def band_bottom(self) -> int:
        return self.y + BAR_HEIGHT + 3


@dataclass(frozen=True)
class CaseloadChart:
    width: int
    height: int
    left: int  # where the bars start, after the teams' names
    bars: list[TeamBar]


def team_state(team: TeamLoad) -> str:
    if team.band is None:
        return "W"
    return "R" if team.above_band else "G"


def _label(team: str) -> str:
    return team if len(team) <= LABEL_CHARACTERS else team[: LABEL_CHARACTERS - 1].rstrip() + "…"


def _value_x(bar_end: float, band_x: float | None) -> float:
    """The figure goes just after its bar, or after the band's mark when that is in the way."""
    if band_x is not None and bar_end - 2 <= band_x < bar_end + VALUE_ROOM - 8:
        return band_x + 8
    return bar_end + 6


def caseload_chart(teams: list[TeamLoad]) -> CaseloadChart:
    """One bar per team, as long as its average open cases per worker, with a mark at the top of
    its band; both on one scale, so a bar that passes its mark is a team above its band on average."""
    top = max([t.average for t in teams] + [t.band.high for t in teams if t.band], default=0) or 1
    scale = (CHART_WIDTH - LABEL_WIDTH - VALUE_ROOM) / top
    bars = []
    for index, team in enumerate(teams):
        y = index * (BAR_HEIGHT + BAR_GAP) + 4
        width = team.average * scale
        band_x = LABEL_WIDTH + team.band.high * scale if team.band else None
        bars.append(
            TeamBar(
                _label(team.team),
                y,
                y + 16,
                width,
                f"{team.average_shown}",
                band_x,
                _value_x(LABEL_WIDTH + width, band_x),
                team_state(team),
            )
        )
    return CaseloadChart(CHART_WIDTH, max(len(bars), 1) * (BAR_HEIGHT + BAR_GAP) + 8, LABEL_WIDTH, bars)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def caseload_summary(teams: list[TeamLoad], workers: list[WorkerLoad]) -> str:
    """'4 of 12 teams have workers above their band; 9 workers in all.'"""
    if not teams:
        return "The extract has no open cases in lists 6 to 9."
    above_teams = sum(1 for t in teams if t.above_band)
    above_workers = sum(1 for w in workers if w.above_band)
    if above_teams:
        has = "has" if above_teams == 1 else "have"
        text = (
            f"{above_teams} of {_count(len(teams), 'team', 'teams')} {has} workers above their band; "
            f"{_count(above_workers, 'worker', 'workers')} in all."
        )
    else:
        text = f"No team has workers above their band ({_count(len(teams), 'team', 'teams')} in all)."
    unallocated = sum(t.unallocated for t in teams)
    if unallocated:
        text += f" {_count(unallocated, 'open case has', 'open cases have')} no allocated worker."
    unbanded = sum(1 for t in teams if t.band is None)
    if unbanded:
        text += (
            f" {_count(unbanded, 'team has', 'teams have')} no band: the policy has none for"
            " their type, or their name does not tell it."
        )
    return text
