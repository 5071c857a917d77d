"""oversight send-reminders [--plan SLUG] [--today DATE] [--dry-run]: the monthly return's emails (each
lead's actions still to update, on the plan's reminder day and before its return date; the officers' list
of who is missing after it) and the other apps' daily emails (overdue remedial tasks). Run it from cron
every morning: each email is sent once, so a second run the same day, or a run after a crash, sends
nothing twice; an email the mail server refused before is tried again."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from oversight.lib.numbers import counted
from oversight.notices.sending import deliver, post, stuck
from oversight.plans import reminders
from oversight.plans.management.commands._common import (
    add_email_run_arguments,
    plans_and_day,
    require_migrated,
)
from oversight.plans.models import Plan
from oversight.plans.return_calendar import Stage

STAGE_NAMES = {
    Stage.FIRST: "first reminder",
    Stage.SECOND: "second reminder",
    Stage.MISSING: "list of missing returns for the officers",
}


class Command(BaseCommand):
    help = "Email the monthly return's reminders and the officers' list of missing returns, once each."

    def add_arguments(self, parser):
        add_email_run_arguments(parser)

    def handle(self, *args, **options):
        require_migrated()
        plans, today = plans_and_day(options)
        dry_run = options["dry_run"]
        for plan in plans:
            self._plan(plan, today, dry_run)
        if dry_run:
            return
        done = deliver()  # what was posted and not yet sent: by these runs, a crashed run, the website
        self.stdout.write(f"Sent {counted(len(done.sent), 'email')}.")
        for email in done.failed:
            self.stderr.write(
                f"Not sent (tried again on the next run): to {email.to}, {email.subject}: {email.error}"
            )
        for email in stuck():
            self.stderr.write(
                f"Perhaps not sent (a run stopped while handing it to the mail server; not sent again): "
                f"to {email.to}, {email.subject}, at {email.attempted:%d %B %Y %H:%M}"
            )
        if done.failed:
            raise CommandError(f"{len(done.failed)} email(s) could not be sent; see above.")

    def _plan(self, plan: Plan, today, dry_run: bool) -> None:
        stage, dates, found, letters = reminders.letters(plan, today)
        letters += [letter for job in reminders.DAILY for letter in job(plan, today)]
        when = f"return date {dates.returns:%A %-d %B %Y}"
        if not plan.send_reminders:
            self.stdout.write(f"{plan.slug}: reminders are turned off in the plan's settings.")
        elif stage is None:
            first = f"{dates.first:%-d %B}"
            self.stdout.write(f"{plan.slug}: no reminder today (the first is on {first}; {when}).")
        else:
            self.stdout.write(
                f"{plan.slug}: {STAGE_NAMES[stage]} ({when}): {counted(found.actions, 'action')} "
                f"still to update, {counted(len(found.by_lead), 'lead')}."
            )
            for name, actions in found.unled.items():
                self.stdout.write(
                    f"{plan.slug}: nobody on the site leads as '{name}' ({counted(len(actions), 'action')}): "
                    "give someone the action lead role."
                )
            for user in found.by_lead:
                if not user.email:
                    self.stdout.write(f"{plan.slug}: {user.get_username()} has no email address to remind.")
        if dry_run:
            for letter in letters:
                to = letter.user.email or letter.user.get_username()
                self.stdout.write(f"{plan.slug}: would email {to}: {letter.subject}")
            return
        posted = post(letters, send=False)  # sent together below
        if letters:
            self.stdout.write(
                f"{plan.slug}: {counted(len(posted), 'new email')} "
                f"({len(letters) - len(posted)} posted before, turned off, or to nobody's address)."
            )
