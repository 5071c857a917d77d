"""The Annex A measures as JSON, CSV, Excel, Word, PDF or Markdown: each formats the one computation."""

from __future__ import annotations

import io
import json
from dataclasses import asdict
from datetime import date

from django.template.loader import render_to_string
from openpyxl import Workbook

from oversight.annex_a.measures import Measure
from oversight.lib.csv_tables import table_csv
from oversight.lib.excel import add_sheet
from oversight.lib.pdf import pdf_from_html
from oversight.lib.tables import Cell, Percent, Table
from oversight.lib.word import DEFAULT_LOOK, Look, Paper, add_paragraphs, add_table, new_paper, saved
from oversight.plans.render.paper import paper_context

FORMATS = ("json", "csv", "xlsx", "docx", "pdf", "md")
TITLE = "Annex A measures"
ABOUT = (
    "Each measure counts the children in its Annex A list whose case meets it (the numerator) out of those"
    " it applies to (the denominator). A record whose dates cannot be read is left out of the measure, and"
    " counted, with the reason, under 'Left out'."
)


def _percent(value: int | None) -> Cell:
    return "" if value is None else Percent(value)


def _summary(measures: list[Measure]) -> Table:
    return Table(
        "Measures",
        "Annex A measures",
        [
            "Measure",
            "Numerator",
            "Denominator",
            "Percentage",
            "Better when",
            "Distribution (working days)",
            "Left out",
            "Why left out",
        ],
        [
            [
                m.name,
                m.numerator,
                m.denominator,
                _percent(m.percent),
                "higher" if m.higher_is_better else "lower",
                "; ".join(f"{label}: {count}" for label, count in m.distribution),
                m.left_out_count,
                "; ".join(f"{why} ({count})" for why, count in m.left_out),
            ]
            for m in measures
        ],
        wide={0, 5, 7},
    )


def _by_team(measures: list[Measure]) -> Table:
    return Table(
        "By team",
        "Each measure by allocated team",
        ["Measure", "Team", "Numerator", "Denominator", "Percentage"],
        [
            [m.name, b.name, b.numerator, b.denominator, _percent(b.percent)]
            for m in measures
            for b in m.by_team
        ],
        wide={0},
    )


def render(
    measures: list[Measure], fmt: str, council: str = "", as_at: date | None = None, look: Look = DEFAULT_LOOK
) -> bytes:
    if fmt == "json":
        rows = [{**asdict(m), "percent": m.percent, "in_scope": m.in_scope} for m in measures]
        return (json.dumps(rows, indent=1, ensure_ascii=False) + "\n").encode()
    if fmt == "csv":
        return table_csv(_summary(measures))
    if fmt == "xlsx":
        book = Workbook()
        book.remove(book.active)
        add_sheet(book, _summary(measures))
        add_sheet(book, _by_team(measures))
        out_bytes = io.BytesIO()
        book.save(out_bytes)
        return out_bytes.getvalue()
    when = f"{as_at:%-d %B %Y}" if as_at else ""
    paper = Paper(council, TITLE, when, look)
    if fmt == "docx":
        doc = new_paper(paper, wide=True)
        doc.add_heading(f"{TITLE}, {when}" if when else TITLE, 0)
        add_paragraphs(doc, [ABOUT])
        add_table(doc, _summary(measures))
        add_table(doc, _by_team(measures))
        return saved(doc)
    if fmt == "pdf":
        html = render_to_string(
            "performance/annex_a_measures_paper.html",
            {
                **paper_context(paper),
                "heading": f"{TITLE}, {when}" if when else TITLE,
                "about": ABOUT,
                "tables": [_summary(measures), _by_team(measures)],
            },
        )
        return pdf_from_html(html)
    if fmt == "md":
        lines = []
        for table in (_summary(measures), _by_team(measures)):
            lines += [f"**{table.caption}**", "", "| " + " | ".join(table.headers) + " |"]
            lines.append("| " + " | ".join("---" for _ in table.headers) + " |")
            lines += ["| " + " | ".join(str(v).replace("|", "\\|") for v in row) + " |" for row in table.rows]
            lines.append("")
        return "\n".join(lines).encode()
    raise ValueError(f"format is one of {', '.join(FORMATS)}, not '{fmt}'")
