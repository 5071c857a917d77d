"""oversight import-plan FILE --plan SLUG: add or update a plan from a CSV or XLSX file."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from oversight.plans.management.commands._common import (
    actor_from,
    add_actor_argument,
    import_failed,
    iso_month,
    require_migrated,
)
from oversight.plans.plan_import import import_plan
from oversight.plans.tables import ImportFailed


class Command(BaseCommand):
    help = "Import an improvement plan (CSV or XLSX); re-importing updates it and records changes."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--plan", required=True, help="the plan's short name, e.g. bromley")
        parser.add_argument("--title", help="the plan's title")
        parser.add_argument("--council", help="the council's name")
        parser.add_argument(
            "--started", type=iso_month, help="the month the plan started, YYYY-MM (default: its first month)"
        )
        parser.add_argument("--sheet", help="the sheet to read (default: the first with a header)")
        add_actor_argument(parser)

    def handle(self, *args, **options):
        require_migrated()
        try:
            summary = import_plan(
                options["file"],
                options["plan"],
                actor_from(options),
                title=options["title"],
                council=options["council"],
                started=options["started"],
                sheet=options["sheet"],
                progress=lambda message: self.stderr.write(f"... {message}"),
            )
        except ImportFailed as error:
            raise import_failed(error) from None
        self.stdout.write("\n".join(summary.lines()))
