"""Reads a monthly status file (Action ID, RAG, commentary) into checked rows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from oversight.lib.lengths import LONG_TEXT
from oversight.plans.action_ids import looks_like_action_id
from oversight.plans.plan_file import ACTION_ID
from oversight.plans.tables import Column, ImportFailed, Problem, cell_text, locate, read_sheets

STATUS_COLUMNS = (
    ACTION_ID,
    Column("rag", "RAG", ("RAG Status", "Status", "RAG rating", "Rating", "Current RAG", "RAG this month")),
    Column(
        "commentary",
        "Commentary",
        ("Comments", "Comment", "Update", "Progress update", "Progress", "Latest update", "Progress to date"),
        required=False,
    ),
)

RAG_VALUES = {"red": "R", "r": "R", "amber": "A", "a": "A", "green": "G", "g": "G", "white": "W", "w": "W"}


@dataclass(frozen=True)
class StatusRow:
    row: int
    action_id: str
    rag: str
    commentary: str


@dataclass
class StatusFile:
    file: str
    sheet: str
    statuses: list[StatusRow]
    column_of_action_id: str


def parse_rag(value: object) -> str | None:
    """'R', 'A', 'G' or 'W' from Red/Amber/Green/White or their letters, in any case."""
    return RAG_VALUES.get(cell_text(value).lower())


def read_status_file(path: Path, sheet: str | None = None) -> StatusFile:
    located = locate(read_sheets(path, sheet), STATUS_COLUMNS)
    problems: list[Problem] = []
    statuses: list[StatusRow] = []
    seen: dict[str, int] = {}
    for number, cells in located.data_rows():
        filled = [cell_text(c) for c in cells if cell_text(c)]
        if len(filled) == 1 and not looks_like_action_id(filled[0]):
            continue  # a heading row such as 'Priority 5 - Children Looked After'
        action_id = cell_text(located.value(cells, "action_id"))
        if not action_id:
            problems.append(
                located.sheet.problem("expected an Action ID", number, located.column_name("action_id"))
            )
            continue
        if action_id in seen:
            problems.append(
                located.sheet.problem(
                    f"Action ID {action_id} appears twice (first on row {seen[action_id]})",
                    number,
                    located.column_name("action_id"),
                )
            )
            continue
        seen[action_id] = number
        problems += located.too_long(number, cells, {"commentary": LONG_TEXT})
        raw = located.value(cells, "rag")
        rag = parse_rag(raw)
        if rag is None:
            problems.append(
                located.sheet.problem(
                    f"'{cell_text(raw)}' is not a RAG status: expected Red, Amber, Green or White "
                    "(or R, A, G, W)",
                    number,
                    located.column_name("rag"),
                )
            )
            continue
        commentary = cell_text(located.value(cells, "commentary"))
        statuses.append(StatusRow(number, action_id, rag, commentary))
    if problems:
        raise ImportFailed(problems)
    return StatusFile(located.sheet.file, located.sheet.name, statuses, located.column_name("action_id"))
