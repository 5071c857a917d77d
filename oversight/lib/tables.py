"""A table laid out once, for every format to render: Word, Excel, PDF, Markdown and HTML each only
format it.

A cell is text, a whole number, a decimal, or one of the kinds below, which read as the councils write
them ("9%", "+2", "−1", "no change", "Red") and which a spreadsheet keeps as numbers (a percentage as a
percentage) and a paper shades (a RAG rating's colour, with its word).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

MINUS = "\u2212"  # a true minus sign: a hyphen reads as a dash, or as "no change"


@dataclass(frozen=True)
class Percent:
    """A percentage as the report prints it, already rounded: 9 is '9%'."""

    value: int | Decimal

    def __str__(self) -> str:
        return f"{self.value}%"


@dataclass(frozen=True)
class Change:
    """A difference from the month before: '+2', '−1', or 'no change'."""

    value: int

    def __str__(self) -> str:
        if self.value == 0:
            return "no change"
        return f"+{self.value}" if self.value > 0 else f"{MINUS}{-self.value}"


@dataclass(frozen=True)
class Figure:
    """A figure already written as the report prints it ("16.3", "85%", "2 days"): aligned as a number."""

    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Rating:
    """A RAG rating: written as its word, and shaded in its colour (six hex digits) on paper; its code
    (R, A, G, W or none) names its colour on a page."""

    word: str
    fill: str
    code: str = "none"

    def __str__(self) -> str:
        return self.word


# the shading of each rating on paper and in a spreadsheet: the website's RAG tags' background colours
# (govuk-tag--red, --orange, --green, --grey), light enough for black text
RAG_FILLS = {"R": "F4CDC6", "A": "FCD6C3", "G": "CCE2D8", "W": "F3F2F1", "none": "E5E6E7"}


def rating(code: str | None, word: str) -> Rating:
    """A RAG rating by its code (R, A, G, W; anything else has none) and the word it is written as."""
    key = code if code in RAG_FILLS else "none"
    return Rating(word, RAG_FILLS[key], key)


Cell = str | int | Decimal | Percent | Change | Figure | Rating | None  # None: an empty cell in a spreadsheet
NUMBERS = (int, Decimal, Percent, Change, Figure)
NOT_A_NUMBER = {None, "", "-", "no data"}  # what a column of figures may hold where a figure is missing


def is_number(value: Cell) -> bool:
    return isinstance(value, NUMBERS) and not isinstance(value, bool)


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

    @property
    def numeric(self) -> set[int]:
        """The columns of figures (aligned to the right): every cell a number or a missing one, and at
        least one a number."""
        body = self.body
        return {
            column
            for column in range(len(self.headers))
            if any(is_number(row[column]) for row in body)
            and all(is_number(row[column]) or row[column] in NOT_A_NUMBER for row in body)
        }
