"""What the plan commands share: who is acting, dates from the command line, clean failures."""

from __future__ import annotations

import getpass
from argparse import ArgumentParser, ArgumentTypeError
from datetime import date

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
