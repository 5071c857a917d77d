"""A region's figures from the Parquet files its councils export (export.py): every measure for many
councils as at one date, one query a measure over all of them — each council's numerator, denominator
and rows left out side by side, the region's figure (the sums), and each council's rank. Only these
aggregates come out: no child's row leaves the query.

The same SQL runs over the same layout on a distributed engine (Spark SQL, Trino) when a region's files
outgrow one machine: see the README."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb

from oversight.annex_a.engine import EngineSettings, duckdb_config
from oversight.annex_a.measures import definitions, measure_rows_sql, with_calendar
from oversight.lib.numbers import exact_percent


@dataclass(frozen=True)
class CouncilFigure:
    council: str
    numerator: int
    denominator: int
    left_out: int
    rank: int | None  # 1 the best; councils with nothing counted have none

    @property
    def percent(self) -> Decimal | None:
        return exact_percent(self.numerator, self.denominator)


@dataclass(frozen=True)
class RegionalMeasure:
    key: str
    name: str
    higher_is_better: bool
    councils: list[CouncilFigure]  # by rank, then name

    @property
    def numerator(self) -> int:
        return sum(c.numerator for c in self.councils)

    @property
    def denominator(self) -> int:
        return sum(c.denominator for c in self.councils)

    @property
    def left_out(self) -> int:
        return sum(c.left_out for c in self.councils)

    @property
    def percent(self) -> Decimal | None:
        return exact_percent(self.numerator, self.denominator)


def regional_measures(
    folder: Path, as_at: date, settings: EngineSettings, councils: Sequence[str] | None = None
) -> list[RegionalMeasure]:
    """Every measure with rows in scope, for every council in `folder` with an extract as at `as_at`
    (or those named)."""
    found = []
    with duckdb.connect(config=duckdb_config(settings)) as con:
        with_calendar(con, settings)
        parameters: dict[str, object] = {"as_at": as_at}
        chosen = "as_at = $as_at"
        if councils is not None:
            chosen += " AND council IN (SELECT unnest($councils))"
            parameters["councils"] = list(councils)
        for definition in definitions(settings.cp_visit_working_days):
            files = folder / f"list_{definition.list_number}"
            if not any(files.glob("*/*/*.parquet")):
                continue
            pattern = str(files / "*" / "*" / "*.parquet").replace("'", "''")
            source = f"read_parquet('{pattern}', hive_partitioning = true, union_by_name = true)"
            counted = con.execute(
                measure_rows_sql(definition, True, source, chosen)
                + "SELECT council, count(*) FILTER (WHERE left_out IS NULL), count(*) FILTER (WHERE met),"
                " count(*) FILTER (WHERE left_out IS NOT NULL) FROM measured GROUP BY council",
                parameters,
            ).fetchall()
            if counted:
                figures = [
                    CouncilFigure(c, int(met), int(rows), int(out), None) for c, rows, met, out in counted
                ]
                found.append(
                    RegionalMeasure(
                        definition.key,
                        definition.name,
                        definition.higher_is_better,
                        ranked(figures, definition.higher_is_better),
                    )
                )
    return found


def ranked(figures: list[CouncilFigure], higher_is_better: bool) -> list[CouncilFigure]:
    """The councils by their figure, best first, with their rank (councils with the same figure share
    it, the next rank skipping as many: 1, 2, 2, 4); councils with nothing counted last, unranked."""
    scored = [f for f in figures if f.denominator]
    scored.sort(key=lambda f: (-(f.percent or 0) if higher_is_better else (f.percent or 0), f.council))
    result: list[CouncilFigure] = []
    for index, figure in enumerate(scored):
        same = index and scored[index - 1].percent == figure.percent
        rank = result[-1].rank if same else index + 1
        result.append(
            CouncilFigure(figure.council, figure.numerator, figure.denominator, figure.left_out, rank)
        )
    unranked = sorted((f for f in figures if not f.denominator), key=lambda f: f.council)
    return result + unranked
