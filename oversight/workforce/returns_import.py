"""Imports the workforce returns into a plan: all or nothing. A team's month already held is replaced
figure by figure, each change in the audit trail with its old and new value and the return's revision
moved on; a month of staff records replaces that month's records, the audit trail saying how many
workers were added, removed and changed (staff IDs only: the records are personal data)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.months import month_name
from oversight.lib.problems import ImportFailed, Problem
from oversight.plans import programme_figures
from oversight.plans.models import Plan
from oversight.plans.revisions import plan_changed
from oversight.plans.uploads import PendingImport
from oversight.workforce.models import StaffRecord, Team, TeamReturn
from oversight.workforce.return_files import (
    COUNTS,
    FTES,
    StaffRow,
    TeamReturnRow,
    read_staff_records,
    read_team_returns,
)

TEAM_RETURNS, STAFF_RECORDS = "workforce-returns", "staff-records"
SOURCE = "workforce import"
FIGURES = (*FTES, *COUNTS, "sickness_days")
LABELS = {
    "funded": "funded posts FTE", "permanent": "permanent staff FTE", "agency": "agency staff FTE",
    "vacancies": "vacancies FTE", "starters": "starters", "leavers": "leavers",
    "sickness_days": "sickness days", "offers_made": "offers made", "offers_accepted": "offers accepted",
}  # fmt: skip


@dataclass
class WorkforceImportSummary:
    plan: str
    file: str
    what: str  # "teams' returns" or "staff records"
    title: str = ""
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0

    def lines(self, done: bool = True) -> list[str]:
        into = f"{self.what} into '{self.title or self.plan}' from {self.file}:"
        return [
            f"{'Imported' if done else 'Will import'} {into}",
            f"  {'added' if done else 'to add'}: {len(self.added)}" + _listed(self.added),
            f"  {'changed' if done else 'to change'}: {len(self.changed)}" + _listed(self.changed),
            f"  unchanged: {self.unchanged}",
        ]


def _listed(names: list[str], most: int = 12) -> str:
    if not names:
        return ""
    shown = ", ".join(names[:most])
    return f" ({shown}{f' and {len(names) - most} more' if len(names) > most else ''})"


def _plan(path: Path, slug: str) -> Plan:
    plan = Plan.objects.filter(slug=slug).first()
    if plan is None:
        raise ImportFailed([Problem(path.name, f"there is no plan '{slug}'")])
    return plan


def import_team_returns(
    path: Path, slug: str, actor: Actor, sheet: str | None = None
) -> WorkforceImportSummary:
    plan = _plan(path, slug)
    teams = {team.name: team for team in Team.objects.filter(plan=plan)}
    read = read_team_returns(path, teams, sheet)
    with transaction.atomic():
        summary = save_team_returns(plan, teams, read.teams, actor, f"{SOURCE}: {read.file}")
        summary.file = read.file
    return summary


def save_team_returns(
    plan: Plan, teams: dict[str, Team], rows: list[TeamReturnRow], actor: Actor, source: str
) -> WorkforceImportSummary:
    """Adds or changes each team's month (in the caller's transaction), audited; the import and the
    return entered on the site both save this way."""
    summary = WorkforceImportSummary(plan.slug, "", "teams' returns", plan.title)
    held = {
        (r.team_id, r.month): r
        for r in TeamReturn.objects.filter(team__plan=plan, month__in={row.month for row in rows})
    }
    changes: list[Change] = []
    for row in rows:
        team = teams[row.team]
        about = f"workforce return {team.name}, {month_name(row.month)}"
        wanted = {name: getattr(row, name) for name in FIGURES}
        found = held.get((team.pk, row.month))
        if found is None:
            TeamReturn.objects.create(team=team, month=row.month, **wanted)
            summary.added.append(f"{team.name} {month_name(row.month)}")
            changes.append(
                trail.change(plan.pk, actor, source, Change.Kind.ADDED, about, "", _described(wanted))
            )
            continue
        said = [
            (name, getattr(found, name), value)
            for name, value in wanted.items()
            if getattr(found, name) != value
        ]
        if not said:
            summary.unchanged += 1
            continue
        for name, _old, value in said:
            setattr(found, name, value)
        found.revision += 1
        found.save()
        summary.changed.append(f"{team.name} {month_name(row.month)}")
        changes += [
            trail.change(
                plan.pk, actor, source, Change.Kind.CHANGED, f"{about}: {LABELS[name]}", str(old), str(new)
            )
            for name, old, new in said
        ]
    trail.save(changes)
    plan_changed(plan.pk)
    programme_figures.changed(plan.pk)
    return summary


def _described(figures: dict[str, object]) -> str:
    return "; ".join(f"{LABELS[name]} {value}" for name, value in figures.items())


def import_staff_records(
    path: Path, slug: str, actor: Actor, sheet: str | None = None
) -> WorkforceImportSummary:
    plan = _plan(path, slug)
    teams = {team.name: team for team in Team.objects.filter(plan=plan)}
    read = read_staff_records(path, teams, sheet)
    summary = WorkforceImportSummary(plan.slug, read.file, "staff records", plan.title)
    source = f"{SOURCE}: {read.file}"
    with transaction.atomic():
        changes = [
            _replace_month(
                plan, teams, month, [r for r in read.staff if r.month == month], actor, source, summary
            )
            for month in read.months
        ]
        trail.save([c for c in changes if c is not None])
        plan_changed(plan.pk)
        programme_figures.changed(plan.pk)
    return summary


def _replace_month(
    plan: Plan,
    teams: dict[str, Team],
    month: date,
    rows: list[StaffRow],
    actor: Actor,
    source: str,
    summary: WorkforceImportSummary,
) -> Change | None:
    held = {
        staff_id.casefold(): (team_id, supervised, caseload, courses)
        for staff_id, team_id, supervised, caseload, courses in StaffRecord.objects.filter(
            plan=plan, month=month
        ).values_list("staff_id", "team_id", "supervised", "caseload", "courses")
    }
    coming = {
        r.staff_id.casefold(): (teams[r.team].pk, r.supervised, r.caseload, list(r.courses)) for r in rows
    }
    added = len(coming.keys() - held.keys())
    removed = len(held.keys() - coming.keys())
    changed = sum(1 for key in coming.keys() & held.keys() if coming[key] != held[key])
    name = f"staff records, {month_name(month)}"
    if not (added or removed or changed):
        summary.unchanged += 1
        return None
    StaffRecord.objects.filter(plan=plan, month=month).delete()
    StaffRecord.objects.bulk_create(
        [
            StaffRecord(
                plan=plan,
                team=teams[r.team],
                month=month,
                staff_id=r.staff_id,
                supervised=r.supervised,
                caseload=r.caseload,
                courses=list(r.courses),
            )
            for r in rows
        ],
        batch_size=1000,
    )
    (summary.changed if held else summary.added).append(month_name(month))
    return trail.change(
        plan.pk,
        actor,
        source,
        Change.Kind.CHANGED if held else Change.Kind.ADDED,
        name,
        f"{len(held):,} workers" if held else "",
        f"{len(coming):,} workers ({added:,} added, {removed:,} removed, {changed:,} changed)",
    )


def import_uploaded_returns(pending: PendingImport, slug: str, actor: Actor) -> WorkforceImportSummary:
    return import_team_returns(pending.path, slug, actor, sheet=pending.sheet)


def import_uploaded_staff(pending: PendingImport, slug: str, actor: Actor) -> WorkforceImportSummary:
    return import_staff_records(pending.path, slug, actor, sheet=pending.sheet)
