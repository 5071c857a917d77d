"""The website's view of the small Annex A extract (tests/annex_a/conftest.py): loaded into a DuckDB file
of the test's own, which the site's settings name."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.annex_a.conftest import load_small_extract


@pytest.fixture
def extract(write_csv, tmp_path) -> Path:
    """The small extract, in a DuckDB file of the test's own."""
    return load_small_extract(write_csv, tmp_path / "m.duckdb")


@pytest.fixture
def annex_a(plan, extract, settings):
    """The demo plan is Anytown's, and Anytown's small extract as at 31 May 2023 is loaded."""
    settings.ANNEX_A_DATABASE = extract
    plan.council = "Anytown"
    plan.save(update_fields=["council"])
    return plan


@pytest.fixture
def uploads_database(settings, tmp_path, plan, private_files, worker_queue) -> Path:
    """The demo plan is Anytown's, with an Annex A database of the test's own and nothing loaded yet:
    for the extracts uploaded on the website. The database's path."""
    settings.ANNEX_A_DATABASE = tmp_path / "annex_a.duckdb"
    plan.council = "Anytown"
    plan.save(update_fields=["council"])
    return settings.ANNEX_A_DATABASE


def computed(plan, name: str, measure: str, frequency: str = "monthly", polarity: str = "higher", **more):
    """An indicator computed from an Annex A measure, with a target of 90."""
    from oversight.performance.models import Indicator

    return Indicator.objects.create(
        plan=plan, name=name, service_area="Safeguarding", polarity=polarity, target=Decimal(90),
        frequency=frequency, source=Indicator.Source.ANNEX_A, measure=measure, **more,
    )  # fmt: skip
