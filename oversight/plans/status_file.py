"""Reads a monthly status file (Action ID, RAG, commentary) into checked rows: every problem in the file,
unknown Action IDs among them, found in one pass. Pure: the plan's Action IDs come in as plain data."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from oversight.lib.lengths import LONG_TEXT
from oversight.lib.problems import ImportFailed, Problem
from oversight.lib.spreadsheets import Column, Located, cell_text, locate, read_sheets
from oversight.plans.action_ids import looks_like_action_id
from oversight.plans.plan_file import ACTION_ID
from oversight.plans.reading_limits import reading_limits

STATUS_COLUMNS = (
    ACTION_ID,
    Column("rag", "RAG", ("RAG Status", "Status", "RAG rating", "Rating", "Current RAG", "RAG this month")),
    Column(
        "commentary",
        "Commentary",
        ("Comments", "Comment", "Update", "Progress update", "Progress", "Latest update", "Progress to date"),
        required=False,
    ),
    Column(
        "safeguarding_risk",
        "Safeguarding risk",
        ("Immediate safeguarding risk", "Safeguarding risk?", "Poses a safeguarding risk"),
        required=False,
    ),
    Column(
        "risk_response",
        "Risk response",
        ("What is being done", "Risk mitigation", "Mitigation", "Action on the risk"),
        required=False,
    ),
)
RISK_VALUES = {"yes": True, "y": True, "no": False, "n": False}

NEEDS_COMMENTARY = {"R": "Red", "A": "Amber"}  # as on the website's form (plans/updates.py)
RAG_VALUES = {"red": "R", "r": "R", "amber": "A", "a": "A", "green": "G", "g": "G", "white": "W", "w": "W"}


@dataclass(frozen=True)
class StatusRow:
    row: int
    action_id: str
    rag: str
    commentary: str
    safeguarding_risk: bool | None = None  # a Red status: None when the file does not say
    risk_response: str = ""


@dataclass
class StatusFile:
    file: str
    sheet: str
    statuses: list[StatusRow]
    column_of_action_id: str
    warnings: list[Problem] = field(default_factory=list)  # recorded anyway, as the plan allows


def parse_rag(value: object) -> str | None:
    """'R', 'A', 'G' or 'W' from Red/Amber/Green/White or their letters, in any case."""
    return RAG_VALUES.get(cell_text(value).lower())


def read_status_file(
    path: Path,
    sheet: str | None = None,
    *,
    known: Collection[str] | None = None,
    plan: str = "",
    commentary_required: bool = True,
) -> StatusFile:
    """Every status in the file, or ImportFailed listing every problem: bad RAG values, missing or
    repeated Action IDs, Action IDs not in `known` (the plan's, when given), and Red or Amber statuses
    without commentary (a warning instead when `commentary_required` is False)."""
    located = locate(read_sheets(path, reading_limits(), sheet), STATUS_COLUMNS)
    problems: list[Problem] = []
    statuses: list[StatusRow] = []
    seen: dict[str, int] = {}
    id_column = located.column_name("action_id")
    for number, cells in located.data_rows():
        filled = [cell_text(c) for c in cells if cell_text(c)]
        if len(filled) == 1 and not looks_like_action_id(filled[0]):
            continue  # a heading row such as 'Priority 5 - Children Looked After'
        action_id = cell_text(located.value(cells, "action_id"))
        if not action_id:
            problems.append(located.sheet.problem("expected an Action ID", number, id_column))
            continue
        if action_id in seen:
            problems.append(
                located.sheet.problem(
                    f"Action ID {action_id} appears twice (first on row {seen[action_id]})", number, id_column
                )
            )
            continue
        seen[action_id] = number
        problems += located.too_long(number, cells, {"commentary": LONG_TEXT, "risk_response": LONG_TEXT})
        if known is not None and action_id not in known:
            problems.append(
                located.sheet.problem(f"Action ID {action_id} is not in plan '{plan}'", number, id_column)
            )
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
        answer = cell_text(located.value(cells, "safeguarding_risk"))
        risk = RISK_VALUES.get(answer.lower()) if answer else None
        if answer and risk is None:
            problems.append(
                located.sheet.problem(
                    f"'{answer}' is not an answer: expected Yes or No (or blank when the status is not Red)",
                    number,
                    located.column_name("safeguarding_risk"),
                )
            )
            continue
        response = cell_text(located.value(cells, "risk_response"))
        if rag == "R" and risk and not response:
            problems.append(
                located.sheet.problem(
                    "a Red status that poses an immediate safeguarding risk needs what is done about it",
                    number,
                    located.column_name("risk_response") if "risk_response" in located.positions else "",
                )
            )
            continue
        red = rag == "R"
        statuses.append(
            StatusRow(
                number, action_id, rag, commentary, risk if red else None, response if red and risk else ""
            )
        )
    silent = [row for row in statuses if row.rag in NEEDS_COMMENTARY and not row.commentary]
    said = _without_commentary(located, silent, commentary_required)
    if commentary_required:
        problems += said
    if problems:
        raise ImportFailed(sorted(problems, key=lambda p: p.row or 0))
    found = StatusFile(located.sheet.file, located.sheet.name, statuses, id_column)
    found.warnings = [] if commentary_required else said
    return found


def _without_commentary(located: Located, rows: list[StatusRow], required: bool) -> list[Problem]:
    """Red and Amber statuses with no commentary: each one by its row, or, when the file has no
    Commentary column, one problem naming the rows. Refused, or (not `required`) recorded anyway."""
    if not rows:
        return []
    if "commentary" not in located.positions:
        listed = ", ".join(str(row.row) for row in rows)
        said = (
            f"need commentary (rows {listed}), as on the website: add a Commentary column"
            if required
            else f"are recorded without commentary (rows {listed})"
        )
        return [
            located.sheet.problem(
                f"there is no Commentary column, and {len(rows)} Red or Amber statuses {said}",
                located.header_row,
            )
        ]
    rule = "commentary is needed for Red and Amber statuses, as on the website" if required else "recorded"
    column = located.column_name("commentary")
    return [
        located.sheet.problem(
            f"{NEEDS_COMMENTARY[row.rag]} status with no commentary: {rule}", row.row, column
        )
        for row in rows
    ]
