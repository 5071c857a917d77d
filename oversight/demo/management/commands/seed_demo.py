"""oversight seed-demo: a demo council with an up-to-date plan, twelve months of history, Bromley's
published plan, a scorecard with made-up Annex A extracts, and one person per role, for trying the
website."""

from __future__ import annotations

import csv
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from oversight.accounts.models import Membership
from oversight.annex_a.load import load_extract
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.demo import synthetic
from oversight.demo.extract_workbook import write_workbook
from oversight.demo.history import DemoAction, month_ends, safeguarding, shifted_timescale, statuses
from oversight.demo.quality import seed_quality
from oversight.demo.region import MEMBER as REGIONAL
from oversight.demo.region import NEIGHBOURS, seed_region
from oversight.demo.workforce import seed_workforce
from oversight.governance.models import Board, Decision, Inspection, Meeting, RemedialTask
from oversight.governance.schedule import rotation
from oversight.lib.months import add_months, iso_month, last_day, month_of, months_between
from oversight.performance import extract_uploads
from oversight.performance.annex_a_engine import annex_a_engine
from oversight.performance.annex_a_values import refresh_from_annex_a
from oversight.performance.indicator_import import import_indicator_values, import_indicators
from oversight.performance.models import Indicator, ServiceAreaManager
from oversight.performance.regions import folder as region_folder
from oversight.plans import summaries
from oversight.plans.cell_dates import cell_day
from oversight.plans.evidence import add_link
from oversight.plans.management.commands._common import iso_date, require_migrated
from oversight.plans.models import Action, Plan, StatusRecord, TimescaleChange, Verification
from oversight.plans.plan_import import import_plan
from oversight.plans.plan_links import Recommendations
from oversight.plans.register import register
from oversight.plans.status_import import import_statuses
from oversight.plans.timescale_changes import decide, request_change, request_withdrawal
from oversight.plans.timescales import parse_timescale

DEMO = Path(__file__).resolve().parents[2] / "data"
BROMLEY_START = date(2016, 5, 1)
# username: (full name, role, names in the Lead column they answer for)
PEOPLE = {
    "admin": ("Ada Administrator", "administrator", ""),
    "officer": ("Omar Officer", "officer", ""),
    "lead": ("Lena Lead", "lead", "HOS CLA"),
    "board": ("Bea Board", "board", ""),
    "analyst": ("Anil Analyst", "analyst", ""),
    "viewer": ("Cllr Victor Viewer", "viewer", ""),
    "qa": ("Quinn Quality", "qa_lead", ""),
    "auditor": ("Audrey Auditor", "auditor", ""),
}


class Command(BaseCommand):
    help = "Load the demo council: an up-to-date plan with twelve months of statuses, and a user per role."

    def add_arguments(self, parser):
        parser.add_argument("--password", default="demo-password-2026", help="every demo user's password")
        parser.add_argument("--today", type=iso_date, help="the demo's today (default: today)")

    def handle(self, *args, **options):
        require_migrated()
        today = options["today"] or timezone.localdate()
        with tempfile.TemporaryDirectory(prefix="oversight-demo-") as scratch, transaction.atomic():
            users = self._people(options["password"])
            officer = Actor(PEOPLE["officer"][0], users["officer"])
            self._bromley(officer)
            self._current_plan(Path(scratch), officer, today)
            for slug in ("demo", "bromley-2017"):
                plan = Plan.objects.get(slug=slug)
                for username, (_, role, leads) in PEOPLE.items():
                    Membership.objects.update_or_create(
                        plan=plan, user_id=users[username], defaults={"role": role, "leads": leads}
                    )
            self._boards(Plan.objects.get(slug="demo"), users, today, officer)
            analyst = Actor(PEOPLE["analyst"][0], users["analyst"])
            self._scorecard(Path(scratch), analyst, today)
            extracts = self._annex_a(Path(scratch), analyst, today)
            demo_council = Plan.objects.get(slug="demo").council
            region = seed_region(Path(scratch), demo_council, extracts, options["password"], users["analyst"])
            self._managers(Plan.objects.get(slug="demo"), users)
            audits = seed_quality(Plan.objects.get(slug="demo"), users, today)
            teams, returns = seed_workforce(Plan.objects.get(slug="demo"), today)
        dates = ", ".join(f"{as_at:%d/%m/%Y}" for as_at in extracts)
        self.stdout.write(f"Annex A extracts (made up: no real children) loaded as at {dates}.")
        self.stdout.write(
            f"{region.name} (made up): {demo_council} and {len(NEIGHBOURS)} made-up neighbours"
            f" ({', '.join(NEIGHBOURS)}), their extracts exported to {region_folder(region)}."
        )
        self.stdout.write(f"Case audit programme (made up, drawn from those extracts): {audits} case audits.")
        self.stdout.write(
            f"Workforce (made up): {teams} teams, {returns} monthly returns, 13 months of staff records."
        )
        password = options["password"]
        self.stdout.write(f"Demo council loaded. Sign in with any of these (password: {password}):")
        for username, (name, role, leads) in PEOPLE.items():
            self.stdout.write(f"  {username:8} {name}, {role}" + (f" (leads as {leads})" if leads else ""))
        self.stdout.write(f"  {REGIONAL[0]:8} {REGIONAL[1]}, of {region.name}, with no role in a plan")

    def _scorecard(self, scratch: Path, analyst: Actor, today: date) -> None:
        """The demo's indicators, and their last twelve months of values moved to end last month."""
        import_indicators(DEMO / "indicators.csv", "demo", analyst)
        with (DEMO / "indicator-values.csv").open(newline="", encoding="utf-8") as source:
            header, *body = list(csv.reader(source))
        months = [cell_day(text) for text in header[1:]]
        shift = months_between(max(m for m in months if m), add_months(month_of(today), -1))
        header[1:] = [iso_month(add_months(m, shift)) if m else "" for m in months]
        values_file = scratch / "indicator-values.csv"
        with values_file.open("w", newline="", encoding="utf-8") as out:
            csv.writer(out).writerows([header, *body])
        import_indicator_values(values_file, "demo", analyst)

    def _annex_a(self, scratch: Path, analyst: Actor, today: date) -> list[date]:
        """A made-up Annex A extract at the end of each of the last three months, loaded for the demo
        council (replacing any loaded before for the same date), and its Annex A indicators' values."""
        plan = Plan.objects.get(slug="demo")
        engine = annex_a_engine()
        ends = [last_day(add_months(month_of(today), -ago)) for ago in (3, 2, 1)]
        for as_at in ends:
            shape = synthetic.small_council(as_at)
            paths = synthetic.generate(scratch / f"annex-a-{as_at}", as_at, shape, seed=as_at.toordinal())
            if as_at != ends[-1]:
                load_extract(engine, list(paths.values()), plan.council, as_at)
                continue
            # the latest month's as the analyst uploads it on the website: one workbook, as Excel holds it,
            # loaded here as the worker would load it (the queued task then finds it done)
            workbook = write_workbook(paths, scratch / f"annex-a-{as_at:%Y-%m}.xlsx")
            with workbook.open("rb") as handle:
                upload = extract_uploads.receive(plan, File(handle, name=workbook.name), as_at, analyst)
            extract_uploads.load(upload.pk)
            upload.refresh_from_db()
            if upload.status == upload.Status.CHECKED:  # seeded again: it replaces the month's lists
                extract_uploads.confirm(upload, analyst)
        refresh_from_annex_a(engine, plan, analyst)
        return ends

    def _managers(self, plan: Plan, users: dict[str, int]) -> None:
        """Who the weekly performance summary goes to: the officer for every service area, and the
        lead for children in care."""
        areas = set(Indicator.objects.filter(plan=plan).values_list("service_area", flat=True))
        managed = [(area, users["officer"]) for area in sorted(areas)] + [("Children in care", users["lead"])]
        for area, user in managed:
            ServiceAreaManager.objects.get_or_create(plan=plan, service_area=area, user_id=user)

    def _boards(self, plan: Plan, users: dict[str, int], today: date, officer: Actor) -> None:
        """The weekly Improvement Team Board, with its last three meetings as the rotation chose (their
        packs are records) and this week's, whose live pack has completions to verify with evidence."""
        board, _ = Board.objects.get_or_create(plan=plan, name="Improvement Team Board")
        board.members.set([users["board"], users["officer"]])
        if board.meetings.exists():
            return
        for weeks_ago in (3, 2, 1, 0):
            held = today - timedelta(weeks=weeks_ago)
            _, planned = rotation(board, held, weeks=1)
            meeting = Meeting.objects.create(board=board, held=held)
            meeting.priorities.set(plan.priorities.filter(number__in=planned[0].priorities))
            if weeks_ago == 0:
                self._evidence(plan, planned[0].priorities, today, officer)
                continue
            meeting.attended.set([users["board"], users["officer"]])
            red = next(
                (
                    a
                    for a in register(plan, held).actions
                    if a.priority in planned[0].priorities and a.rag == "R"
                ),
                None,
            )
            if red is not None:
                decision = Decision.objects.create(
                    meeting=meeting,
                    text=f"Action {red.action_id} to come back with a recovery plan.",
                    actor="Bea Board",
                )
                minuted = timezone.make_aware(datetime.combine(held, time(11)))
                Decision.objects.filter(pk=decision.pk).update(recorded=minuted)  # at the meeting
                hers = "hos cla" in red.lead.casefold()  # Lena Lead's: she sees it on My actions
                RemedialTask.objects.create(
                    meeting=meeting,
                    action=Action.objects.get(plan=plan, action_id=red.action_id),
                    description=f"Recovery plan for action {red.action_id}",
                    owner=PEOPLE["lead"][0] if hers else red.lead or "Lead",
                    owner_user_id=users["lead"] if hers else None,
                    due=held + timedelta(days=10),
                )

    def _evidence(self, plan: Plan, priorities: tuple[int, ...], today: date, officer: Actor) -> None:
        """Evidence for most of the completions awaiting verification in this week's priorities, so
        that the board has something to look at; one is left without, to show what that looks like."""
        awaiting = [
            a
            for a in register(plan, today).actions
            if a.priority in priorities and a.completion == "awaiting"
        ]
        for row in awaiting[:-1]:
            action = Action.objects.get(pk=row.pk)
            add_link(
                action,
                f"https://intranet.demo-council.example/improvement/{row.action_id}",
                f"Minutes of the Improvement Team Board signing off {row.action_id}",
                officer,
            )

    def _verified(self, today: date) -> None:
        """The board has verified the completions of two months ago and before, a week after each was
        returned Green; the more recent ones await verification."""
        first_green: dict[int, StatusRecord] = {}
        for record in StatusRecord.objects.filter(action__plan__slug="demo", rag="G").order_by("as_at", "id"):
            first_green.setdefault(record.action_id, record)
        cutoff = today - timedelta(days=60)
        for record in first_green.values():
            if record.as_at > cutoff or Verification.objects.filter(status=record).exists():
                continue
            verification = Verification.objects.create(
                action_id=record.action_id,
                status=record,
                outcome=Verification.Outcome.VERIFIED,
                reason="Seen and signed off at the Improvement Team Board.",
                actor="Bea Board",
            )
            signed = timezone.make_aware(datetime.combine(record.as_at + timedelta(days=7), time(11)))
            Verification.objects.filter(pk=verification.pk).update(recorded=signed)
        # made directly, to be dated at the board that signed them off: the summary is brought up to date
        summaries.rebuild(Plan.objects.get(slug="demo").pk)

    def _people(self, password: str) -> dict[str, int]:
        model = get_user_model()
        ids = {}
        for username, (name, _, _) in PEOPLE.items():
            first, _, last = name.rpartition(" ")
            user, _ = model.objects.update_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@demo-council.example",
                },
            )
            user.set_password(password)
            user.save()
            ids[username] = user.pk
        return ids

    def _bromley(self, officer: Actor) -> None:
        import_plan(
            DEMO / "plan.csv",
            "bromley-2017",
            officer,
            title="Bromley Children's Services Improvement Plan (published, 2016-17)",
            council="London Borough of Bromley",
            started=BROMLEY_START,
        )
        # Bromley's returns had no commentary for most Amber actions: its plan keeps them, with a warning
        Plan.objects.filter(slug="bromley-2017").update(accept_red_without_commentary=True)
        for month_end in ("2016-11-30", "2016-12-31", "2017-01-31"):
            as_at = date.fromisoformat(month_end)
            summary = import_statuses(DEMO / f"status-{month_end}.csv", "bromley-2017", as_at, officer)
            _as_if_returned_on(summary.run_id, as_at)

    def _current_plan(self, scratch: Path, officer: Actor, today: date) -> None:
        started = add_months(month_of(today), -11)
        shift = (started.year - BROMLEY_START.year) * 12 + started.month - BROMLEY_START.month
        with (DEMO / "plan.csv").open(newline="", encoding="utf-8") as source:
            rows = list(csv.reader(source))
        header, body = rows[0], rows[1:]
        column = header.index("Timescale")
        for row in body:
            row[column] = shifted_timescale(row[column], shift)
        plan_file = scratch / "demo-plan.csv"
        with plan_file.open("w", newline="", encoding="utf-8") as out:
            csv.writer(out).writerows([header, *body])
        inspection = Inspection.objects.filter(plan__slug="demo").order_by("-published").first()
        published = inspection.published if inspection else add_months(started, -1)
        import_plan(
            plan_file,
            "demo",
            officer,
            title="Children's Services Improvement Plan",
            council="Demo Borough Council",
            started=started,
            recommendations=Recommendations(DEMO / "recommendations.csv", published),
        )
        actions = [
            DemoAction(row[1], parse_timescale(row[column]).first, parse_timescale(row[column]).last)
            for row in body
        ]
        ends = month_ends(started, today)
        for as_at in ends:
            share = 0.6 if as_at == ends[-1] else 1.0  # this month's returns are still coming in
            status_file = scratch / f"status-{as_at}.csv"
            with status_file.open("w", newline="", encoding="utf-8") as out:
                writer = csv.writer(out)
                writer.writerow(
                    ["Action ID", "RAG", "Commentary", "Immediate safeguarding risk", "What is being done"]
                )
                writer.writerows(
                    (s.action_id, s.rag, s.commentary, *safeguarding(s))
                    for s in statuses(actions, as_at, share)
                )
            _as_if_returned_on(import_statuses(status_file, "demo", as_at, officer).run_id, as_at)
        self._verified(today)
        self._timescales(today, officer)
        first_green = Action.objects.filter(plan__slug="demo", statuses__rag="G").order_by("sort_key").first()
        if first_green is not None:
            add_link(
                first_green,
                "https://www.gov.uk/government/publications",
                "Board minutes recording sign-off",
                officer,
            )

    def _timescales(self, today: date, officer: Actor) -> None:
        """Revised timescales and a withdrawal, as the councils' papers describe them: one Red action of
        Lena Lead's re-timed last month and again this month, another's revision waiting for a decision,
        and an action not yet started withdrawn as no longer applicable."""
        plan = Plan.objects.get(slug="demo")
        if TimescaleChange.objects.filter(action__plan=plan).exists():
            return  # loaded before
        rows = register(plan, today).actions
        lena = Actor(PEOPLE["lead"][0], get_user_model().objects.get(username="lead").pk)
        hers = [a for a in rows if a.rag == "R" and "hos cla" in a.lead.casefold()]
        for row, months in zip(hers[:2], (3, 2), strict=False):
            action = Action.objects.select_related("plan").get(pk=row.pk)
            new = add_months(action.last_month, months)
            reason = "Delayed until the new case management system goes live."
            change = request_change(action, f"{new:%b %y}", reason, lena)
            if row is hers[0]:
                decide(change, True, "", officer, add_months(today, -1))
                action.refresh_from_db()
                later = add_months(action.last_month, 2)
                again = request_change(action, f"{later:%b %y}", "The training provider cancelled.", lena)
                decide(again, True, "", officer, today)
        white = next((a for a in rows if a.rag == "W"), None)
        if white is not None:
            action = Action.objects.select_related("plan").get(pk=white.pk)
            asked = request_withdrawal(
                action, "No longer applicable: the service it was about has closed.", officer
            )
            decide(asked, True, "", officer, today)


def _as_if_returned_on(run_id: int, as_at: date) -> None:
    """The demo's history is made up today: its statuses, and their audit records, are dated as if
    returned at noon on the day they are as at, so that a past meeting's pack shows what stood then."""
    moment = timezone.make_aware(datetime.combine(min(as_at, timezone.localdate()), time(12)))
    if moment > timezone.now():
        return
    StatusRecord.objects.filter(import_run_id=run_id).update(recorded=moment)
    Change.objects.filter(import_run_id=run_id).update(changed=moment)
