"""The monthly exception report, computed from plain rows: what is due, what is Red, since when."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from oversight.lib.months import add_months, iso_month, month_name, range_name
from oversight.lib.numbers import percent
from oversight.plans.action_ids import sort_key
from oversight.plans.paper_appendices import Appendix
from oversight.plans.timescale_history import InForce, TimescaleHistory

RAG_NAMES = {"R": "Red", "A": "Amber", "G": "Green", "W": "White"}


@dataclass(frozen=True)
class ReportAction:
    """An action in the plan with its status in each month the report looks at."""

    action_id: str
    priority: int
    key_action: str
    lead: str
    agencies: str
    timescale: str
    first_month: date
    last_month: date
    rag_by_month: dict[date, str | None]
    commentary: str = ""
    latest_update: date | None = None  # month of the latest status recorded in or before M
    completion: str | None = None  # Green in M: "awaiting" or "verified" verification (plans/completion.py)
    red_since: date | None = None  # Red in M: the day its unbroken run of Red began (plans/status_runs.py)
    red_measures: tuple[str, ...] = ()  # Green in M: its linked measures rated Red (plans/linked_measures.py)
    safeguarding_risk: bool | None = None  # Red in M: does the delay pose an immediate risk (None: not said)
    risk_response: str = ""
    history: TimescaleHistory | None = None  # None: never re-timed nor withdrawn
    withdrawal: str = ""  # why it was withdrawn, and who approved it

    def timescale_in(self, month: date) -> InForce:
        if self.history is None:
            return InForce(date.min, self.timescale, self.first_month, self.last_month)
        return self.history.in_force(month)

    def withdrawn_in(self, month: date) -> bool:
        return self.history is not None and self.history.withdrawn_in(month)

    def is_due(self, month: date) -> bool:
        """Due by the timescale in force in that month, unless withdrawn by then."""
        return not self.withdrawn_in(month) and self.timescale_in(month).last <= month

    def is_red(self, month: date) -> bool:
        return self.is_due(month) and self.rag_by_month.get(month) == "R"

    def as_in(self, month: date) -> ReportAction:
        """The action with the timescale in force in that month."""
        now = self.timescale_in(month)
        return replace(self, timescale=now.timescale, first_month=now.first, last_month=now.last)


@dataclass(frozen=True)
class PriorityRow:
    priority: int
    title: str
    due: int
    red: int
    red_percent: int


@dataclass(frozen=True)
class TrendRow:
    priority: int
    title: str
    red: list[int]
    difference: int


@dataclass(frozen=True)
class DeadlineRow:
    deadline: str
    first_month: date
    last_month: date
    count: int
    percent: int
    action_ids: list[str]


@dataclass(frozen=True)
class RedAction:
    action_id: str
    priority: int
    timescale: str
    deadline: str
    key_action: str
    lead: str
    agencies: str
    commentary: str
    red_since: date | None = None
    safeguarding_risk: bool | None = None
    risk_response: str = ""


@dataclass(frozen=True)
class CompleteButRed:
    """A Green action whose linked measure is Red: complete, but the measure it was meant to move is Red."""

    action_id: str
    priority: int
    key_action: str
    lead: str
    completion: str  # "verified" or "awaiting"
    measures: tuple[str, ...]  # each Red measure in a sentence


@dataclass(frozen=True)
class WithdrawnAction:
    action_id: str
    priority: int
    key_action: str
    since: date  # the month it was withdrawn from
    why: str  # the reason, and who approved it


@dataclass(frozen=True)
class SlippageRow:
    """A priority's actions re-timed: this month, and by this month in all, with the months their
    deadlines have moved in all (from the original timescale to the one in force)."""

    priority: int
    title: str
    retimed_this_month: int
    retimed: int
    months: int


@dataclass(frozen=True)
class RetimedAction:
    action_id: str
    priority: int
    original: str  # the original timescale, as written
    now: str  # the timescale in force, as written
    revisions: int
    months: int  # slippage, from the original deadline to the one in force
    this_month: bool


@dataclass(frozen=True)
class Warning:
    action_id: str
    problem: str


@dataclass
class ExceptionReport:
    plan: str
    title: str
    council: str
    as_at: date
    month: date
    period_start: date
    previous_month: date
    priorities: dict[int, str]
    due: int
    red: int
    red_percent: int
    in_progress_not_yet_due: int
    by_priority: list[PriorityRow]
    trend_months: list[date]
    trend_recorded: list[bool]  # False for a month in which no action had any status yet
    trend: list[TrendRow]
    trend_total: list[int]
    by_deadline: list[DeadlineRow]
    red_actions: list[RedAction]
    oldest_red: list[str]
    oldest_deadline: date | None
    new_due: int
    new_due_red: int
    previously_red: int
    previous_recorded: bool
    newly_red: list[str]
    no_longer_red: list[tuple[str, str]]
    warnings: list[Warning] = field(default_factory=list)
    complete_but_red: list[CompleteButRed] = field(default_factory=list)
    complete_verified: int = 0
    complete_awaiting: int = 0
    unverified_count_as_green: bool = True
    withdrawn: list[WithdrawnAction] = field(default_factory=list)
    red_at_risk: int = 0  # Red actions whose delay poses an immediate safeguarding risk
    red_risk_not_said: int = 0  # Red actions whose status does not say (imported without it)
    slippage: list[SlippageRow] = field(default_factory=list)
    retimed: list[RetimedAction] = field(default_factory=list)
    appendices: list[Appendix] = field(default_factory=list)  # those the plan's papers carry

    @property
    def slippage_total(self) -> SlippageRow:
        return SlippageRow(
            0,
            "Total",
            sum(r.retimed_this_month for r in self.slippage),
            sum(r.retimed for r in self.slippage),
            sum(r.months for r in self.slippage),
        )

    def priority_name(self, number: int) -> str:
        title = self.priorities.get(number, "")
        return f"Priority {number} - {title}" if title else f"Priority {number}"

    @property
    def trend_difference(self) -> int:
        return self.red - self.previously_red


def report_months(month: date, months: int) -> list[date]:
    """The months a report needs statuses for: the trend's months and the month before them."""
    return [add_months(month, -k) for k in range(max(months, 2) - 1, -1, -1)]


def compute(
    *,
    plan: str,
    title: str,
    council: str,
    as_at: date,
    priorities: dict[int, str],
    actions: list[ReportAction],
    months: int = 3,
    period_start: date | None = None,
    unverified_count_as_green: bool = True,
) -> ExceptionReport:
    """The exception report for the month of `as_at`, from every action currently in the plan.
    With `unverified_count_as_green` False, a Green status still awaiting the board's verification
    counts as Amber in the report month."""
    if months < 1:
        raise ValueError("a report needs at least one month")
    month = as_at.replace(day=1)
    period = period_start or min((a.timescale_in(date.min).first for a in actions), default=month)
    withdrawn = [a for a in actions if a.withdrawn_in(month)]
    every = actions  # the trend's months count each action by the timescale in force in each
    actions = [a.as_in(month) for a in actions if not a.withdrawn_in(month)]
    complete_verified = sum(1 for a in actions if a.completion == "verified")
    complete_awaiting = sum(1 for a in actions if a.completion == "awaiting")
    if not unverified_count_as_green:
        actions, every = (
            [
                replace(a, rag_by_month={**a.rag_by_month, month: "A"}) if a.completion == "awaiting" else a
                for a in group
            ]
            for group in (actions, every)
        )
    previous = add_months(month, -1)
    actions = sorted(actions, key=lambda a: (a.priority, sort_key(a.action_id)))
    numbers = sorted(set(priorities) | {a.priority for a in actions})
    names = {n: priorities.get(n, "") for n in numbers}

    due = [a for a in actions if a.is_due(month)]
    # those whose delay poses an immediate safeguarding risk first, as the board needs to see them
    red = sorted((a for a in due if a.is_red(month)), key=lambda a: a.safeguarding_risk is not True)
    due_by_priority = Counter(a.priority for a in due)
    red_by_priority = Counter(a.priority for a in red)
    by_priority = [
        PriorityRow(
            n,
            names[n],
            due_by_priority[n],
            red_by_priority[n],
            percent(red_by_priority[n], due_by_priority[n]),
        )
        for n in numbers
    ]

    trend_months = [add_months(month, -k) for k in range(months - 1, -1, -1)]
    trend_counts = {m: Counter(a.priority for a in every if a.is_red(m)) for m in trend_months}
    previous_red = [a for a in every if a.is_red(previous)]
    previous_counts = Counter(a.priority for a in previous_red)
    trend = [
        TrendRow(
            n, names[n], [trend_counts[m][n] for m in trend_months], red_by_priority[n] - previous_counts[n]
        )
        for n in numbers
    ]
    trend_total = [sum(trend_counts[m].values()) for m in trend_months]
    recorded = {m for m in [*trend_months, previous] if any(a.rag_by_month.get(m) is not None for a in every)}

    oldest_deadline = min((a.last_month for a in red), default=None)
    newly_due = [a for a in actions if a.last_month == month]
    red_ids = {a.action_id for a in red}
    by_id = {a.action_id: a for a in every}

    return ExceptionReport(
        plan=plan,
        title=title,
        council=council,
        as_at=as_at,
        month=month,
        period_start=period,
        previous_month=previous,
        priorities=names,
        due=len(due),
        red=len(red),
        red_percent=percent(len(red), len(due)),
        in_progress_not_yet_due=sum(1 for a in actions if a.first_month <= month < a.last_month),
        by_priority=by_priority,
        trend_months=trend_months,
        trend_recorded=[m in recorded for m in trend_months],
        trend=trend,
        trend_total=trend_total,
        by_deadline=_by_deadline(red),
        red_actions=[
            RedAction(
                a.action_id,
                a.priority,
                a.timescale,
                range_name(a.first_month, a.last_month),
                a.key_action,
                a.lead,
                a.agencies,
                a.commentary,
                a.red_since,
                a.safeguarding_risk,
                a.risk_response,
            )
            for a in red
        ],
        oldest_red=[a.action_id for a in red if a.last_month == oldest_deadline],
        oldest_deadline=oldest_deadline,
        new_due=len(newly_due),
        new_due_red=sum(1 for a in newly_due if a.is_red(month)),
        previously_red=len(previous_red),
        previous_recorded=previous in recorded,
        newly_red=[a.action_id for a in red if not a.is_red(previous)],
        no_longer_red=[
            (a.action_id, _rag_name(by_id[a.action_id].rag_by_month.get(month)))
            for a in previous_red
            if a.action_id not in red_ids
        ],
        warnings=_warnings(actions, month),
        complete_but_red=[
            CompleteButRed(a.action_id, a.priority, a.key_action, a.lead, a.completion or "", a.red_measures)
            for a in actions
            if a.red_measures and a.completion
        ],
        complete_verified=complete_verified,
        complete_awaiting=complete_awaiting,
        unverified_count_as_green=unverified_count_as_green,
        withdrawn=[
            WithdrawnAction(a.action_id, a.priority, a.key_action, a.history.withdrawn_from, a.withdrawal)
            for a in withdrawn
            if a.history is not None and a.history.withdrawn_from is not None
        ],
        red_at_risk=sum(1 for a in red if a.safeguarding_risk is True),
        red_risk_not_said=sum(1 for a in red if a.safeguarding_risk is None),
        slippage=_slippage(actions, names, month),
        retimed=[
            RetimedAction(
                a.action_id,
                a.priority,
                a.history.original.timescale,
                a.timescale,
                len(a.history.revisions_by(month)),
                a.history.slippage(month),
                a.history.retimed_in(month),
            )
            for a in actions
            if a.history is not None and a.history.revisions_by(month)
        ],
    )


def _slippage(actions: list[ReportAction], names: dict[int, str], month: date) -> list[SlippageRow]:
    rows = []
    for number, title in names.items():
        retimed = [
            a.history for a in actions if a.priority == number and a.history and a.history.revisions_by(month)
        ]
        rows.append(
            SlippageRow(
                number,
                title,
                sum(1 for h in retimed if h.retimed_in(month)),
                len(retimed),
                sum(h.slippage(month) for h in retimed),
            )
        )
    return rows


def _by_deadline(red: list[ReportAction]) -> list[DeadlineRow]:
    """Table 3: latest deadline first; for the same last month, the shorter range first."""
    groups: dict[tuple[date, date], list[str]] = {}
    for action in red:
        groups.setdefault((action.first_month, action.last_month), []).append(action.action_id)
    ordered = sorted(groups.items(), key=lambda item: (item[0][1], item[0][0]), reverse=True)
    return [
        DeadlineRow(range_name(first, last), first, last, len(ids), percent(len(ids), len(red)), ids)
        for (first, last), ids in ordered
    ]


def _rag_name(code: str | None) -> str:
    return RAG_NAMES.get(code or "", "No status")


def _warnings(actions: list[ReportAction], month: date) -> list[Warning]:
    """Statuses that contradict the dates, or are missing, in the report month."""
    found = []
    for a in actions:
        rag = a.rag_by_month.get(month)
        if rag is None:
            found.append(Warning(a.action_id, f"no status recorded by {month_name(month)}"))
            continue
        if a.latest_update is not None and a.latest_update < month:
            found.append(
                Warning(
                    a.action_id,
                    f"no update in {month_name(month)}; the latest "
                    f"status is from {month_name(a.latest_update)}",
                )
            )
        if rag == "W" and a.first_month <= month:
            found.append(
                Warning(
                    a.action_id,
                    f"White (not planned to start) but its timescale "
                    f"({a.timescale}) started in "
                    f"{month_name(a.first_month)}",
                )
            )
        if rag == "R" and not a.commentary.strip():
            found.append(Warning(a.action_id, "Red without commentary"))
    return found


def to_json(report: ExceptionReport) -> dict[str, object]:
    """The report as the JSON the exception-report issue specifies (plus a few helpful fields)."""
    return {
        "plan": report.plan,
        "title": report.title,
        "appendices": [
            {
                "title": a.title,
                "paragraphs": list(a.paragraphs),
                "tables": [
                    {
                        "caption": t.caption,
                        "headers": t.headers,
                        "rows": [[str(c) for c in row] for row in t.body],
                    }
                    for t in a.tables
                ],
            }
            for a in report.appendices
        ],
        "council": report.council,
        "as_at": report.as_at.isoformat(),
        "month": iso_month(report.month),
        "period_start": iso_month(report.period_start),
        "completion": {
            "verified": report.complete_verified,
            "awaiting_verification": report.complete_awaiting,
            "unverified_count_as_green": report.unverified_count_as_green,
        },
        "totals": {
            "due": report.due,
            "red": report.red,
            "red_percent": report.red_percent,
            "in_progress_not_yet_due": report.in_progress_not_yet_due,
        },
        "by_priority": [
            {
                "priority": r.priority,
                "title": r.title,
                "due": r.due,
                "red": r.red,
                "red_percent": r.red_percent,
            }
            for r in report.by_priority
        ],
        "trend": {
            "months": [iso_month(m) for m in report.trend_months],
            "rows": [
                {
                    "priority": r.priority,
                    "red": _recorded(report, r.red),
                    "difference": r.difference if report.previous_recorded else None,
                }
                for r in report.trend
            ],
            "total": _recorded(report, report.trend_total),
            "difference": report.trend_difference if report.previous_recorded else None,
        },
        "by_deadline": [
            {"deadline": r.deadline, "count": r.count, "percent": r.percent, "action_ids": r.action_ids}
            for r in report.by_deadline
        ],
        "red_actions": [
            {
                "action_id": r.action_id,
                "priority": r.priority,
                "timescale": r.timescale,
                "deadline": r.deadline,
                "key_action": r.key_action,
                "lead": r.lead,
                "agencies": r.agencies,
                "commentary": r.commentary,
                "red_since": r.red_since.isoformat() if r.red_since else None,
                "immediate_safeguarding_risk": r.safeguarding_risk,
                "risk_response": r.risk_response,
            }
            for r in report.red_actions
        ],
        "red_at_risk": report.red_at_risk,
        "red_risk_not_said": report.red_risk_not_said,
        "oldest_red": report.oldest_red,
        "new_since_previous": {"due": report.new_due, "red": report.new_due_red},
        "previous_month_recorded": report.previous_recorded,
        "newly_red": report.newly_red,
        "no_longer_red": [{"action_id": a, "now": now} for a, now in report.no_longer_red],
        "warnings": [{"action_id": w.action_id, "problem": w.problem} for w in report.warnings],
        "complete_but_measure_red": [
            {
                "action_id": c.action_id,
                "priority": c.priority,
                "completion": c.completion,
                "red_measures": list(c.measures),
            }
            for c in report.complete_but_red
        ],
        "slippage": {
            "by_priority": [
                {
                    "priority": r.priority,
                    "retimed_this_month": r.retimed_this_month,
                    "retimed": r.retimed,
                    "months": r.months,
                }
                for r in report.slippage
            ],
            "actions": [
                {
                    "action_id": r.action_id,
                    "original_timescale": r.original,
                    "timescale": r.now,
                    "revisions": r.revisions,
                    "months": r.months,
                    "this_month": r.this_month,
                }
                for r in report.retimed
            ],
        },
        "withdrawn": [
            {"action_id": w.action_id, "from": iso_month(w.since), "why": w.why} for w in report.withdrawn
        ],
    }


def _recorded(report: ExceptionReport, counts: list[int]) -> list[int | None]:
    """Counts for months with statuses; None where nothing had been recorded yet."""
    return [c if ok else None for c, ok in zip(counts, report.trend_recorded, strict=True)]
