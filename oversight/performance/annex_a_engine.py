"""The Annex A engine as the site's settings shape it, for the website and the commands to pass into
every computation."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from oversight.annex_a.bands import DEFAULT_POLICY
from oversight.annex_a.engine import Engine, EngineSettings
from oversight.annex_a.measures import MeasureDefinition, definitions
from oversight.lib.spreadsheet_limits import Limits
from oversight.lib.working_days import england


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
            ),
            pseudonym_key=settings.ANNEX_A_PSEUDONYM_KEY,
            lock_wait=settings.ANNEX_A_LOCK_WAIT,
        ),
    )


def annex_a_measures() -> dict[str, MeasureDefinition]:
    """The measures an indicator can be computed from, by key, with the site's standards."""
    return {d.key: d for d in definitions(annex_a_engine().settings.cp_visit_working_days)}
