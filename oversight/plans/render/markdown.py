"""The exception report as Markdown, for email, wikis and version control."""

from __future__ import annotations

import re

from oversight.lib.months import month_name
from oversight.plans import exception_narrative as narrative
from oversight.plans.exception_report import ExceptionReport
from oversight.plans.render import tables
from oversight.plans.render.tables import Table

# what Markdown reads as emphasis, code, links, headings, tables or strike-through
_ACTIVE = re.compile(r"([\\`*_\[\]|~#])")


def inline(value: object) -> str:
    """Text shown as written inside Markdown: HTML shown as text, Markdown's marks escaped."""
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _ACTIVE.sub(r"\\\1", text)


def cell(value: object) -> str:
    """Text safe inside a Markdown table: marks and pipes escaped, HTML shown as text, lines kept."""
    return inline(value).replace("\r", "").replace("\n", "<br>")


def paragraph(text: str) -> str:
    """A sentence of the analysis, which quotes priorities' titles as the plan gives them."""
    return " ".join(inline(text).split()) + "\n"


def table(t: Table) -> list[str]:
    lines = [
        f"**{cell(t.caption)}**",
        "",
        "| " + " | ".join(cell(h) for h in t.headers) + " |",
        "|"
        + "|".join(" ---: " if isinstance(v, int) else " --- " for v in (t.rows[0] if t.rows else t.headers))
        + "|",
    ]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in t.rows]
    if t.total:
        lines.append("| " + " | ".join(f"**{cell(v)}**" if v != "" else "" for v in t.total) + " |")
    return [*lines, ""]


def render(report: ExceptionReport) -> bytes:
    text = narrative.analysis(report)
    out = [f"# {cell(report.title)}: exception report, {month_name(report.month)}", ""]
    if report.council:
        out += [f"{cell(report.council)}. Plan `{report.plan}`, as at {report.as_at:%-d %B %Y}.", ""]
    else:
        out += [f"Plan `{report.plan}`, as at {report.as_at:%-d %B %Y}.", ""]
    out += ["## Background", "", *[paragraph(p) for p in narrative.background(report)]]
    out += ["## Analysis", "", *[paragraph(p) for p in text["summary"]]]
    out += table(tables.table1(report)) + [paragraph(p) for p in text["table1"]]
    out += table(tables.table2(report)) + [paragraph(p) for p in text["table2"]]
    out += table(tables.table3(report)) + [paragraph(p) for p in text["table3"]]
    out += ["## Red actions by priority", ""]
    groups = tables.red_actions_by_priority(report)
    if not groups:
        out += ["No due action is RAG rated Red.", ""]
    for name, t in groups:
        out += [f"### {cell(name)}", "", *table(t)]
    if report.complete_but_red:
        out += [f"## {tables.MEASURE_RED}", "", *table(tables.complete_but_red(report))]
    if report.warnings:
        out += ["## Statuses to check", "", *table(tables.warnings(report))]
    return "\n".join(out).rstrip("\n").encode() + b"\n"
