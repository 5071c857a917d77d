"""oversight annex-a load FILE... --council NAME --as-at DATE: load an Annex A extract into DuckDB, and
record the Annex A indicators of the council's plans from it; also the measures, caseloads and
`indicators --plan SLUG` to record a plan's Annex A indicators from every loaded extract again.

Loading files for a council and date that already has lists replaces the lists given and keeps the
others (say which, before anything changes); --replace-all replaces the whole extract."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from oversight.annex_a.caseloads import team_loads, worker_loads
from oversight.annex_a.export import export_extracts
from oversight.annex_a.load import load_extract
from oversight.annex_a.measures import compute_measures
from oversight.annex_a.problems import LoadFailed
from oversight.annex_a.region import regional_measures
from oversight.performance.annex_a_engine import annex_a_engine
from oversight.performance.annex_a_values import refresh_from_annex_a
from oversight.performance.caseload_policy import named_team_types, plan_policy
from oversight.performance.regional_tables import regional_csv, regional_markdown, regional_xlsx
from oversight.performance.render.annex_a_measures import FORMATS, render
from oversight.plans.management.commands._common import (
    actor_from,
    add_actor_argument,
    import_failed,
    iso_date,
    require_migrated,
)
from oversight.plans.models import Plan

BINARY = {"xlsx": "an Excel workbook", "docx": "a Word paper", "pdf": "a PDF paper"}


class Command(BaseCommand):
    help = "Annex A extracts: 'load' a workbook (sheets List 1 … List 11) or one CSV per list."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="command", required=True)
        load = commands.add_parser(
            "load",
            help="load an extract's lists, replacing those lists of the same council's extract for that date",
        )
        load.add_argument("files", nargs="+", type=Path)
        load.add_argument("--council", required=True)
        load.add_argument("--as-at", required=True, type=iso_date, help="the extract's reference date")
        load.add_argument("--list", type=int, choices=range(1, 12), help="which list a single CSV holds")
        load.add_argument(
            "--pseudonymise",
            action="store_true",
            help="store Child Unique IDs as keyed hashes (ANNEX_A_PSEUDONYM_KEY), dates of birth as months",
        )
        load.add_argument(
            "--replace-all",
            action="store_true",
            help="replace the whole extract of that council and date: lists not in these files are removed",
        )
        add_actor_argument(load)

        indicators = commands.add_parser(
            "indicators", help="record a plan's Annex A indicators from every extract loaded for its council"
        )
        indicators.add_argument("--plan", required=True, help="the plan's short name, e.g. bromley")
        add_actor_argument(indicators)

        measures = commands.add_parser("measures", help="the timeliness measures of a loaded extract")
        measures.add_argument("--council", required=True)
        measures.add_argument("--as-at", required=True, type=iso_date)
        measures.add_argument("--format", default="md", choices=FORMATS)
        measures.add_argument("--output", type=Path, help="the file to write (text formats go to the screen)")

        export = commands.add_parser(
            "export",
            help="write loaded extracts as Parquet by council and date, with pseudonyms for IDs, to share",
        )
        export.add_argument("--out", required=True, type=Path, help="the folder to write (list_3/council=…/)")
        export.add_argument("--council", help="only this council's extracts")
        export.add_argument("--as-at", type=iso_date, help="only the extract of this date")

        region = commands.add_parser(
            "region", help="every measure for the councils in a region's exported files, side by side"
        )
        region.add_argument("--from", dest="folder", required=True, type=Path, help="the region's files")
        region.add_argument("--as-at", required=True, type=iso_date)
        region.add_argument("--council", action="append", help="only these councils (repeat it)")
        region.add_argument("--format", default="md", choices=("md", "csv", "xlsx"))
        region.add_argument("--output", type=Path, help="the file to write (Markdown goes to the screen)")

        caseloads = commands.add_parser("caseloads", help="open cases per worker and team against the policy")
        caseloads.add_argument("--council", help="the council (default: the plan's, with --plan)")
        caseloads.add_argument("--as-at", required=True, type=iso_date)
        caseloads.add_argument(
            "--plan", help="use this plan's caseload policy and team types instead of the default bands"
        )

    def handle(self, *args, **options):
        if options["command"] == "measures":
            return self._measures(options)
        if options["command"] == "caseloads":
            return self._caseloads(options)
        if options["command"] == "indicators":
            return self._indicators(options)
        if options["command"] == "export":
            return self._export(options)
        if options["command"] == "region":
            return self._region(options)
        require_migrated()
        engine = annex_a_engine()
        try:
            report = load_extract(
                engine,
                options["files"],
                options["council"],
                options["as_at"],
                list_number=options["list"],
                pseudonymise=options["pseudonymise"],
                replace_all=options["replace_all"],
                announce=lambda plan: self.stdout.write("\n".join(plan.lines())),
            )
        except LoadFailed as error:
            raise import_failed(error) from None
        self.stdout.write("\n".join(report.lines()))
        actor = actor_from(options)
        plans = Plan.objects.filter(council=options["council"]).order_by("slug")
        for plan in plans:
            self.stdout.write("\n".join(refresh_from_annex_a(engine, plan, actor).lines()))
        if not plans:
            self.stdout.write(
                f"No plan is for the council {options['council']}, so no indicator was recorded from it."
            )

    def _export(self, options):
        try:
            exported = export_extracts(annex_a_engine(), options["out"], options["council"], options["as_at"])
        except LoadFailed as error:
            raise import_failed(error) from None
        for council, as_at in exported.extracts:
            self.stdout.write(f"{council} as at {as_at:%d/%m/%Y}")
        rows = ", ".join(f"List {number} {count:,}" for number, count in exported.rows.items())
        self.stdout.write(f"Written to {exported.out}, Child Unique IDs as pseudonyms: {rows} rows")

    def _region(self, options):
        if not options["folder"].is_dir():
            raise CommandError(f"{options['folder']}: there is no such folder of exported extracts")
        as_at = options["as_at"]
        measures = regional_measures(options["folder"], as_at, annex_a_engine().settings, options["council"])
        if not measures:
            raise CommandError(f"{options['folder']}: no council's extract as at {as_at:%d/%m/%Y} is in it")
        if options["format"] == "md" and options["output"] is None:
            self.stdout.write(regional_markdown(measures, as_at))
            return
        if options["output"] is None:
            raise CommandError(f"--output: name the file to write the {options['format']} to")
        made = {
            "md": lambda: regional_markdown(measures, as_at).encode(),
            "csv": lambda: regional_csv(measures, as_at),
            "xlsx": lambda: regional_xlsx(measures, as_at),
        }[options["format"]]()
        options["output"].write_bytes(made)
        councils = sorted({c.council for m in measures for c in m.councils})
        self.stdout.write(
            f"{len(measures)} measures for {len(councils)} councils written to {options['output']}"
        )

    def _indicators(self, options):
        require_migrated()
        plan = Plan.objects.filter(slug=options["plan"]).first()
        if plan is None:
            raise CommandError(f"there is no plan '{options['plan']}': import it first with import-plan")
        self.stdout.write(
            "\n".join(refresh_from_annex_a(annex_a_engine(), plan, actor_from(options)).lines())
        )

    def _measures(self, options):
        found = compute_measures(annex_a_engine(), options["council"], options["as_at"])
        if not found:
            raise CommandError(
                f"no Annex A extract for {options['council']} as at {options['as_at']} is loaded"
            )
        content = render(found, options["format"], options["council"], options["as_at"])
        if options["output"]:
            options["output"].write_bytes(content)
            self.stdout.write(f"Wrote {len(found)} measures to {options['output']}")
        elif options["format"] in BINARY:
            raise CommandError(f"{BINARY[options['format']]} needs --output FILE")
        else:
            self.stdout.write(content.decode("utf-8-sig"))

    def _caseloads(self, options):
        plan = Plan.objects.filter(slug=options["plan"]).first() if options["plan"] else None
        if options["plan"] and plan is None:
            raise CommandError(f"there is no plan '{options['plan']}'")
        council = options["council"] or (plan.council if plan else "")
        if not council:
            raise CommandError("name the council with --council, or a plan that has one with --plan")
        workers = worker_loads(
            annex_a_engine(),
            council,
            options["as_at"],
            policy=plan_policy(plan) if plan else None,
            named=named_team_types(plan) if plan else None,
        )
        if not workers:
            raise CommandError(f"no open cases for {council} as at {options['as_at']}: load lists 6-9")
        lines = [
            "| Team | Band | Workers | Open cases | Average | Workers above band | Not allocated |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for team in team_loads(workers):
            band = f"{team.band.team_type} {team.band.label}" if team.band else "no band"
            figures = (
                f"{team.workers} | {team.cases} | {team.average:.1f} | {team.above_band} | {team.unallocated}"
            )
            lines.append(f"| {team.team} | {band} | {figures} |")
        above = [w for w in workers if w.above_band]
        lines += ["", f"Workers above their band: {len(above)}"]
        lines += [f"- {w.worker} ({w.team}): {w.cases} cases, band {w.band.label}" for w in above if w.band]
        self.stdout.write("\n".join(lines))
