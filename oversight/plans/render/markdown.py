"""The exception report as Markdown, for email, wikis and version control."""

from __future__ import annotations

from oversight.lib.markdown import cell, paragraph, table
from oversight.lib.months import month_name
from oversight.plans import exception_narrative as narrative
from oversight.plans.exception_report import ExceptionReport
from oversight.plans.render import tables
from oversight.plans.render.sections import later_sections


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
        out += [narrative.NO_RED, ""]
    for name, t in groups:
        out += [f"### {cell(name)}", "", *table(t)]
    for section in later_sections(report):
        out += [f"## {cell(section.heading)}", "", paragraph(section.text)]
        for t in section.tables:
            out += table(t)
    for heading, appendix in narrative.more_appendices(report):
        out += [f"## {cell(heading)}", "", *[paragraph(p) for p in appendix.paragraphs]]
        for t in appendix.tables:
            out += table(t)
    return "\n".join(out).rstrip("\n").encode() + b"\n"
