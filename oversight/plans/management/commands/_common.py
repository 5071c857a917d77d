"""What the plan commands share: who is acting, dates from the command line, clean failures."""

from __future__ import annotations

import getpass
from argparse import ArgumentParser, ArgumentTypeError
from datetime import date
from typing import Any

from django.core.management.base import CommandError

from oversight.audit.actors import Actor
from oversight.lib.problems import ImportFailed


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ArgumentTypeError(f"expected a date as YYYY-MM-DD, not '{text}'") from None


def iso_month(text: str) -> date:
    try:
        return date.fromisoformat(f"{text}-01")
    except ValueError:
        raise ArgumentTypeError(f"expected a month as YYYY-MM, not '{text}'") from None


def add_actor_argument(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--by", default=None, help="who is importing, for the audit trail (default: your login name)"
    )


def actor_from(options: dict) -> Actor:
    return Actor.named(options["by"] or getpass.getuser())


def import_failed(error: ImportFailed) -> CommandError:
    count = len(error.problems)
    lines = [f"Nothing was imported: {count} problem{'s' if count != 1 else ''} found."]
    lines += [f"  {problem}" for problem in error.problems]
    return CommandError("\n".join(lines))


def require_migrated() -> None:
    """A clear error, rather than a traceback, when the database has not been set up yet."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise CommandError(
            f"The database ({connection.settings_dict['NAME']}) is not set up or is out of date: "
            "run 'oversight migrate' first."
        )


def add_email_run_arguments(parser: ArgumentParser) -> None:
    """What a command that emails people from cron takes: which plan, which day, and a dry run."""
    parser.add_argument("--plan", help="only this plan (its short name); default: every plan")
    parser.add_argument("--today", type=iso_date, help="the day to run as, YYYY-MM-DD (default: today)")
    parser.add_argument("--dry-run", action="store_true", help="say who would be emailed, send nothing")


def plans_and_day(options: dict) -> tuple[list[Any], date]:
    """The plans the run is for (every plan, or the one named) and the day it runs as."""
    from django.utils import timezone

    from oversight.plans.models import Plan

    plans = list(Plan.objects.order_by("slug"))
    if options["plan"]:
        plans = [plan for plan in plans if plan.slug == options["plan"]]
        if not plans:
            raise CommandError(f"no plan is called '{options['plan']}'")
    return plans, options["today"] or timezone.localdate()
