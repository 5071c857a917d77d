"""oversight import-recommendations FILE --plan SLUG --published DATE: an inspection's recommendations."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from oversight.governance.models import Inspection
from oversight.governance.recommendation_import import import_recommendations
from oversight.lib.problems import ImportFailed
from oversight.plans.management.commands._common import (
    actor_from,
    add_actor_argument,
    import_failed,
    iso_date,
    require_migrated,
)


def _judgements(given: list[str]) -> dict[str, str]:
    judgements = {}
    for text in given:
        area, sep, judgement = text.partition("=")
        if not sep or not area.strip() or not judgement.strip():
            raise CommandError(
                f"--judgement expects AREA=JUDGEMENT, e.g. 'Overall effectiveness=Inadequate', not '{text}'"
            )
        judgements[area.strip()] = judgement.strip()
    return judgements


class Command(BaseCommand):
    help = (
        "Import Ofsted's recommendations (CSV or XLSX: No, Recommendation, and optionally Putting Children "
        "First Pillars, Theme, Actions, 'Update at DD.MM.YYYY', Impact / Performance)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--plan", required=True, help="the plan the recommendations belong to")
        parser.add_argument("--published", required=True, type=iso_date, help="the inspection report's date")
        parser.add_argument("--framework", default="SIF", choices=Inspection.Framework.values)
        parser.add_argument(
            "--as-at", type=iso_date, help="the date of the updates, if the file's header has none"
        )
        parser.add_argument("--sheet", help="the sheet to read (default: the first with a header)")
        parser.add_argument(
            "--judgement",
            action="append",
            default=[],
            metavar="AREA=JUDGEMENT",
            help="a judgement of the inspection, e.g. 'Overall effectiveness=Inadequate'; repeatable",
        )
        add_actor_argument(parser)

    def handle(self, *args, **options):
        require_migrated()
        try:
            summary = import_recommendations(
                options["file"],
                options["plan"],
                options["published"],
                actor_from(options),
                framework=options["framework"],
                as_at=options["as_at"],
                sheet=options["sheet"],
                judgements=_judgements(options["judgement"]),
            )
        except ImportFailed as error:
            raise import_failed(error) from None
        self.stdout.write("\n".join(summary.lines()))
