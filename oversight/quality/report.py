"""The monthly Quality Assurance report for the board: what was audited, how well, what moderation
changed, what deep dives found; computed once from the programme's summary into sentences and tables,
which the HTML page and the Word paper only render."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from oversight.lib.months import month_name, short_month_name
from oversight.lib.numbers import counted
from oversight.lib.tables import Cell, Figure, Table
from oversight.quality.charts import TrendChart, trend_chart
from oversight.quality.figures import Completion, Share
from oversight.quality.summary import Summary


@dataclass(frozen=True)
class DeepDive:
    title: str
    kind: str
    question: str
    findings: str
    audits: int
    done: int
    good: Share


@dataclass(frozen=True)
class Extras:
    """What the report says beyond the figures: this month's deep dives, the concerns raised, and the
    case actions open across every month."""

    deep_dives: tuple[DeepDive, ...] = ()
    concerns: int = 0
    open_actions: int = 0
    overdue_actions: int = 0


@dataclass(frozen=True)
class QualityReport:
    council: str
    title: str  # "Quality assurance report, November 2026"
    month: date
    sentences: tuple[str, ...]
    chart: TrendChart
    chart_table: Table
    tables: tuple[tuple[str, Table], ...]  # each with its heading
    deep_dives: tuple[DeepDive, ...]


def share_cell(share: Share) -> Cell:
    return Figure(f"{share.percent}% ({share.part:,} of {share.whole:,})") if share.whole else "none"


def _were(count: int, noun: str) -> str:
    return f"{counted(count, noun)} {'was' if count == 1 else 'were'}"


def sentences(summary: Summary, extras: Extras) -> tuple[str, ...]:
    month = month_name(summary.month)
    c: Completion = summary.completion
    said = []
    if not c.planned:
        said.append(f"No case audits were planned in {month}.")
    else:
        said.append(
            f"In {month}, {_were(c.planned, 'case audit')} planned and {c.done:,} completed"
            + (f"; {c.overdue:,} {'is' if c.overdue == 1 else 'are'} overdue." if c.overdue else ".")
        )
        if c.due:
            said.append(
                f"Of the {counted(c.due, 'audit')} due by {summary.day:%-d %B %Y}, {c.on_time:,}"
                f" {'was' if c.on_time == 1 else 'were'} completed on time ({c.on_time_share.percent}%)."
            )
    good = summary.good
    if good.whole:
        before = summary.good_trend.get(summary.months[-2]) if len(summary.months) > 1 else None
        compared = (
            f", against {before.percent}% in {month_name(summary.months[-2])}"
            if before and before.whole
            else ""
        )
        said.append(
            f"{good.part:,} of the {counted(good.whole, 'audit')} graded ({good.percent}%) were graded"
            f" good or better{compared}; over the twelve months, {summary.year.percent}%"
            f" ({summary.year.part:,} of {summary.year.whole:,})."
        )
    moderated = summary.moderation
    if moderated.moderated:
        said.append(
            f"{_were(moderated.moderated, 'audit')} moderated; moderation changed the grade of"
            f" {moderated.changed:,} ({moderated.change_rate.percent}%)."
        )
    said.append(
        (
            f"{_were(extras.concerns, 'immediate safeguarding concern')} raised"
            if extras.concerns
            else "No immediate safeguarding concern was raised"
        )
        + f"; {counted(extras.open_actions, 'case action')}"
        + f" {'is' if extras.open_actions == 1 else 'are'} open"
        + (f", {extras.overdue_actions:,} overdue." if extras.overdue_actions else ".")
    )
    return tuple(said)


def _trend_table(summary: Summary) -> Table:
    return Table(
        "Trend",
        "The programme month by month: audits planned, completed, completed on time, and graded good or"
        " better",
        ["Month", "Planned", "Completed", "Completed on time", "Good or better"],
        [
            [month_name(m), c.planned, c.done, share_cell(c.on_time_share), share_cell(good)]
            for m, c, good in summary.trend_rows
        ],
    )


def _teams_table(summary: Summary) -> Table:
    month = short_month_name(summary.month)
    return Table(
        "Teams",
        f"Audits by team in {month_name(summary.month)}, and good or better over the twelve months",
        ["Team", "Planned", "Completed", "Overdue", f"Good or better, {month}", "Good or better, 12 months"],
        [
            [team, c.planned, c.done, c.overdue, share_cell(good), share_cell(year)]
            for team, c, good, year in summary.team_rows
        ],
    )


def _domains_table(summary: Summary) -> Table:
    return Table(
        "Domains",
        "Share of audits grading each domain good or better, by month",
        ["Domain", *(short_month_name(m) for m in summary.domain_months), "12 months"],
        [
            [domain, *(share_cell(s) for s in shares), share_cell(year)]
            for domain, shares, year in summary.domain_rows
        ],
    )


def _moderation_table(summary: Summary) -> Table:
    return Table(
        "Moderation",
        "Audits moderated by a second auditor, and how often the agreed grade differed from the auditor's",
        ["Period", "Moderated", "Grade changed", "Change rate"],
        [
            [
                month_name(summary.month),
                summary.moderation.moderated,
                summary.moderation.changed,
                share_cell(summary.moderation.change_rate),
            ],
            [
                "Twelve months",
                summary.moderation_year.moderated,
                summary.moderation_year.changed,
                share_cell(summary.moderation_year.change_rate),
            ],
        ],
    )


def quality_report(council: str, summary: Summary, extras: Extras) -> QualityReport:
    tables = [("Completion and grades by team", _teams_table(summary))]
    if summary.domains:
        tables.append(("Grades by domain", _domains_table(summary)))
    tables.append(("Moderation", _moderation_table(summary)))
    return QualityReport(
        council=council,
        title=f"Quality assurance report, {month_name(summary.month)}",
        month=summary.month,
        sentences=sentences(summary, extras),
        chart=trend_chart(summary),
        chart_table=_trend_table(summary),
        tables=tuple(tables),
        deep_dives=extras.deep_dives,
    )
