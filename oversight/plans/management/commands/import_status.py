"""oversight import-status FILE --plan SLUG --as-at DATE: record a month's RAG statuses."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from oversight.lib.problems import ImportFailed
from oversight.plans.management.commands._common import (
    actor_from,
    add_actor_argument,
    import_failed,
    iso_date,
    require_migrated,
)
from oversight.plans.status_import import import_statuses


class Command(BaseCommand):
    help = "Import a status file (Action ID, RAG, Commentary) as at a date."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--plan", required=True)
        parser.add_argument("--as-at", required=True, type=iso_date, help="YYYY-MM-DD")
        parser.add_argument("--sheet")
        add_actor_argument(parser)

    def handle(self, *args, **options):
        require_migrated()
        try:
            summary = import_statuses(
                options["file"],
                options["plan"],
                options["as_at"],
                actor_from(options),
                sheet=options["sheet"],
                progress=lambda message: self.stderr.write(f"... {message}"),
            )
        except ImportFailed as error:
            raise import_failed(error) from None
        self.stdout.write("\n".join(summary.lines()))
