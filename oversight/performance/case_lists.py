"""The open cases of a council's loaded Annex A extracts, read for other apps through plans' registry
(plans/case_lists.py): quality assurance chooses its audit cohorts from them."""

from __future__ import annotations

from datetime import date

from oversight.annex_a.caseloads import open_cases
from oversight.annex_a.extracts import loaded_extracts
from oversight.performance.annex_a_engine import annex_a_engine


class AnnexACases:
    def extract_dates(self, council: str) -> list[date]:
        return [extract.as_at for extract in loaded_extracts(annex_a_engine(), council)]

    def open_cases(self, council: str, as_at: date) -> list[tuple[str, str, str]]:
        engine = annex_a_engine()
        return open_cases(engine, council, as_at) if engine.exists() else []
