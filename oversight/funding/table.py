"""The committee report's funding table, as Bromley's "Additional funding for children's social care":
each funding line with, for each financial year, its budget beside its spend (a year that has begun) or
what is committed (a year to come), in £'000, and its comment; then the totals. With each line's
variance and the share committed, for the tables that say how the money is going. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from oversight.lib.numbers import percent
from oversight.lib.tables import Cell, Figure, Table


class FundingRowLike(Protocol):
    """A row of a funding file (funding/funding_file.py), as far as the table needs it."""

    line: str
    year: str
    budget: int
    spend: int | None
    committed: int | None
    comment: str


def financial_year(day: date) -> str:
    """'2016/17' for any day from 1 April 2016 to 31 March 2017."""
    first = day.year if day.month >= 4 else day.year - 1
    return f"{first}/{(first + 1) % 100:02d}"


def year_starts(year: str) -> date:
    return date(int(year[:4]), 4, 1)


@dataclass(frozen=True)
class YearFigures:
    """A line's money in one financial year, in £'000; None where nothing is recorded."""

    budget: int | None = None
    spend: int | None = None
    committed: int | None = None


@dataclass(frozen=True)
class FundingLine:
    title: str  # "Phase one"
    years: dict[str, YearFigures] = field(default_factory=dict)
    comment: str = ""

    def in_year(self, year: str) -> YearFigures:
        return self.years.get(year, YearFigures())


def second_column(year: str, day: date) -> str:
    """What stands beside a year's budget as at `day`: its spend once the year has begun, else what is
    committed."""
    return "spend" if year_starts(year) <= day else "committed"


def funding_table(
    lines: Sequence[FundingLine], years: Sequence[str], day: date, caption: str, numbers: bool = False
) -> Table:
    """The table as the councils' papers set it out: a line a row, each year's budget and its spend or
    committed in £'000 ("1,171"; plain numbers with `numbers`, for a spreadsheet), the comment, and a
    total row."""

    def _thousands(value: int | None) -> Cell:
        if value is None:
            return None if numbers else ""
        return value if numbers else Figure(f"{value:,}")

    pairs = [(year, second_column(year, day)) for year in years]
    headers = ["Funding"]
    for year, second in pairs:
        headers += [f"{year} budget £'000", f"{year} {second} £'000"]
    headers.append("Comments")
    rows: list[list[Cell]] = []
    for line in lines:
        row: list[Cell] = [line.title]
        for year, second in pairs:
            figures = line.in_year(year)
            row += [_thousands(figures.budget), _thousands(getattr(figures, second))]
        rows.append([*row, line.comment])
    total: list[Cell] = ["Total"]
    for year, second in pairs:
        for name in ("budget", second):
            found = [getattr(line.in_year(year), name) for line in lines]
            total.append(
                _thousands(sum(v for v in found if v is not None))
                if any(v is not None for v in found)
                else ""
            )
    total.append("")
    return Table("Funding", caption, headers, rows, total=total, wide={len(headers) - 1})


@dataclass(frozen=True)
class Progress:
    """How a year's money is going: what is left of the budget, and the share spent or committed."""

    budget: int
    used: int  # spent, or committed

    @property
    def variance(self) -> int:
        return self.budget - self.used

    @property
    def share(self) -> int:
        return percent(self.used, self.budget)


def progress(lines: Sequence[FundingLine], year: str, day: date) -> Progress:
    second = second_column(year, day)
    budget = sum(line.in_year(year).budget or 0 for line in lines)
    used = sum(getattr(line.in_year(year), second) or 0 for line in lines)
    return Progress(budget, used)


def lines_of(rows: Sequence[FundingRowLike]) -> list[FundingLine]:
    """Funding lines from a file's rows (a row a line's year), in the order the file first names them."""
    lines: dict[str, tuple[str, dict[str, YearFigures], list[str]]] = {}
    for row in rows:
        title, years, comments = lines.setdefault(row.line.casefold(), (row.line, {}, []))
        years[row.year] = YearFigures(row.budget, row.spend, row.committed)
        if row.comment:
            comments.append(row.comment)
    return [FundingLine(title, years, " ".join(comments)) for title, years, comments in lines.values()]
