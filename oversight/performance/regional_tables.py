"""A region's figures (annex_a/region.py) as tables: one for every measure, the councils side by side
by rank with the region's figure as the total, and one table of them all for a CSV file."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from openpyxl import Workbook

from oversight.annex_a.region import RegionalMeasure
from oversight.lib.csv_tables import table_csv
from oversight.lib.excel import add_sheet
from oversight.lib.tables import Cell, Percent, Table

HEADERS = ["Rank", "Council", "Met", "Counted", "%", "Left out"]


def _percent(value: Decimal | None) -> Cell:
    return Percent(value) if value is not None else "-"


def measure_table(number: int, measure: RegionalMeasure, as_at: date) -> Table:
    better = "higher" if measure.higher_is_better else "lower"
    return Table(
        f"Measure {number}",
        f"{measure.name}, as at {as_at:%d %B %Y} ({better} is better)",
        HEADERS,
        [
            [
                c.rank if c.rank is not None else "-",
                c.council,
                c.numerator,
                c.denominator,
                _percent(c.percent),
                c.left_out,
            ]
            for c in measure.councils
        ],
        total=[
            "",
            "The region",
            measure.numerator,
            measure.denominator,
            _percent(measure.percent),
            measure.left_out,
        ],
    )


def all_measures_table(measures: list[RegionalMeasure], as_at: date) -> Table:
    rows: list[list[Cell]] = []
    for measure in measures:
        for c in measure.councils:
            rows.append(
                [
                    measure.key,
                    measure.name,
                    c.council,
                    c.rank if c.rank is not None else "",
                    c.numerator,
                    c.denominator,
                    _percent(c.percent),
                    c.left_out,
                ]
            )
        rows.append(
            [
                measure.key,
                measure.name,
                "The region",
                "",
                measure.numerator,
                measure.denominator,
                _percent(measure.percent),
                measure.left_out,
            ]
        )
    return Table(
        "Region",
        f"Annex A measures of the region's councils as at {as_at:%d %B %Y}",
        ["Measure", "Name", "Council", "Rank", "Met", "Counted", "%", "Left out"],
        rows,
    )


def regional_csv(measures: list[RegionalMeasure], as_at: date) -> bytes:
    return table_csv(all_measures_table(measures, as_at))


def regional_xlsx(measures: list[RegionalMeasure], as_at: date) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for number, measure in enumerate(measures, start=1):
        add_sheet(book, measure_table(number, measure, as_at))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def regional_markdown(measures: list[RegionalMeasure], as_at: date) -> str:
    lines = []
    for number, measure in enumerate(measures, start=1):
        table = measure_table(number, measure, as_at)
        lines += [
            f"## {table.caption}",
            "",
            "| " + " | ".join(table.headers) + " |",
            "|" + " --- |" * len(table.headers),
        ]
        lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in table.body]
        lines.append("")
    return "\n".join(lines)
