"""Reads the workforce returns an HR system exports (CSV or XLSX): the teams' monthly return, a row a
team's month, and the staff records, a row a worker's month. Every problem is found before any is
reported, with its row and column; a figure that cannot be read is never taken as 0, and a team the plan
does not have is named, never added. Pure."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

from oversight.lib.lengths import too_long
from oversight.lib.months import last_day, month_name, month_of
from oversight.lib.problems import ImportFailed, Problem
from oversight.lib.spreadsheets import Column, Located, cell_text, locate, read_sheets
from oversight.plans.cell_dates import cell_day
from oversight.plans.reading_limits import reading_limits

MONTH = Column("month", "Month", ("Return month", "Period", "Month ending"))
TEAM = Column("team", "Team", ("Team name",))
TEAM_RETURN_COLUMNS = (
    MONTH,
    TEAM,
    Column("funded", "Funded posts FTE", ("Funded FTE", "Establishment FTE", "Funded posts")),
    Column("permanent", "Permanent staff FTE", ("Permanent FTE", "Filled by permanent staff")),
    Column("agency", "Agency staff FTE", ("Agency FTE", "Filled by agency staff")),
    Column("vacancies", "Vacancies FTE", ("Vacant FTE", "Vacancies", "Vacant posts FTE")),
    Column("starters", "Starters", ("New starters",)),
    Column("leavers", "Leavers", ()),
    Column("sickness_days", "Sickness days", ("Days lost to sickness", "Sickness absence days")),
    Column("offers_made", "Offers made", ("Job offers made",)),
    Column("offers_accepted", "Offers accepted", ("Job offers accepted",)),
)
STAFF_COLUMNS = (
    MONTH,
    Column("staff_id", "Staff ID", ("Employee ID", "Employee number", "Staff number")),
    TEAM,
    Column("supervised", "Last supervision", ("Last supervision date", "Supervision date"), required=False),
    Column("caseload", "Caseload", ("Cases", "Cases held"), required=False),
    Column("courses", "Courses completed", ("Training", "Training completed", "Courses"), required=False),
)
FTES = ("funded", "permanent", "agency", "vacancies")
COUNTS = ("starters", "leavers", "offers_made", "offers_accepted")
STAFF_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9/_.-]{0,49}")
LARGEST_FTE = Decimal(10_000)
LARGEST_COUNT = 100_000
COURSE_LIMIT = 200


@dataclass(frozen=True)
class TeamReturnRow:
    row: int
    month: date
    team: str  # as the plan names it
    funded: Decimal
    permanent: Decimal
    agency: Decimal
    vacancies: Decimal
    starters: int
    leavers: int
    sickness_days: Decimal
    offers_made: int
    offers_accepted: int


@dataclass(frozen=True)
class StaffRow:
    row: int
    month: date
    staff_id: str
    team: str  # as the plan names it
    supervised: date | None
    caseload: int | None
    courses: tuple[str, ...]


@dataclass
class ReturnFile:
    file: str
    sheet: str
    teams: list[TeamReturnRow] = field(default_factory=list)
    staff: list[StaffRow] = field(default_factory=list)

    @property
    def months(self) -> list[date]:
        return sorted({r.month for r in self.teams} | {r.month for r in self.staff})


Report = Callable[[str, str], None]  # (message, column key)


def read_team_returns(path: Path, teams: Collection[str], sheet: str | None = None) -> ReturnFile:
    """Every team's month, or ImportFailed naming every problem. `teams`: the plan's team names."""
    found, rows = _read(
        path, teams, sheet, TEAM_RETURN_COLUMNS, _team_return, lambda r: (r.team, r.month),
        lambda r, first: (
            f"{r.team} has a return for {month_name(r.month)} twice (first on row {first})", "team"
        ),
    )  # fmt: skip
    found.teams = rows
    return found


def read_staff_records(path: Path, teams: Collection[str], sheet: str | None = None) -> ReturnFile:
    """Every worker's month, or ImportFailed naming every problem."""
    found, rows = _read(
        path, teams, sheet, STAFF_COLUMNS, _staff_row, lambda r: (r.staff_id.casefold(), r.month),
        lambda r, first: (
            f"{r.staff_id} is listed twice for {month_name(r.month)} (first on row {first})", "staff_id"
        ),
    )  # fmt: skip
    found.staff = rows
    return found


Row = TypeVar("Row", TeamReturnRow, StaffRow)


def _read(
    path: Path,
    teams: Collection[str],
    sheet: str | None,
    columns: tuple[Column, ...],
    read_row: Callable[[Located, int, tuple[object, ...], dict[str, str], Report], Row | None],
    key_of: Callable[[Row], tuple[str, date]],
    twice: Callable[[Row, int], tuple[str, str]],
) -> tuple[ReturnFile, list[Row]]:
    """The sheet's rows as `read_row` reads them, a row with the `key_of` of one before it refused as
    `twice` says; or ImportFailed naming every problem with its row and column."""
    located = locate(read_sheets(path, reading_limits(), sheet), columns)
    known = {name.casefold(): name for name in teams}
    problems: list[Problem] = []
    rows: list[Row] = []
    seen: dict[tuple[str, date], int] = {}
    for number, cells in located.data_rows():
        report = _reporter(located, number, problems)
        row = read_row(located, number, cells, known, report)
        if row is None:
            continue
        key = key_of(row)
        if key in seen:
            report(*twice(row, seen[key]))
            continue
        seen[key] = number
        rows.append(row)
    if not rows and not problems:
        problems.append(located.sheet.problem("there is nothing under the header", located.header_row))
    if problems:
        raise ImportFailed(sorted(problems, key=lambda p: (p.row or 0, p.column)))
    return ReturnFile(located.sheet.file, located.sheet.name), rows


def _reporter(located: Located, number: int, problems: list[Problem]) -> Report:
    def report(message: str, key: str) -> None:
        problems.append(located.sheet.problem(message, number, located.column_name(key)))

    return report


def _month(located: Located, cells: tuple[object, ...], report: Report) -> date | None:
    cell = located.value(cells, "month")
    day = cell_day(cell)
    if day is None:
        report(
            f"'{cell_text(cell)}' is not a month: expected one such as 2026-11, Nov 2026 or a date", "month"
        )
        return None
    return month_of(day)


def _team(located: Located, cells: tuple[object, ...], known: dict[str, str], report: Report) -> str | None:
    text = " ".join(cell_text(located.value(cells, "team")).split())
    if not text:
        report("expected the team's name", "team")
        return None
    name = known.get(text.casefold())
    if name is None:
        report(f"there is no team '{text}' in this plan: add it on the Workforce teams page first", "team")
    return name


def _team_return(
    located: Located, number: int, cells: tuple[object, ...], known: dict[str, str], report: Report
) -> TeamReturnRow | None:
    month, team = _month(located, cells, report), _team(located, cells, known, report)
    ftes = {key: _number(located.value(cells, key), key, report, places=2) for key in FTES}
    counts = {key: _count(located.value(cells, key), key, report) for key in COUNTS}
    sickness = _number(located.value(cells, "sickness_days"), "sickness_days", report, places=1)
    if month is None or team is None or sickness is None or None in ftes.values() or None in counts.values():
        return None
    row = TeamReturnRow(number, month, team, sickness_days=sickness, **ftes, **counts)  # type: ignore[arg-type]
    for key, message in return_problems(asdict(row)):
        report(message, key)
    return row


def return_problems(row: Mapping[str, Any]) -> list[tuple[str, str]]:
    """What cannot be so in one team's month, by the field it is found in; a check whose figures are
    not all there (a form with one of them wrong) is left to those figures' own problems. The file and
    the form on the site both check a return this way."""
    found = []

    def has(*keys: str) -> bool:
        return all(row.get(key) is not None for key in keys)

    if has("vacancies", "funded") and row["vacancies"] > row["funded"]:
        found.append(
            ("vacancies", f"{row['vacancies']} vacancies is more than the {row['funded']} funded posts")
        )
    if has("leavers", "permanent", "agency") and row["leavers"] > row["permanent"] + row["agency"]:
        found.append(
            (
                "leavers",
                f"{row['leavers']} leavers is more than the team's {row['permanent'] + row['agency']} staff "
                "(permanent and agency FTE)",
            )
        )
    if has("offers_accepted", "offers_made") and row["offers_accepted"] > row["offers_made"]:
        found.append(
            (
                "offers_accepted",
                f"{row['offers_accepted']} offers accepted is more than the {row['offers_made']} made",
            )
        )
    return found


def _staff_row(
    located: Located, number: int, cells: tuple[object, ...], known: dict[str, str], report: Report
) -> StaffRow | None:
    month, team = _month(located, cells, report), _team(located, cells, known, report)
    staff_id = cell_text(located.value(cells, "staff_id"))
    if not STAFF_ID.fullmatch(staff_id):
        report(
            f"'{staff_id[:60]}' is not a staff ID: expected the HR system's number, such as E10234 "
            "(never a name)"
            if staff_id
            else "expected the worker's staff ID",
            "staff_id",
        )
    supervised = None
    supervision_cell = located.value(cells, "supervised")
    if cell_text(supervision_cell):
        supervised = cell_day(supervision_cell)
        if supervised is None or re.fullmatch(r"[A-Za-z]+ \d{4}|\d{4}-\d{2}", cell_text(supervision_cell)):
            report(
                f"'{cell_text(supervision_cell)}' is not a date: "
                "expected one such as 2026-11-18 or 18/11/2026",
                "supervised",
            )
            supervised = None
        elif month is not None and supervised > last_day(month):
            report(
                f"supervision on {supervised:%d/%m/%Y} is after the end of {month_name(month)}", "supervised"
            )
            supervised = None
    caseload = None
    if cell_text(located.value(cells, "caseload")):
        caseload = _count(located.value(cells, "caseload"), "caseload", report)
    courses = tuple(
        c for c in (" ".join(p.split()) for p in cell_text(located.value(cells, "courses")).split(";")) if c
    )
    for course in courses:
        if len(course) > COURSE_LIMIT:
            report(too_long("A course's name", COURSE_LIMIT), "courses")
    if month is None or team is None or not STAFF_ID.fullmatch(staff_id):
        return None
    return StaffRow(number, month, staff_id, team, supervised, caseload, courses)


def _number(value: object, key: str, report: Report, places: int) -> Decimal | None:
    """A number of posts or days, 0 or more, to `places` decimal places: '12.5', 12.5."""
    if isinstance(value, float):
        value = round(value, 9)  # a spreadsheet's 0.30000000000000004 is the 0.3 it shows
    text = cell_text(value)
    try:
        number = Decimal(text.replace(",", "")) if text else None
    except InvalidOperation:
        number = None
    if (
        number is None
        or not number.is_finite()
        or number < 0
        or number >= LARGEST_FTE * 10
        or (key in FTES and number >= LARGEST_FTE)
        or number.as_tuple().exponent < -places  # type: ignore[operator]
    ):
        what = "a number of days" if key == "sickness_days" else "a full-time equivalent"
        example = "12.5" if places == 1 else "12.5 or 0.81"
        report(
            f"'{text}' is not {what}: expected a number of 0 or more such as {example}"
            if text
            else f"expected {what} (0 when there are none)",
            key,
        )
        return None
    return number


def _count(value: object, key: str, report: Report) -> int | None:
    text = cell_text(value).replace(",", "")
    if not re.fullmatch(r"\d+", text) or int(text) >= LARGEST_COUNT:
        report(
            f"'{text}' is not a whole number of {'cases' if key == 'caseload' else 'people'}: "
            "expected 0 or more, such as 3"
            if text
            else "expected a whole number (0 when there are none)",
            key,
        )
        return None
    return int(text)
