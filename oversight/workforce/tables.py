"""The workforce's figures laid out as tables, once, for the page, the Excel download and the board's
paper to show alike (lib/tables.py). Pure."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from oversight.lib.months import month_name
from oversight.lib.numbers import counted
from oversight.lib.tables import Cell, Figure, Percent, Table
from oversight.workforce.figures import GroupMonth, Rate, Supervision
from oversight.workforce.reading import Picture, TeamLine

NO_DATA = "no data"


def rate_cell(rate: Rate) -> Cell:
    value = rate.value
    if value is None:
        return NO_DATA
    return Percent(value) if rate.per == 100 else value


def fte(value: Decimal) -> Decimal:
    """12.50 as 12.5, 20.00 as 20."""
    return value.to_integral() if value == value.to_integral() else value.normalize()


def _name(line: TeamLine) -> str:
    return {"team": line.figures.name, "service": f"{line.service} (service)", "all": line.figures.name}[
        line.level
    ]


def summary_lines(picture: Picture) -> list[tuple[str, str]]:
    """All teams' month in words, as the page's summary and the paper's opening list give it."""
    f = picture.whole.figures
    turnover = str(f.turnover)
    if f.turnover.whole:
        leavers = counted(int(f.turnover.part), "leaver")
        turnover += f" ({leavers}; {f.turnover.whole:.1f} permanent staff on average, FTE)"
    if f.turnover_left_out:
        turnover += f". Left out, without twelve months of returns: {', '.join(f.turnover_left_out)}"
    lines = [
        ("Vacancy rate", f"{f.vacancy} ({fte(f.vacancies)} of {fte(f.funded)} funded posts, FTE)"),
        (
            "Agency rate",
            f"{f.agency_share} ({fte(f.agency)} of {fte(f.permanent + f.agency)} staff in post, FTE)",
        ),
        ("Turnover, 12 months", turnover),
        ("Sickness", f"{f.sickness} days lost a permanent post (FTE) in the month"),
        (
            "Recruitment",
            f"{counted(f.starters, 'starter')}, {counted(f.leavers, 'leaver')}; "
            f"{counted(f.offers_made, 'job offer')} made and {f.offers_accepted} accepted",
        ),
    ]
    if f.missing:
        lines.append(
            (
                "No return",
                f"{counted(len(f.missing), 'team')} sent no return for the month and "
                f"{'is' if len(f.missing) == 1 else 'are'} left out: {', '.join(f.missing)}",
            )
        )
    return lines


def team_table(picture: Picture) -> Table:
    """Each team's posts, staff and rates in the month, each service's and all teams' below them."""
    rows: list[list[Cell]] = []
    for line in picture.lines:
        f = line.figures
        if not f.teams:
            rows.append([_name(line), *[NO_DATA] * 11])
            continue
        rows.append(
            [
                _name(line), fte(f.funded), fte(f.permanent), fte(f.agency), fte(f.vacancies),
                rate_cell(f.vacancy), rate_cell(f.agency_share), rate_cell(f.turnover), rate_cell(f.sickness),
                f.starters, f.leavers, Figure(f"{f.offers_accepted} of {f.offers_made}"),
            ]
        )  # fmt: skip
    return Table(
        "Teams",
        f"Workforce by team, {month_name(picture.month)}",
        [
            "Team", "Funded posts (FTE)", "Permanent (FTE)", "Agency (FTE)", "Vacancies (FTE)",
            "Vacancy rate", "Agency rate", "Turnover, 12 months", "Sickness days per FTE", "Starters",
            "Leavers", "Offers accepted",
        ],
        rows[:-1],
        rows[-1],
    )  # fmt: skip


RATE_HEADERS = [
    "Month", "Vacancy rate", "Agency rate", "Turnover, 12 months", "Sickness days per FTE", "Teams counted"
]  # fmt: skip


def history_table(picture: Picture) -> Table:
    """All teams' (or a service's or team's) rates month by month."""
    return Table(
        "Trend",
        f"{picture.trend}: rates, {month_name(picture.months[0])} to {month_name(picture.month)}",
        RATE_HEADERS,
        [
            [
                month_name(f.month), rate_cell(f.vacancy), rate_cell(f.agency_share), rate_cell(f.turnover),
                rate_cell(f.sickness), f.teams,
            ]
            for f in picture.history
        ],
    )  # fmt: skip


def _bands(found: Supervision) -> list[Cell]:
    return [
        found.counted,
        rate_cell(found.share("within_4_weeks")),
        rate_cell(found.share("within_6_weeks")),
        rate_cell(found.share("overdue")),
        found.no_date,
    ]


BAND_HEADERS = [
    "Staff counted",
    "Within 4 weeks",
    "Within 6 weeks",
    "Overdue",
    "No supervision date (left out)",
]


def supervision_table(picture: Picture) -> Table:
    rows = [[_name(line), *_bands(line.supervision)] for line in picture.lines]
    return Table(
        "Supervision",
        f"Supervision by team, {month_name(picture.month)}: from the last supervision to the month's end",
        ["Team", *BAND_HEADERS],
        rows[:-1],
        rows[-1],
    )


def supervision_history_table(picture: Picture) -> Table:
    return Table(
        "Supervision trend",
        f"{picture.trend}: supervision month by month",
        ["Month", *BAND_HEADERS],
        [[month_name(month), *_bands(found)] for month, found in picture.supervision_history],
    )


def courses_table(picture: Picture) -> Table:
    return Table(
        "Training",
        f"Staff trained on the courses actions require, {month_name(picture.month)}",
        ["Course", "Required by actions", "Staff trained", "Staff in the records", "Share trained"],
        [
            [
                c.name,
                ", ".join(c.actions) or "none",
                int(c.trained.part),
                int(c.trained.whole),
                rate_cell(c.trained),
            ]
            for c in picture.courses
        ],
        wide={0},
    )


def caseloads_table(picture: Picture) -> Table:
    rows: list[list[Cell]] = []
    for found in picture.caseloads:
        c = found.caseloads
        rows.append(
            [
                found.team, found.source, Figure(c.policy) if c.policy else "-", c.workers, c.cases,
                rate_cell(c.average), c.highest if c.highest is not None else NO_DATA,
                c.over_policy if c.over_policy is not None else "-", c.left_out,
            ]
        )  # fmt: skip
    return Table(
        "Caseloads",
        f"Caseloads beside the council's policy, {month_name(picture.month)}",
        [
            "Team", "Counted from", "Policy", "Workers", "Cases", "Average a worker", "Highest",
            "Workers over policy", "Left out",
        ],
        rows,
    )  # fmt: skip


def every_trend_table(trends: Sequence[GroupMonth]) -> Table:
    """Each service's and team's rates month by month."""
    return Table(
        "Trend by team",
        "Each service's and team's rates month by month",
        ["Service or team", *RATE_HEADERS],
        [
            [
                f.name, month_name(f.month), rate_cell(f.vacancy), rate_cell(f.agency_share),
                rate_cell(f.turnover), rate_cell(f.sickness), f.teams,
            ]
            for f in trends
        ],
    )  # fmt: skip


def all_tables(picture: Picture) -> list[Table]:
    return [
        team_table(picture),
        history_table(picture),
        supervision_table(picture),
        supervision_history_table(picture),
        courses_table(picture),
        caseloads_table(picture),
    ]
