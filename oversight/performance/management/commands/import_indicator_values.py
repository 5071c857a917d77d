"""oversight import-indicator-values FILE --plan SLUG: record indicators' values from a file."""

from __future__ import annotations

from oversight.performance.indicator_import import import_indicator_values
from oversight.performance.management.commands import import_indicators


class Command(import_indicators.Command):
    help = (
        "Import indicators' values (CSV or XLSX): Indicator, Period and Value columns, or an Indicator"
        " column then one column per month headed like 2018-01, Jan 2018 or January 2018. Blank cells"
        " are skipped; values the plan already has are not recorded again."
    )
    importer = staticmethod(import_indicator_values)
