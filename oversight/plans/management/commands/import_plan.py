"""oversight import-plan FILE --plan SLUG: add or update a plan from a CSV or XLSX file, with its
inspection's recommendations when they are given (--recommendations FILE --published DATE)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from oversight.lib.problems import ImportFailed
from oversight.plans import plan_links
from oversight.plans.management.commands._common import (
    actor_from,
    add_actor_argument,
    import_failed,
    iso_date,
    iso_month,
    require_migrated,
)
from oversight.plans.plan_import import import_plan
from oversight.plans.plan_links import Recommendations


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
        parser.add_argument(
            "--recommendations",
            type=Path,
            metavar="FILE",
            help="the inspection's recommendations, imported with the plan (as import-recommendations reads"
            " them), so that the plan's Ofsted Recommendations column can link to them in one go",
        )
        parser.add_argument(
            "--published", type=iso_date, help="with --recommendations: the inspection report's date"
        )
        parser.add_argument("--framework", default="SIF", choices=plan_links.frameworks())
        parser.add_argument(
            "--as-at",
            type=iso_date,
            help="with --recommendations: the date of its updates, if its header has none",
        )
        add_actor_argument(parser)

    def handle(self, *args, **options):
        require_migrated()
        recommendations = None
        if options["recommendations"] is not None:
            if options["published"] is None:
                raise CommandError("--recommendations needs --published, the inspection report's date")
            recommendations = Recommendations(
                Path(options["recommendations"]),
                options["published"],
                options["framework"],
                as_at=options["as_at"],
            )
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
                recommendations=recommendations,
            )
        except ImportFailed as error:
            raise import_failed(error) from None
        self.stdout.write("\n".join(summary.lines()))
