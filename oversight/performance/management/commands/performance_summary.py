"""oversight performance-summary [--plan SLUG] [--today DATE] [--dry-run]: the weekly email to each
service area's managers of the indicators that went Red. Run it from cron every Monday morning."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.core.management.base import BaseCommand

from oversight.performance.summary_email import message, plan_series, recipients
from oversight.performance.weekly_summary import AreaSummary, weekly_summary
from oversight.plans.management.commands._common import add_email_run_arguments, plans_and_day
from oversight.plans.models import Plan


class Command(BaseCommand):
    help = "Email each service area's managers the indicators that went Red (with those still Red)."

    def add_arguments(self, parser):
        add_email_run_arguments(parser)

    def handle(self, *args, **options):
        plans, today = plans_and_day(options)
        for plan in plans:
            self._plan(plan, today, options["dry_run"])

    def _plan(self, plan: Plan, today, dry_run: bool) -> None:
        areas = weekly_summary(plan_series(plan, today), today)
        if not areas:
            self.stdout.write(f"{plan.slug}: no indicator went Red; no email sent.")
            return
        managers = recipients(plan)
        told: dict[Any, list[AreaSummary]] = defaultdict(list)
        for area in areas:
            if not managers[area.service_area]:
                self.stdout.write(
                    f"{plan.slug}: {area.service_area} has no manager with an email address to tell "
                    "(choose one on the scorecard's Service areas page)."
                )
            for user in managers[area.service_area]:
                told[user].append(area)
        for user, theirs in told.items():
            email = message(plan, user, theirs, today)
            if not dry_run:
                email.send()
            went_red = sum(len(area.went_red) for area in theirs)
            self.stdout.write(
                f"{plan.slug}: {'would send' if dry_run else 'sent'} to {user.email}: {went_red} went Red "
                f"in {', '.join(area.service_area for area in theirs)}"
            )
