"""A region's figures over the Parquet files three councils export: each council's figures are its own
(as compute_measures gives them from its own database), the region's numerator and denominator are
their sums, and the councils are ranked by their figure."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from oversight.annex_a.engine import Engine
from oversight.annex_a.export import export_extracts
from oversight.annex_a.load import load_extract
from oversight.annex_a.measures import compute_measures
from oversight.annex_a.region import CouncilFigure, ranked, regional_measures
from oversight.demo import synthetic

AS_AT = date(2023, 3, 31)
COUNCILS = ("Anytown", "Bexbury", "Castleford")


def three_councils(folder: Path, shared: Path) -> dict[str, Engine]:
    """Three councils' made-up extracts (each its own seed: different figures), each loaded into its own
    database in `folder` and exported into the region's folder `shared`, as each council would do; and
    one more date of Anytown's. Each council's database."""
    engines = {}
    for seed, council in enumerate(COUNCILS, start=1):
        paths = synthetic.generate(folder / council, AS_AT, synthetic.small_council(AS_AT), seed=seed)
        engine = Engine(folder / f"{council}.duckdb")
        engine = Engine(engine.database, replace(engine.settings, pseudonym_key=f"{council}'s own key"))
        load_extract(engine, list(paths.values()), council, AS_AT)
        export_extracts(engine, shared)
        engines[council] = engine
    later = synthetic.generate(
        folder / "later", date(2023, 6, 30), synthetic.small_council(date(2023, 6, 30)), 9
    )
    load_extract(engines["Anytown"], list(later.values()), "Anytown", date(2023, 6, 30))
    export_extracts(engines["Anytown"], shared, "Anytown", date(2023, 6, 30))
    return engines


@pytest.fixture(scope="module")
def region(tmp_path_factory):
    folder = tmp_path_factory.mktemp("region")
    return folder / "shared", three_councils(folder, folder / "shared")


def test_each_councils_regional_figures_are_its_own_and_the_region_is_their_sum(region) -> None:
    shared, engines = region
    measures = regional_measures(shared, AS_AT, engines["Anytown"].settings)
    own = {
        council: {m.key: m for m in compute_measures(engine, council, AS_AT)}
        for council, engine in engines.items()
    }
    assert {m.key for m in measures} == set(own["Anytown"])  # every measure
    for measure in measures:
        assert sorted(c.council for c in measure.councils) == list(COUNCILS)  # the later date left out
        for figure in measure.councils:
            mine = own[figure.council][measure.key]
            assert (figure.numerator, figure.denominator, figure.left_out) == (
                mine.numerator,
                mine.denominator,
                mine.left_out_count,
            ), (measure.key, figure.council)
        assert measure.numerator == sum(own[c][measure.key].numerator for c in COUNCILS)
        assert measure.denominator == sum(own[c][measure.key].denominator for c in COUNCILS)
        assert measure.denominator > 0


def test_the_councils_named_are_the_region(region) -> None:
    shared, engines = region
    measures = regional_measures(shared, AS_AT, engines["Anytown"].settings, ["Bexbury", "Castleford"])
    assert all(sorted(c.council for c in m.councils) == ["Bexbury", "Castleford"] for m in measures)


def test_councils_are_ranked_best_first_sharing_a_rank_for_the_same_figure() -> None:
    figures = [
        CouncilFigure("Anytown", 8, 10, 0, None),
        CouncilFigure("Bexbury", 9, 10, 1, None),
        CouncilFigure("Castleford", 4, 5, 0, None),
        CouncilFigure("Dunmore", 0, 0, 3, None),
        CouncilFigure("Elmbridge", 1, 10, 0, None),
    ]
    best_high = [(f.council, f.rank) for f in ranked(figures, higher_is_better=True)]
    assert best_high == [
        ("Bexbury", 1),
        ("Anytown", 2),
        ("Castleford", 2),
        ("Elmbridge", 4),
        ("Dunmore", None),
    ]
    best_low = [(f.council, f.rank) for f in ranked(figures, higher_is_better=False)]
    assert best_low == [
        ("Elmbridge", 1),
        ("Anytown", 2),
        ("Castleford", 2),
        ("Bexbury", 4),
        ("Dunmore", None),
    ]
