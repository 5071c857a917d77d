"""The Annex A measures as JSON, CSV, Excel or Markdown: each formats the one computation."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict

from openpyxl import Workbook

from oversight.annex_a.measures import Measure
from oversight.lib.excel import add_sheet
from oversight.lib.tables import Table

FORMATS = ("json", "csv", "xlsx", "md")


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
                "" if m.percent is None else f"{m.percent}%",
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
            [m.name, b.name, b.numerator, b.denominator, "" if b.percent is None else f"{b.percent}%"]
            for m in measures
            for b in m.by_team
        ],
        wide={0},
    )


def render(measures: list[Measure], fmt: str) -> bytes:
    if fmt == "json":
        rows = [{**asdict(m), "percent": m.percent, "in_scope": m.in_scope} for m in measures]
        return (json.dumps(rows, indent=1, ensure_ascii=False) + "\n").encode()
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        table = _summary(measures)
        writer.writerow(table.headers)
        # a value starting with =, +, - or @ would be a formula in a spreadsheet: quote it as text
        writer.writerows([f"'{v}" if str(v)[:1] in "=+-@" else v for v in row] for row in table.rows)
        return out.getvalue().encode("utf-8-sig")
    if fmt == "xlsx":
        book = Workbook()
        book.remove(book.active)
        add_sheet(book, _summary(measures))
        add_sheet(book, _by_team(measures))
        out_bytes = io.BytesIO()
        book.save(out_bytes)
        return out_bytes.getvalue()
    if fmt == "md":
        lines = []
        for table in (_summary(measures), _by_team(measures)):
            lines += [f"**{table.caption}**", "", "| " + " | ".join(table.headers) + " |"]
            lines.append("| " + " | ".join("---" for _ in table.headers) + " |")
            lines += ["| " + " | ".join(str(v).replace("|", "\\|") for v in row) + " |" for row in table.rows]
            lines.append("")
        return "\n".join(lines).encode()
    raise ValueError(f"format is one of {', '.join(FORMATS)}, not '{fmt}'")
