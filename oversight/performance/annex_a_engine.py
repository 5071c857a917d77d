"""The Annex A engine as the site's settings shape it, for the website and the commands to pass into
every computation, and its measures of an extract as the website keeps them."""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from pathlib import Path

from django.conf import settings

from oversight.annex_a.bands import DEFAULT_POLICY
from oversight.annex_a.engine import Engine, EngineSettings
from oversight.annex_a.extracts import LoadedExtract
from oversight.annex_a.measures import Measure, MeasureDefinition, compute_measures, definitions
from oversight.lib.spreadsheet_limits import Limits
from oversight.lib.working_days import england
from oversight.plans.kept import kept


def annex_a_engine() -> Engine:
    """Built where it is used (a test's settings apply): cheap, as the calendar is made once."""
    return Engine(
        Path(settings.ANNEX_A_DATABASE),
        EngineSettings(
            cp_visit_working_days=settings.CP_VISIT_WORKING_DAYS,
            calendar=england(),
            caseload_bands=DEFAULT_POLICY,
            limits=Limits(
                unpacked_bytes=settings.ANNEX_A_MAX_UNPACKED_BYTES,
                cells=settings.ANNEX_A_MAX_CELLS,
                compression_ratio=settings.SPREADSHEET_MAX_COMPRESSION_RATIO,
                reader_memory=settings.SPREADSHEET_READER_MEMORY_BYTES,
            ),
            pseudonym_key=settings.ANNEX_A_PSEUDONYM_KEY,
            lock_wait=settings.ANNEX_A_LOCK_WAIT,
            memory_limit=settings.ANNEX_A_MEMORY_BYTES,
            temp_directory=Path(settings.ANNEX_A_TEMP_DIR) if settings.ANNEX_A_TEMP_DIR else None,
        ),
    )


def annex_a_measures() -> dict[str, MeasureDefinition]:
    """The measures an indicator can be computed from, by key, with the site's standards."""
    return {d.key: d for d in definitions(annex_a_engine().settings.cp_visit_working_days)}


def extract_measures(engine: Engine, extract: LoadedExtract, only: Collection[str]) -> list[Measure]:
    """compute_measures for a loaded extract, kept in the shared cache: an extract never changes once
    loaded (loading its council and date again gives it a new load time, and so a new key)."""
    parts = (
        extract.council,
        extract.as_at.isoformat(),
        extract.loaded.isoformat(),
        ",".join(map(str, extract.lists)),
        str(engine.settings.cp_visit_working_days),
        str(engine.database.resolve()),
        ",".join(sorted(only)),
    )
    key = "annex-a-measures:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return kept(key, lambda: compute_measures(engine, extract.council, extract.as_at, only=only))
