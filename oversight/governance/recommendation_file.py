"""Reads a file of Ofsted's recommendations: number, recommendation, and where the council keeps them,
pillars, theme, the plan actions that answer each, and the latest update and impact."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from oversight.governance.models import Recommendation
from oversight.governance.pillars import Pillar, PillarError, parse_pillars
from oversight.lib.lengths import LONG_TEXT, limit_of
from oversight.lib.problems import ImportFailed, Problem
from oversight.lib.spreadsheets import Column, Located, cell_text, locate, read_sheets
from oversight.plans.action_ids import split_action_ids
from oversight.plans.reading_limits import reading_limits


class HeaderStarting(Column):
    """A column whose header begins with a phrase and may go on with a date: 'Update at 31.12.2017'."""

    def matches(self, header: object) -> bool:
        text = re.sub(r"[^a-z0-9]", "", cell_text(header).lower())
        return any(text.startswith(re.sub(r"[^a-z0-9]", "", a.lower())) for a in (self.label, *self.aliases))


RECOMMENDATION_COLUMNS = (
    Column(
        "number", "No", ("No:", "Number", "Recommendation No", "Ofsted Recommendation No", "Rec No", "Ref")
    ),
    Column(
        "text", "Recommendation", ("Ofsted Recommendation", "Recommendation detail", "Area for improvement")
    ),
    Column("pillars", "Putting Children First Pillars", ("Pillars", "Pillar", "PCF Pillars"), required=False),
    Column("theme", "Theme", ("Themes", "Improvement theme"), required=False),
    Column(
        "actions",
        "Actions",
        ("Action", "Action ID", "Action IDs", "Plan actions", "G2G Action"),
        required=False,
    ),
    HeaderStarting("update", "Update at", ("Update as at", "Progress update", "Progress at"), required=False),
    Column(
        "impact", "Impact / Performance", ("Impact", "Impact and performance", "Performance"), required=False
    ),
)
_HEADER_DATE = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\s*$")


@dataclass(frozen=True)
class RecommendationRow:
    row: int
    number: int
    text: str
    theme: str
    pillars: tuple[Pillar, ...]
    action_ids: tuple[str, ...]
    progress: str
    impact: str


@dataclass
class RecommendationFile:
    file: str
    sheet: str
    recommendations: list[RecommendationRow]
    update_as_at: date | None  # from a header such as 'Update at 31.12.2017'
    column_of_actions: str


def header_date(header: object) -> date | None:
    found = _HEADER_DATE.search(cell_text(header))
    if not found:
        return None
    day, month, year = (int(part) for part in found.groups())
    try:
        return date(year + 2000 if year < 100 else year, month, day)
    except ValueError:
        return None


Check = Callable[[RecommendationFile], list[Problem]]


def read_recommendation_file(
    path: Path, sheet: str | None = None, check: Check | None = None
) -> RecommendationFile:
    """Every recommendation in the file, or ImportFailed listing every problem at once: those of its
    rows, and those `check` finds in what they refer to (the plan's actions)."""
    located = locate(read_sheets(path, reading_limits(), sheet), RECOMMENDATION_COLUMNS)
    problems: list[Problem] = []
    rows: list[RecommendationRow] = []
    seen: dict[int, int] = {}
    for number, cells in located.data_rows():
        row = _row(located, number, cells, problems)
        if row is None:
            continue
        if row.number in seen:
            problems.append(
                located.sheet.problem(
                    f"recommendation {row.number} appears twice (first on row {seen[row.number]})",
                    number,
                    located.column_name("number"),
                )
            )
            continue
        seen[row.number] = number
        rows.append(row)
    if not rows and not problems:
        problems.append(
            located.sheet.problem("there are no recommendations under the header", located.header_row)
        )
    update_as_at = (
        header_date(located.header[located.positions["update"]]) if "update" in located.positions else None
    )
    actions_column = located.column_name("actions") if "actions" in located.positions else ""
    found = RecommendationFile(located.sheet.file, located.sheet.name, rows, update_as_at, actions_column)
    if check is not None:
        problems += check(found)
    if problems:
        raise ImportFailed(sorted(problems, key=lambda p: p.row or 0))
    return found


def _row(
    located: Located, number: int, cells: tuple[object, ...], problems: list[Problem]
) -> RecommendationRow | None:
    limits = {
        "theme": limit_of(Recommendation, "theme"),
        "text": LONG_TEXT,
        "update": LONG_TEXT,
        "impact": LONG_TEXT,
    }
    if too_long := located.too_long(number, cells, limits):
        problems += too_long
        return None
    raw = cell_text(located.value(cells, "number")).rstrip(".")
    text = cell_text(located.value(cells, "text"))
    if not raw.isdigit():
        problems.append(
            located.sheet.problem(
                f"'{raw}' is not a recommendation number: expected a whole number such as 7",
                number,
                located.column_name("number"),
            )
        )
        return None
    if not text:
        problems.append(
            located.sheet.problem("expected the recommendation's text", number, located.column_name("text"))
        )
        return None
    try:
        pillars = tuple(parse_pillars(cell_text(located.value(cells, "pillars"))))
    except PillarError as error:
        problems.append(located.sheet.problem(str(error), number, located.column_name("pillars")))
        return None
    return RecommendationRow(
        row=number,
        number=int(raw),
        text=text,
        theme=cell_text(located.value(cells, "theme")),
        pillars=pillars,
        action_ids=split_action_ids(cell_text(located.value(cells, "actions"))),
        progress=cell_text(located.value(cells, "update")),
        impact=cell_text(located.value(cells, "impact")),
    )
