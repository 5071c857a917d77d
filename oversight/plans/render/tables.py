"""The exception report's tables, laid out once for every format to render."""

from __future__ import annotations

from oversight.lib.months import day_name, month_name, short_month_name
from oversight.lib.tables import Cell, Change, Percent, Table
from oversight.plans.exception_report import ExceptionReport, RedAction


def table1(report: ExceptionReport) -> Table:
    period = f"{short_month_name(report.period_start)} - {short_month_name(report.month)}"
    return Table(
        "Table 1",
        f"Table 1: actions due and not progressed (Red) by priority, {month_name(report.month)}",
        ["Priority", f"Actions due {period}", "Actions not progressed (Red)", "Red as % of due"],
        [
            [report.priority_name(r.priority), r.due, r.red, Percent(r.red_percent)]
            for r in report.by_priority
        ],
        ["Total", report.due, report.red, Percent(report.red_percent)],
    )


NO_DATA = "no data"


def table2(report: ExceptionReport) -> Table:
    def counts(values: list[int]) -> list[Cell]:
        return [v if ok else NO_DATA for v, ok in zip(values, report.trend_recorded, strict=True)]

    def difference(value: int) -> Cell:
        return Change(value) if report.previous_recorded else NO_DATA

    return Table(
        "Table 2",
        "Table 2: actions not progressed (Red) by priority, month by month",
        ["Priority", *[short_month_name(m) for m in report.trend_months], "Difference"],
        [[report.priority_name(r.priority), *counts(r.red), difference(r.difference)] for r in report.trend],
        ["Total", *counts(report.trend_total), difference(report.trend_difference)],
    )


def table3(report: ExceptionReport) -> Table:
    return Table(
        "Table 3",
        "Table 3: actions not progressed (Red) by their deadline",
        ["Action deadline", "Number of actions", "Percentage", "Action IDs"],
        [[r.deadline, r.count, Percent(r.percent), ", ".join(r.action_ids)] for r in report.by_deadline],
        ["Total", report.red, Percent(100 if report.red else 0), ""],
    )


RED_HEADERS = [
    "Timescale",
    "Action ID",
    "Red since",
    "Key Action",
    "Lead",
    "Agency Involvement",
    "Commentary",
]


def red_actions_by_priority(report: ExceptionReport) -> list[tuple[str, Table]]:
    """The appendix: the Red actions of each priority that has any."""
    groups: dict[int, list[list[Cell]]] = {}
    for a in report.red_actions:
        groups.setdefault(a.priority, []).append(
            [a.timescale, a.action_id, day_name(a.red_since), a.key_action, a.lead, a.agencies, commentary(a)]
        )
    return [
        (
            report.priority_name(number),
            Table(
                "Red actions", f"Red actions: {report.priority_name(number)}", RED_HEADERS, rows, wide={3, 6}
            ),
        )
        for number, rows in groups.items()
    ]


def red_actions(report: ExceptionReport) -> Table:
    """Every Red action in one table, with its priority, for a spreadsheet."""
    return Table(
        "Red actions",
        "Red actions",
        ["Priority", *RED_HEADERS],
        [
            [
                report.priority_name(a.priority),
                a.timescale,
                a.action_id,
                day_name(a.red_since),
                a.key_action,
                a.lead,
                a.agencies,
                commentary(a),
            ]
            for a in report.red_actions
        ],
        wide={4, 7},
    )


def commentary(action: RedAction) -> str:
    """A Red action's commentary, led by its immediate safeguarding risk and what is done about it."""
    if action.safeguarding_risk:
        return f"Immediate safeguarding risk: {action.risk_response}\n{action.commentary}".rstrip()
    return action.commentary


def movements(report: ExceptionReport) -> Table:
    rows: list[list[Cell]] = [[a, "Became Red", "Red"] for a in report.newly_red]
    rows += [[a, "No longer Red", now] for a, now in report.no_longer_red]
    return Table(
        "Changes",
        f"Changes since {month_name(report.previous_month)}",
        ["Action ID", "Change", f"Status in {month_name(report.month)}"],
        rows,
    )


MEASURE_RED = "Complete, but the measure it was meant to move is Red"
COMPLETION_WORDS = {"verified": "Verified", "awaiting": "Awaiting verification"}


def complete_but_red(report: ExceptionReport) -> Table:
    """Green actions whose linked performance indicator is Red."""
    return Table(
        "Complete, measure Red",
        MEASURE_RED,
        ["Action ID", "Key Action", "Lead", "Completion", "Measure rated Red"],
        [
            [c.action_id, c.key_action, c.lead, COMPLETION_WORDS.get(c.completion, ""), "\n".join(c.measures)]
            for c in report.complete_but_red
        ],
        wide={1, 4},
    )


def warnings(report: ExceptionReport) -> Table:
    return Table(
        "Warnings",
        "Statuses to check",
        ["Action ID", "Problem"],
        [[w.action_id, w.problem] for w in report.warnings],
        wide={1},
    )


SLIPPAGE = "Revised timescales (slippage)"
WITHDRAWN = "Withdrawn actions"


def slippage(report: ExceptionReport) -> Table:
    """Actions re-timed this month and in all, by priority, with the months their deadlines moved."""
    total = report.slippage_total
    return Table(
        "Slippage",
        f"Actions re-timed by priority, {month_name(report.month)}",
        ["Priority", "Re-timed this month", "Re-timed in all", "Months of slippage"],
        [
            [report.priority_name(r.priority), r.retimed_this_month, r.retimed, r.months]
            for r in report.slippage
        ],
        ["Total", total.retimed_this_month, total.retimed, total.months],
    )


def retimed(report: ExceptionReport) -> Table:
    return Table(
        "Re-timed",
        "Actions whose timescale has been revised",
        ["Action ID", "Original timescale", "Timescale now", "Revisions", "Months of slippage", "This month"],
        [
            [r.action_id, r.original, r.now, r.revisions, r.months, "Yes" if r.this_month else "No"]
            for r in report.retimed
        ],
    )


def withdrawn(report: ExceptionReport) -> Table:
    return Table(
        "Withdrawn",
        WITHDRAWN,
        ["Action ID", "Key Action", "Withdrawn from", "Why"],
        [[w.action_id, w.key_action, month_name(w.since), w.why] for w in report.withdrawn],
        wide={1, 3},
    )
