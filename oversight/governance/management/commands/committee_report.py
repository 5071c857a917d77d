"""oversight committee-report --plan SLUG --as-at DATE: progress against Ofsted's recommendations."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from oversight.governance.committee_data import UnknownInspection, committee_report
from oversight.governance.committee_report import GROUPINGS
from oversight.governance.render.committee import render_docx, render_html, render_pdf
from oversight.plans.management.commands._common import iso_date, require_migrated
from oversight.plans.models import Plan
from oversight.plans.paper_style import look_of
from oversight.plans.report_data import UnknownPlan

RENDERERS = {"html": render_html, "docx": render_docx, "pdf": render_pdf}


class Command(BaseCommand):
    help = "Write the committee progress report: each recommendation's update and impact, by theme or pillar."

    def add_arguments(self, parser):
        parser.add_argument("--plan", required=True)
        parser.add_argument(
            "--as-at", required=True, type=iso_date, help="updates and statuses as at this date"
        )
        parser.add_argument("--published", type=iso_date, help="which inspection (default: the latest)")
        parser.add_argument("--group-by", default="theme", choices=GROUPINGS)
        parser.add_argument("--format", default="html", choices=tuple(RENDERERS))
        parser.add_argument(
            "--output", type=Path, help="the file to write (HTML goes to the screen without it)"
        )

    def handle(self, *args, **options):
        require_migrated()
        try:
            report = committee_report(
                options["plan"], options["as_at"], options["group_by"], options["published"]
            )
        except (UnknownPlan, UnknownInspection) as error:
            raise CommandError(str(error)) from None
        content = RENDERERS[options["format"]](report, look_of(Plan.objects.get(slug=options["plan"])))
        if options["output"] is None:
            if options["format"] != "html":
                raise CommandError(
                    f"a {'Word' if options['format'] == 'docx' else 'PDF'} paper needs --output FILE"
                )
            self.stdout.write(content.decode())
            return
        options["output"].write_bytes(content)
        self.stdout.write(f"Wrote the committee report to {options['output']}")
