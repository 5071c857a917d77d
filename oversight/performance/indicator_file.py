"""Reads a file of indicators as councils keep their scorecard's definitions: a row an indicator, with
its service area, unit, polarity, target, owner, comparators and links. Pure: the plan's people and
the Annex A measures come in as plain data; every problem is collected before any is reported."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from oversight.lib.problems import ImportFailed, Problem
from oversight.lib.spreadsheets import Column, Located, cell_text, locate, read_sheets
from oversight.performance.indicator_form import number
from oversight.performance.models import Indicator
from oversight.performance.scorecard import Polarity, Unit
from oversight.plans.reading_limits import reading_limits

INDICATOR = Column(
    "name", "Indicator", ("Indicator name", "Name", "KPI", "Performance indicator", "Measure name")
)
INDICATOR_COLUMNS = (
    INDICATOR,
    Column("service_area", "Service area", ("Area", "Service")),
    Column("definition", "Definition", ("Description", "Indicator definition"), required=False),
    Column("unit", "Unit", ("Units",), required=False),
    Column("polarity", "Polarity", ("Good is", "Better is", "Higher or lower is better"), required=False),
    Column("target", "Target", (), required=False),
    Column("tolerance", "Amber tolerance", ("Tolerance",), required=False),
    Column("frequency", "Frequency", ("Reporting frequency",), required=False),
    Column("owner", "Owner", ("Indicator owner",), required=False),
    Column("source", "Source", (), required=False),
    Column("measure", "Annex A measure", ("Annex A", "Measure key"), required=False),
    Column("england", "England", ("England average", "National"), required=False),
    Column(
        "statistical_neighbours",
        "Statistical neighbours",
        ("Stat neighbours", "Statistical neighbour", "SN", "SN average"),
        required=False,
    ),
    Column("region", "Region", ("Regional", "Region average"), required=False),
    Column(
        "comparators_year", "Comparators year", ("Comparator year", "Year of comparators"), required=False
    ),
    Column("actions", "Actions", ("Action IDs", "Action ID", "Plan actions"), required=False),
    Column(
        "recommendations",
        "Recommendations",
        ("Recommendation", "Recommendation numbers", "Ofsted recommendations"),
        required=False,
    ),
)
NUMBER_COLUMNS = ("target", "tolerance", "england", "statistical_neighbours", "region")
# Unit, polarity, tolerance, frequency and source always have a value: a blank cell keeps the one there
KEPT_WHEN_BLANK = ("unit", "polarity", "tolerance", "frequency", "source")

UNITS = {
    "%": Unit.PERCENTAGE, "percent": Unit.PERCENTAGE, "percentage": Unit.PERCENTAGE,
    "number": Unit.NUMBER, "count": Unit.NUMBER, "days": Unit.DAYS, "day": Unit.DAYS,
    "ratio": Unit.RATIO,
}  # fmt: skip
POLARITIES = {
    "higher": Polarity.HIGHER, "higherisbetter": Polarity.HIGHER, "high": Polarity.HIGHER,
    "lower": Polarity.LOWER, "lowerisbetter": Polarity.LOWER, "low": Polarity.LOWER,
}  # fmt: skip
FREQUENCIES = {
    "weekly": "weekly", "week": "weekly", "monthly": "monthly", "month": "monthly",
    "quarterly": "quarterly", "quarter": "quarterly",
}  # fmt: skip
SOURCES = {
    "entered": Indicator.Source.ENTERED, "enteredonthewebsite": Indicator.Source.ENTERED,
    "imported": Indicator.Source.IMPORTED, "importedfromafile": Indicator.Source.IMPORTED,
    "annexa": Indicator.Source.ANNEX_A, "computedfromannexa": Indicator.Source.ANNEX_A,
}  # fmt: skip
CHOICES: dict[str, dict[str, str]] = {
    key: {word: str(choice) for word, choice in words.items()}
    for key, words in (
        ("unit", UNITS),
        ("polarity", POLARITIES),
        ("frequency", FREQUENCIES),
        ("source", SOURCES),
    )
}


def name_key(name: str) -> str:
    """Indicator names are matched without regard to case or spacing."""
    return " ".join(name.split()).casefold()


def _word(text: str) -> str:
    return re.sub(r"[^a-z%]", "", text.lower())


def cell_number(value: object) -> Decimal | None:
    """A cell's number to the hundredth the scorecard keeps: 86, 86.5, '86%', '1,234'; None for a
    blank cell; ValueError for anything else."""
    if isinstance(value, bool):
        raise ValueError(value)
    text = repr(value) if isinstance(value, int | float) else cell_text(value).replace(",", "")
    if not text:
        return None
    found = number(text)
    if found is None:
        raise ValueError(value)
    return found.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator as its row gives it: `given` holds the form's values (see indicator_form) for
    the columns the file has and the cells that are not left blank where blank keeps a value."""

    row: int
    name: str
    given: dict[str, str]


@dataclass
class IndicatorFile:
    file: str
    sheet: str
    located: Located
    indicators: list[IndicatorRow]
    problems: list[Problem]  # of the rows not in `indicators`

    def column(self, key: str) -> str:
        if key in self.located.positions:
            return self.located.column_name(key)
        label = next(c.label for c in INDICATOR_COLUMNS if c.key == key)
        return f"{label} (not in the file)"


def read_indicator_file(
    path: Path, people: dict[str, str], measures: dict[str, str], sheet: str | None = None
) -> IndicatorFile:
    """The indicators in a file, each with its given values in the form's terms, and the problems
    of the rows left out for having one. `people` gives the user id (as text) of each username and
    email in the plan, in lower case; `measures` the Annex A measures by key."""
    located = locate(read_sheets(path, reading_limits(), sheet, percentages=True), INDICATOR_COLUMNS)
    found = IndicatorFile(located.sheet.file, located.sheet.name, located, [], [])
    seen: dict[str, int] = {}
    for row, cells in located.data_rows():
        name = cell_text(located.value(cells, "name"))
        where = located.column_name("name")
        if not name:
            found.problems.append(located.sheet.problem("expected the indicator's name", row, where))
            continue
        if name_key(name) in seen:
            first = seen[name_key(name)]
            found.problems.append(
                located.sheet.problem(f"'{name}' appears twice (first on row {first})", row, where)
            )
            continue
        seen[name_key(name)] = row
        problems: list[Problem] = []
        given = _given(located, row, cells, people, measures, problems)
        found.problems += problems
        if not problems:
            found.indicators.append(IndicatorRow(row, name, given))
    if not found.indicators and not found.problems:
        raise ImportFailed(
            [located.sheet.problem("there are no indicators under the header", located.header_row)]
        )
    return found


def _given(
    located: Located,
    row: int,
    cells: tuple[object, ...],
    people: dict[str, str],
    measures: dict[str, str],
    problems: list[Problem],
) -> dict[str, str]:
    given: dict[str, str] = {}
    for key in located.positions:
        raw = located.value(cells, key)
        text = cell_text(raw)
        if key == "name" or (key in KEPT_WHEN_BLANK and not text):
            continue
        try:
            given[key] = _form_value(key, raw, text, people, measures)
        except ValueError as error:
            problems.append(located.sheet.problem(str(error), row, located.column_name(key)))
    if given.get("measure") and "source" not in given:
        given["source"] = Indicator.Source.ANNEX_A  # a measure named says where the values come from
    elif given.get("measure") and given["source"] != Indicator.Source.ANNEX_A:
        problems.append(
            located.sheet.problem(
                "an Annex A measure is only for indicators whose source is Annex A",
                row,
                located.column_name("measure"),
            )
        )
    return given


def _form_value(key: str, raw: object, text: str, people: dict[str, str], measures: dict[str, str]) -> str:
    """A cell as the indicator form would hold it; ValueError saying what was expected."""
    if key in NUMBER_COLUMNS:
        try:
            found = cell_number(raw)
        except ValueError:
            raise ValueError(f"'{text}' is not a number: expected a number such as 90 or 90%") from None
        return "" if found is None else f"{found.normalize():f}"
    if key in CHOICES:
        found_choice = CHOICES[key].get(_word(text))
        if found_choice is None:
            raise ValueError(f"'{text}' is not a {key} Oversight knows: expected {_EXPECTED[key]}")
        return found_choice
    if key == "owner" and text:
        if text.casefold() not in people:
            raise ValueError(
                f"'{text}' has no role in this plan: expected the username or email of someone who has"
            )
        return people[text.casefold()]
    if key == "measure" and text:
        found_key = next((k for k in measures if k.casefold() == text.casefold()), None)
        if found_key is None:
            raise ValueError(f"'{text}' is not an Annex A measure: expected one of {', '.join(measures)}")
        return found_key
    return text


_EXPECTED = {
    "unit": "percentage (or %), number, days or ratio",
    "polarity": "Higher is better or Lower is better",
    "frequency": "weekly, monthly or quarterly",
    "source": "entered, imported or Annex A",
}
