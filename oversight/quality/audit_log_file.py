"""Reads a council's existing case audit log (CSV or XLSX): one row an audit, with its month, the child's
ID, team, auditor, dates, the overall grade and a column for each domain of the audit tool, and the
moderated grade if it had one. Every problem in the file is found before any is reported, each with its
row and column; a grade that cannot be read is never taken as any grade. Pure: the plan's tools, people
and audits already recorded come in as plain data."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from oversight.lib.lengths import too_long
from oversight.lib.months import month_name, month_of
from oversight.lib.problems import ImportFailed, Problem
from oversight.lib.spreadsheets import Column, Located, cell_text, locate, normalise_header, read_sheets
from oversight.plans.cell_dates import cell_day
from oversight.plans.reading_limits import reading_limits
from oversight.quality.case_lines import CHILD_ID, ID_LIMIT, NAME_LIMIT
from oversight.quality.models import TEXT, Cohort
from oversight.quality.scales import Domain, Scale

AUDIT_LOG_COLUMNS = (
    Column("month", "Month", ("Audit month", "Cohort month", "Period")),
    Column("kind", "Audit type", ("Type", "Type of audit", "Kind of audit"), required=False),
    Column("tool", "Audit tool", ("Tool", "Audit form"), required=False),
    Column("case", "Child ID", ("Child's ID", "Child Unique ID", "Case ID", "Case reference", "Pseudonym")),
    Column("team", "Team", ("Allocated Team",)),
    Column("worker", "Worker", ("Allocated Worker", "Social worker"), required=False),
    Column("auditor", "Auditor", ("Audited by", "Auditor name")),
    Column("agency", "Auditor's agency", ("Agency",), required=False),
    Column("due", "Due", ("Due date", "Due by"), required=False),
    Column("completed", "Completed", ("Date completed", "Completed on", "Audit date")),
    Column("overall", "Overall grade", ("Overall", "Overall judgement", "Grade")),
    Column("agreed", "Moderated grade", ("Agreed grade", "Moderation grade"), required=False),
    Column("moderator", "Moderator", ("Moderated by",), required=False),
    Column("moderated", "Moderated on", ("Date moderated", "Moderation date"), required=False),
    Column("strengths", "Strengths", ("What is working well",), required=False),
    Column("development", "Areas for development", ("Development", "Areas to develop"), required=False),
    Column("impact", "Impact for the child", ("Impact", "Impact on the child"), required=False),
)
KINDS = {normalise_header(label): value for value, label in Cohort.Kind.choices} | {
    normalise_header(value): value for value in Cohort.Kind.values
} | {"monthly": "monthly", "casefileaudit": "monthly", "deepdive": "deep_dive", "dipsample": "dip_sample",
     "liveaudit": "live", "triplelock": "live", "multiagency": "multi_agency"}  # fmt: skip
TEXTS = {"strengths": TEXT, "development": TEXT, "impact": TEXT, "team": NAME_LIMIT, "worker": NAME_LIMIT,
         "auditor": 150, "moderator": 150, "agency": 200, "case": ID_LIMIT}  # fmt: skip


Say = Callable[..., None]  # a row's problem: its message, and the column's key (or index=)


@dataclass(frozen=True)
class Tool:
    """A tool's latest version, as the file's grades are read on it."""

    version_id: int
    name: str
    scale: Scale
    domains: tuple[Domain, ...]


@dataclass(frozen=True)
class LoggedAudit:
    row: int
    month: date
    kind: str
    tool: Tool
    case: str
    team: str
    worker: str
    auditor: str
    agency: str
    due: date
    completed: date | None
    overall: int | None
    domains: tuple[int, ...]  # in the tool's order; empty for an audit not done
    agreed: int | None
    moderator: str
    moderated: date | None
    strengths: str
    development: str
    impact: str


@dataclass
class AuditLog:
    file: str
    sheet: str
    audits: list[LoggedAudit] = field(default_factory=list)


def read_audit_log(
    path: Path, tools: Mapping[str, Tool], recorded: set[tuple[date, str, str]], sheet: str | None = None
) -> AuditLog:
    """Every audit in the file, or ImportFailed naming every problem. `tools` by name (the file names one
    in its Audit tool column, or the plan has only one); `recorded` the (month, kind, child's ID) the plan
    already has an audit of."""
    located = locate(read_sheets(path, reading_limits(), sheet), AUDIT_LOG_COLUMNS)
    problems: list[Problem] = []
    domain_columns = _domain_columns(located, tools, problems)
    log = AuditLog(located.sheet.file, located.sheet.name)
    seen: dict[tuple[date, str, str], int] = {}
    for number, cells in located.data_rows():
        audit = _row(located, number, cells, tools, domain_columns, problems)
        if audit is None:
            continue
        key = (audit.month, audit.kind, audit.case.casefold())
        where = located.column_name("case")
        if key in seen:
            problems.append(
                located.sheet.problem(
                    f"{audit.case} is audited twice in {month_name(audit.month)} (first on row {seen[key]})",
                    number,
                    where,
                )
            )
        elif key in recorded:
            problems.append(
                located.sheet.problem(
                    f"{audit.case} already has a {_kind_label(audit.kind)} in {month_name(audit.month)}"
                    " on Oversight",
                    number,
                    where,
                )
            )
        seen.setdefault(key, number)
        log.audits.append(audit)
    if not log.audits and not problems:
        problems.append(located.sheet.problem("there are no audits under the header", located.header_row))
    if problems:
        raise ImportFailed(sorted(problems, key=lambda p: (p.row or 0, p.column)))
    return log


def _kind_label(kind: str) -> str:
    return dict(Cohort.Kind.choices)[kind].lower()


def _domain_columns(located: Located, tools: Mapping[str, Tool], problems: list[Problem]) -> dict[str, int]:
    """Where each domain of the plan's tools is, by its name as the tools write it."""
    known = {normalise_header(d.name): d.name for tool in tools.values() for d in tool.domains}
    taken = set(located.positions.values())
    found: dict[str, int] = {}
    for index, header in enumerate(located.header):
        name = known.get(normalise_header(header))
        if name is not None and index not in taken:
            found.setdefault(name, index)
    if not found and tools:
        wanted = ", ".join(sorted({d.name for t in tools.values() for d in t.domains}))
        problems.append(
            located.sheet.problem(
                f"no column is headed with a domain of the audit tool ({wanted})", located.header_row
            )
        )
    return found


def _text(located: Located, cells: tuple[object, ...], key: str) -> str:
    return (
        " ".join(cell_text(located.value(cells, key)).split())
        if key not in {"strengths", "development", "impact"}
        else cell_text(located.value(cells, key))
    )


def _row(
    located: Located,
    number: int,
    cells: tuple[object, ...],
    tools: Mapping[str, Tool],
    domain_columns: Mapping[str, int],
    problems: list[Problem],
) -> LoggedAudit | None:
    before = len(problems)

    def problem(message: str, key: str = "", index: int | None = None) -> None:
        column = located.column_at(index) if index is not None else (located.column_name(key) if key else "")
        problems.append(located.sheet.problem(message, number, column))

    for key, limit in TEXTS.items():
        if key in located.positions and len(text := cell_text(located.value(cells, key))) > limit:
            problem(f"{too_long(located.columns[key].label, limit)} (this one is {len(text):,})", key)
    month_cell = located.value(cells, "month")
    month = cell_day(month_cell)
    if month is None:
        problem(
            f"'{cell_text(month_cell)}' is not a month: expected one such as 2026-11, Nov 2026 or a date",
            "month",
        )
    kind_text = _text(located, cells, "kind")
    kind = KINDS.get(normalise_header(kind_text)) if kind_text else Cohort.Kind.MONTHLY
    if kind is None:
        listed = ", ".join(label for _, label in Cohort.Kind.choices)
        problem(f"'{kind_text}' is not a kind of audit: expected one of {listed}", "kind")
    tool = _tool(located, cells, tools, problem)
    case = _text(located, cells, "case")
    if not CHILD_ID.fullmatch(case):
        problem(
            f"'{case[:60]}' is not a child's ID: letters, digits and - _ / . only, with no spaces"
            " (a case is named by its ID, never by the child's name)",
            "case",
        )
    for key in ("team", "auditor"):
        if not _text(located, cells, key):
            problem(f"expected the {located.columns[key].label.lower()}", key)
    completed = _day(located, cells, "completed", problem)
    due = _day(located, cells, "due", problem)
    moderated = _day(located, cells, "moderated", problem)
    overall = _grade(located, cells, "overall", tool, problem)
    agreed = _grade(located, cells, "agreed", tool, problem)
    domains: list[int] = []
    if tool is not None:
        for domain in tool.domains:
            index = domain_columns.get(domain.name)
            text = cell_text(cells[index]) if index is not None and index < len(cells) else ""
            if index is None:
                if completed is not None:
                    problem(f"there is no column for the domain '{domain.name}' of {tool.name}")
                continue
            if not text:
                if completed is not None:
                    problem(
                        f"expected a grade for {domain.name} on {tool.name}'s scale",
                        index=index,
                    )
                continue
            rank = tool.scale.rank(text)
            if rank is None:
                problem(
                    _not_a_grade(text, tool),
                    index=index,
                )
            else:
                domains.append(rank)
    if completed is None and not cell_text(located.value(cells, "completed")):
        if cell_text(located.value(cells, "overall")) or domains:
            problem(
                "grades without the date the audit was completed: enter the date, or leave the grades"
                " blank for an audit not yet done",
                "completed",
            )
        if cell_text(located.value(cells, "agreed")):
            problem("a moderated grade for an audit not yet completed", "agreed")
    elif overall is None and not cell_text(located.value(cells, "overall")):
        problem("expected the overall grade of a completed audit", "overall")
    if agreed is not None and not _text(located, cells, "moderator"):
        problem("expected who moderated it", "moderator" if "moderator" in located.positions else "agreed")
    if len(problems) > before or month is None or kind is None or tool is None:
        return None
    month = month_of(month)
    return LoggedAudit(
        row=number,
        month=month,
        kind=kind,
        tool=tool,
        case=case,
        team=_text(located, cells, "team"),
        worker=_text(located, cells, "worker"),
        auditor=_text(located, cells, "auditor"),
        agency=_text(located, cells, "agency"),
        due=due or completed or month,
        completed=completed,
        overall=overall,
        domains=tuple(domains) if completed is not None else (),
        agreed=agreed,
        moderator=_text(located, cells, "moderator") if agreed is not None else "",
        moderated=(moderated or completed) if agreed is not None else None,
        strengths=_text(located, cells, "strengths"),
        development=_text(located, cells, "development"),
        impact=_text(located, cells, "impact"),
    )


def _tool(
    located: Located, cells: tuple[object, ...], tools: Mapping[str, Tool], problem: Say
) -> Tool | None:
    named = _text(located, cells, "tool")
    if named:
        found = {normalise_header(n): t for n, t in tools.items()}.get(normalise_header(named))
        if found is None:
            problem(
                f"there is no audit tool '{named}' in this plan: expected one of"
                f" {', '.join(sorted(tools)) or 'none yet'}",
                "tool",
            )
        return found
    if len(tools) == 1:
        return next(iter(tools.values()))
    if not tools:
        problem("the plan has no audit tool yet: make one on the Audit tools page first")
    else:
        problem(
            f"name the audit tool in an Audit tool column: the plan has {len(tools)}"
            f" ({', '.join(sorted(tools))})"
        )
    return None


def _day(located: Located, cells: tuple[object, ...], key: str, problem: Say) -> date | None:
    value = located.value(cells, key)
    if not cell_text(value):
        return None
    day = exact_day(value)
    if day is None:
        problem(f"'{cell_text(value)}' is not a date: expected one such as 2026-11-18 or 18/11/2026", key)
        return None
    return day


def exact_day(value: object) -> date | None:
    """A day, not a month: a date cell, 2026-11-18 or 18/11/2026 ('Nov 2026' names no day)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}", text) is None:
        return None
    return cell_day(text)


def _grade(
    located: Located, cells: tuple[object, ...], key: str, tool: Tool | None, problem: Say
) -> int | None:
    text = cell_text(located.value(cells, key))
    if not text or tool is None:
        return None
    rank = tool.scale.rank(text)
    if rank is None:
        problem(_not_a_grade(text, tool), key)
    return rank


def _not_a_grade(text: str, tool: Tool) -> str:
    return f"'{text}' is not a grade on {tool.name}'s scale: expected one of {', '.join(tool.scale.grades)}"
