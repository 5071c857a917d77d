"""Reads an improvement plan file into checked rows: every problem found, or none at all."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from oversight.lib.lengths import LONG_TEXT, limit_of, too_long
from oversight.lib.problems import ImportFailed, Problem
from oversight.lib.spreadsheets import Column, Located, cell_text, locate, read_sheets
from oversight.plans.action_ids import address_problem, leading_number, looks_like_action_id
from oversight.plans.models import Action, Priority
from oversight.plans.reading_limits import reading_limits
from oversight.plans.timescales import Timescale, TimescaleError, parse_timescale

ACTION_ID = Column(
    "action_id",
    "Action ID",
    ("ID", "Ref", "No", "Action No", "Action Ref", "Action Number", "Reference", "Action Reference"),
)
PLAN_COLUMNS = (
    ACTION_ID,
    Column("key_action", "Key Action", ("Action", "Description", "Key Actions", "Actions")),
    Column(
        "timescale",
        "Timescale",
        (
            "Deadline",
            "Due",
            "Due date",
            "Target date",
            "Timescales",
            "Timeframe",
            "Completion date",
            "Target completion date",
            "By when",
        ),
    ),
    Column(
        "lead",
        "Lead",
        (
            "Lead Officer",
            "Lead Officers",
            "Owner",
            "Responsible",
            "Responsible Officer",
            "Leads",
            "Accountable Officer",
        ),
        required=False,
    ),
    Column(
        "agencies",
        "Agency Involvement",
        ("Agencies", "Partners", "Partner agencies", "Agency", "Agencies involved", "Other agencies"),
        required=False,
    ),
    Column("priority", "Priority", ("Priority Area",), required=False),
    Column(
        "recommendations",
        "Ofsted Recommendations",
        (
            "Recommendations",
            "Recommendation No",
            "Recommendation Nos",
            "Ofsted Recommendation No",
            "Rec No",
            "Recs",
        ),
        required=False,
    ),
)

_PRIORITY = re.compile(r"priority\s*(\d+)\s*(?:[-\u2010-\u2015:.]\s*(.*))?", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class PlanRow:
    """One action as the plan file gives it."""

    row: int
    action_id: str
    priority: int
    key_action: str
    lead: str
    agencies: str
    timescale_text: str
    timescale: Timescale
    recommendations: tuple[int, ...] = ()  # the numbers of Ofsted's recommendations it answers


@dataclass
class PlanFile:
    file: str
    sheet: str
    actions: list[PlanRow]
    priority_titles: dict[int, str] = field(default_factory=dict)
    headings_skipped: int = 0
    column_of_recommendations: str = ""  # set when the file has a column of recommendation numbers


def parse_priority(text: object) -> tuple[int, str] | None:
    """(5, 'Children Looked After') from 'Priority 5 - Children Looked After', or (5, '') from 5."""
    value = cell_text(text)
    if value.isdigit():
        return int(value), ""
    m = _PRIORITY.fullmatch(value)
    if not m:
        return None
    return int(m.group(1)), re.sub(r"\s+", " ", m.group(2) or "").strip()


def _limits() -> dict[str, int]:
    """The most characters each column's cells may hold (the Priority cell holds its title)."""
    return {
        "action_id": limit_of(Action, "action_id"),
        "key_action": LONG_TEXT,
        "lead": limit_of(Action, "lead"),
        "agencies": limit_of(Action, "agencies"),
        "timescale": limit_of(Action, "timescale"),
        "priority": limit_of(Priority, "title"),
    }


Check = Callable[["PlanFile"], list[Problem]]


def read_plan_file(path: Path, sheet: str | None = None, check: Check | None = None) -> PlanFile:
    """Every action in the file, or ImportFailed listing every problem at once: those of its rows, and
    those `check` finds in what they refer to (the Ofsted recommendations they answer)."""
    located = locate(read_sheets(path, reading_limits(), sheet), PLAN_COLUMNS)
    return _read_rows(located, check)


def _recommendation_numbers(
    located: Located, number: int, cells: tuple[object, ...], problems: list[Problem]
) -> tuple[int, ...]:
    text = cell_text(located.value(cells, "recommendations"))
    parts = [part for part in re.split(r"[\s,;/&]+|\band\b", text) if part]
    wrong = [part for part in parts if not part.isdigit()]
    if wrong:
        problems.append(
            located.sheet.problem(
                f"'{text}' is not a list of recommendation numbers: expected numbers such as '3, 7'",
                number,
                located.column_name("recommendations"),
            )
        )
        return ()
    return tuple(sorted({int(part) for part in parts}))


def _read_rows(located: Located, check: Check | None) -> PlanFile:
    sheet = located.sheet
    problems: list[Problem] = []
    result = PlanFile(sheet.file, sheet.name, [])
    seen: dict[str, int] = {}
    section: int | None = None
    limits = _limits()

    for number, cells in located.data_rows():
        filled = [cell_text(c) for c in cells if cell_text(c)]
        if len(filled) == 1 and not looks_like_action_id(filled[0]):
            heading = parse_priority(filled[0])
            if heading:
                section = heading[0]
                if len(heading[1]) > limits["priority"]:
                    problems.append(sheet.problem(too_long("A priority's title", limits["priority"]), number))
                elif heading[1]:
                    result.priority_titles[heading[0]] = heading[1]
            else:
                result.headings_skipped += 1
            continue
        action_id = cell_text(located.value(cells, "action_id"))
        if not action_id:
            problems.append(
                sheet.problem(
                    "expected an Action ID such as '5.8.3'", number, located.column_name("action_id")
                )
            )
            continue

        if action_id in seen:
            problems.append(
                sheet.problem(
                    f"Action ID {action_id} appears twice (first on row {seen[action_id]})",
                    number,
                    located.column_name("action_id"),
                )
            )
            continue
        seen[action_id] = number
        problems += located.too_long(number, cells, limits)
        if (unaddressable := address_problem(action_id)) is not None:
            problems.append(sheet.problem(unaddressable, number, located.column_name("action_id")))

        priority = _priority_of(located, cells, action_id, section, result, problems, number)
        key_action = cell_text(located.value(cells, "key_action"))
        if not key_action:
            problems.append(
                sheet.problem("expected the key action's text", number, located.column_name("key_action"))
            )
        raw_timescale = located.value(cells, "timescale")
        try:
            timescale = parse_timescale(raw_timescale if raw_timescale is not None else "")
        except TimescaleError as error:
            problems.append(sheet.problem(str(error), number, located.column_name("timescale")))
            continue
        if priority is None or not key_action:
            continue
        recommendations = _recommendation_numbers(located, number, cells, problems)
        result.actions.append(
            PlanRow(
                row=number,
                action_id=action_id,
                priority=priority,
                key_action=key_action,
                lead=cell_text(located.value(cells, "lead")),
                agencies=cell_text(located.value(cells, "agencies")),
                timescale_text=_timescale_text(raw_timescale),
                timescale=timescale,
                recommendations=recommendations,
            )
        )

    if not result.actions and not problems:
        problems.append(sheet.problem("there are no actions below the header row", located.header_row))
    if "recommendations" in located.positions:
        result.column_of_recommendations = located.column_name("recommendations")
    if check is not None:
        problems += check(result)
    if problems:
        raise ImportFailed(sorted(problems, key=lambda p: (p.file != sheet.file, p.file, p.row or 0)))
    return result


def _priority_of(
    located: Located,
    cells: tuple[object, ...],
    action_id: str,
    section: int | None,
    result: PlanFile,
    problems: list[Problem],
    number: int,
) -> int | None:
    """From the Priority column, else the section heading above, else the Action ID."""
    if "priority" in located.positions and cell_text(located.value(cells, "priority")):
        parsed = parse_priority(located.value(cells, "priority"))
        if parsed is None:
            problems.append(
                located.sheet.problem(
                    "expected a priority such as 'Priority 5 - Children Looked After' or 5",
                    number,
                    located.column_name("priority"),
                )
            )
            return None
        if parsed[1]:
            result.priority_titles.setdefault(parsed[0], parsed[1])
        return parsed[0]
    if section is not None:
        return section
    leading = leading_number(action_id)
    if leading is None:
        problems.append(
            located.sheet.problem(
                f"cannot tell the priority of {action_id}: add a Priority column or section rows",
                number,
                located.column_name("action_id"),
            )
        )
    return leading


def _timescale_text(raw: object) -> str:
    """The timescale as the plan writes it; a date cell is shown as the month it names."""
    if hasattr(raw, "strftime"):
        return raw.strftime("%b-%y")  # type: ignore[union-attr]
    return re.sub(r"\s+", " ", cell_text(raw))
