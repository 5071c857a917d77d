"""Reads a file of improvement funding: one row a funding line's year, with its phase, the decision that
approved it, the year's budget, spend and committed in £'000, posts funded and filled, and a comment.
Every problem is found before any is reported, with its row and column; a figure that cannot be read is
never taken as 0. Pure."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from oversight.lib.lengths import LONG_TEXT, too_long
from oversight.lib.problems import ImportFailed, Problem
from oversight.lib.spreadsheets import Column, Located, cell_text, locate, read_sheets
from oversight.plans.action_ids import split_action_ids
from oversight.plans.cell_dates import cell_day
from oversight.plans.reading_limits import reading_limits

FUNDING_COLUMNS = (
    Column("line", "Funding line", ("Line", "Funding", "Item")),
    Column("year", "Financial year", ("Year",)),
    Column("phase", "Phase", ("Programme phase",), required=False),
    Column("budget", "Budget £'000", ("Budget", "Budget £000", "Budget (£'000)")),
    Column("spend", "Spend £'000", ("Spend", "Spent", "Spend £000", "Actual"), required=False),
    Column("committed", "Committed £'000", ("Committed", "Committed £000"), required=False),
    Column("posts_funded", "Posts funded", ("Funded posts",), required=False),
    Column("posts_filled", "Posts filled", ("Filled posts",), required=False),
    Column("body", "Approved by", ("Decision body", "Decision by"), required=False),
    Column("decided", "Decision date", ("Approved on", "Date approved"), required=False),
    Column("reference", "Decision reference", ("Reference", "Report reference"), required=False),
    Column("comment", "Comments", ("Comment", "Notes"), required=False),
    Column("actions", "Actions", ("Action IDs", "Plan actions", "Pays for"), required=False),
)
YEAR = re.compile(r"(\d{4})\s*[/-]\s*(\d{2}|\d{4})")
NAME_LIMIT = 300
LARGEST = 10**9  # £'000: a trillion pounds is a typing mistake


@dataclass(frozen=True)
class FundingRow:
    row: int
    line: str
    year: str  # "2016/17"
    phase: str
    budget: int
    spend: int | None
    committed: int | None
    posts_funded: Decimal | None
    posts_filled: Decimal | None
    body: str
    decided: date | None
    reference: str
    comment: str
    action_ids: tuple[str, ...] = ()  # the plan actions it pays for


@dataclass
class FundingFile:
    file: str
    sheet: str
    rows: list[FundingRow] = field(default_factory=list)


def financial_year_text(text: str) -> str | None:
    """'2016/17', '2016-17' or '2016/2017' as '2016/17'; None for anything else or a year not following."""
    found = YEAR.fullmatch(text.strip())
    if found is None:
        return None
    first, second = int(found[1]), int(found[2])
    if second % 100 != (first + 1) % 100 or (second >= 1000 and second != first + 1):
        return None
    return f"{first}/{(first + 1) % 100:02d}"


def read_funding_file(
    path: Path, sheet: str | None = None, action_ids: Collection[str] | None = None
) -> FundingFile:
    """Every row, or ImportFailed naming every problem, among them an action the plan (`action_ids`,
    when given) does not have."""
    located = locate(read_sheets(path, reading_limits(), sheet), FUNDING_COLUMNS)
    problems: list[Problem] = []
    found = FundingFile(located.sheet.file, located.sheet.name)
    seen: dict[tuple[str, str], int] = {}
    for number, cells in located.data_rows():
        row = _row(located, number, cells, problems)
        if row is None:
            continue
        key = (row.line.casefold(), row.year)
        if key in seen:
            problems.append(
                located.sheet.problem(
                    f"{row.line} has {row.year} twice (first on row {seen[key]})",
                    number,
                    located.column_name("year"),
                )
            )
        seen.setdefault(key, number)
        missing = [a for a in row.action_ids if action_ids is not None and a not in action_ids]
        if missing:
            problems.append(
                located.sheet.problem(
                    f"not in this plan: {', '.join(missing)}", number, located.column_name("actions")
                )
            )
        found.rows.append(row)
    if not found.rows and not problems:
        problems.append(
            located.sheet.problem("there are no funding lines under the header", located.header_row)
        )
    if problems:
        raise ImportFailed(sorted(problems, key=lambda p: (p.row or 0, p.column)))
    return found


def _row(
    located: Located, number: int, cells: tuple[object, ...], problems: list[Problem]
) -> FundingRow | None:
    before = len(problems)

    def problem(message: str, key: str) -> None:
        problems.append(located.sheet.problem(message, number, located.column_name(key)))

    def text(key: str) -> str:
        return cell_text(located.value(cells, key))

    limits = dict.fromkeys(("line", "phase", "body", "reference"), NAME_LIMIT) | {"comment": LONG_TEXT}
    for key, limit in limits.items():
        if len(text(key)) > limit:
            problem(too_long(located.columns[key].label, limit), key)
    if not text("line"):
        problem("expected the funding line's name", "line")
    year = financial_year_text(text("year"))
    if year is None:
        problem(f"'{text('year')}' is not a financial year: expected one such as 2016/17", "year")
    money = {}
    for key in ("budget", "spend", "committed"):
        money[key] = _thousands(text(key), key, problem, required=key == "budget")
    posts = {key: _posts(text(key), key, problem) for key in ("posts_funded", "posts_filled")}
    decided = None
    if text("decided"):
        decided = cell_day(located.value(cells, "decided"))
        if decided is None:
            problem(
                f"'{text('decided')}' is not a date: expected one such as 2017-03-01 or 01/03/2017", "decided"
            )
    if len(problems) > before or year is None or money["budget"] is None:
        return None
    return FundingRow(
        number, " ".join(text("line").split()), year, text("phase"), money["budget"], money["spend"],
        money["committed"], posts["posts_funded"], posts["posts_filled"], text("body"), decided,
        text("reference"), text("comment"), split_action_ids(text("actions")),
    )  # fmt: skip


def _thousands(text: str, key: str, problem, required: bool) -> int | None:  # type: ignore[no-untyped-def]
    """A whole number of £'000 ('1,171', '£1,171'); None for a blank cell that may be blank."""
    cleaned = text.replace(",", "").replace("£", "").strip()
    if not cleaned:
        if required:
            problem("expected the budget, in £'000 (0 when there is none)", key)
        return None
    if not re.fullmatch(r"-?\d+", cleaned) or abs(int(cleaned)) >= LARGEST:
        problem(f"'{text}' is not a whole number of £'000: expected one such as 1,171", key)
        return None
    return int(cleaned)


def _posts(text: str, key: str, problem) -> Decimal | None:  # type: ignore[no-untyped-def]
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal(-1)
    if not value.is_finite() or value < 0 or value >= 10_000 or value.as_tuple().exponent < -2:  # type: ignore[operator]
        problem(
            f"'{text}' is not a number of posts (full-time equivalent): expected one such as 15 or 2.5", key
        )
        return None
    return value
