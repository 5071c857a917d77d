"""oversight import-indicators FILE --plan SLUG: add or update the scorecard's indicators from a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from oversight.lib.problems import ImportFailed
from oversight.performance.indicator_import import import_indicators
from oversight.plans.management.commands._common import (
    actor_from,
    add_actor_argument,
    import_failed,
    require_migrated,
)


class Command(BaseCommand):
    help = (
        "Import indicators (CSV or XLSX: Indicator, Service area, and optionally Definition, Unit, Polarity,"
        " Target, Amber tolerance, Frequency, Owner, Source, Annex A measure, England, Statistical"
        " neighbours, Region, Comparators year, Actions, Recommendations). Indicators the plan has, by"
        " name, are updated."
    )
    importer: staticmethod[..., Any] = staticmethod(import_indicators)  # import-indicator-values runs another

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--plan", required=True, help="the plan whose scorecard it is")
        parser.add_argument("--sheet", help="the sheet to read (default: the first with a header)")
        add_actor_argument(parser)

    def handle(self, *args, **options):
        require_migrated()
        try:
            summary = self.importer(
                options["file"], options["plan"], actor_from(options), sheet=options["sheet"]
            )
        except ImportFailed as error:
            raise import_failed(error) from None
        self.stdout.write("\n".join(summary.lines()))
