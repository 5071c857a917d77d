"""A table laid out once, for every format to render: Word, Excel, Markdown and HTML each only format it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

Cell = str | int | Decimal | None  # None: an empty cell in a spreadsheet


@dataclass(frozen=True)
class Table:
    name: str  # short, for a sheet tab: "Table 1"
    caption: str
    headers: list[str]
    rows: list[list[Cell]]
    total: list[Cell] | None = None
    wide: set[int] = field(default_factory=set)  # columns of long text

    @property
    def body(self) -> list[list[Cell]]:
        """Its rows, then its total row if it has one."""
        return [*self.rows, *([self.total] if self.total else [])]
