"""oversight exception-report --plan SLUG --as-at DATE --format FORMAT: the monthly report."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from oversight.plans.management.commands._common import iso_date, require_migrated
from oversight.plans.models import Plan
from oversight.plans.paper_style import look_of
from oversight.plans.render import FORMATS, renderer
from oversight.plans.report_data import UnknownPlan, exception_report


class Command(BaseCommand):
    help = "Produce the exception report for the month of an as-at date."

    def add_arguments(self, parser):
        parser.add_argument("--plan", required=True)
        parser.add_argument("--as-at", required=True, type=iso_date, help="YYYY-MM-DD")
        parser.add_argument(
            "--months", type=int, default=3, help="months in the trend table (Table 2), default 3"
        )
        parser.add_argument("--format", choices=FORMATS, default="json")
        parser.add_argument(
            "--output", type=Path, help="file to write (default: standard output for json, md and html)"
        )

    def handle(self, *args, **options):
        require_migrated()
        if options["months"] < 1:
            raise CommandError("--months must be 1 or more")
        try:
            report = exception_report(options["plan"], options["as_at"], options["months"])
        except UnknownPlan as error:
            raise CommandError(f"{error}: import it first with import-plan") from None
        content = renderer(options["format"])(report, look_of(Plan.objects.get(slug=options["plan"])))
        output: Path | None = options["output"]
        if output is None:
            if options["format"] in {"docx", "xlsx", "pdf"}:
                raise CommandError(f"--output is needed for {options['format']}")
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
            return
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(content)
        self.stderr.write(f"Wrote the {options['format']} exception report to {output.resolve()}")
