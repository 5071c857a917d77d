"""Imports a funding file into a plan: all or nothing, each line and year added or changed in the audit
trail with its old and new figures, each changed line's revision moved on."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.funding import models
from oversight.funding.funding_file import FundingRow, read_funding_file
from oversight.funding.lines import save_years, shown
from oversight.funding.table import FundingLine, YearFigures
from oversight.lib.problems import ImportFailed, Problem
from oversight.notices.sending import site_address
from oversight.plans.action_funding import PaidBy
from oversight.plans.models import Action, Plan
from oversight.plans.revisions import plan_changed
from oversight.plans.uploads import PendingImport

SOURCE = "funding import"
FIGURES = ("budget", "spend", "committed", "posts_funded", "posts_filled")
DETAILS = ("phase", "body", "decided", "reference", "comment")


@dataclass
class FundingImportSummary:
    plan: str
    file: str
    title: str = ""
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0

    def lines(self, done: bool = True) -> list[str]:
        into = f"funding into '{self.title or self.plan}' from {self.file}:"
        return [
            f"{'Imported' if done else 'Will import'} {into}",
            f"  funding lines {'added' if done else 'to add'}: {len(self.added)}",
            f"  funding lines {'changed' if done else 'to change'}: {len(self.changed)}"
            + (f" ({', '.join(self.changed)})" if self.changed else ""),
            f"  funding lines unchanged: {self.unchanged}",
        ]


def import_funding(path: Path, slug: str, actor: Actor, sheet: str | None = None) -> FundingImportSummary:
    plan = Plan.objects.filter(slug=slug).first()
    if plan is None:
        raise ImportFailed([Problem(path.name, f"there is no plan '{slug}'")])
    actions = dict(Action.objects.filter(plan=plan, in_plan=True).values_list("action_id", "pk"))
    read = read_funding_file(path, sheet, actions)
    with transaction.atomic():
        summary = _apply(plan, read.rows, read.file, actor, actions)
        plan_changed(plan.pk)
    return summary


def _apply(
    plan: Plan, rows: list[FundingRow], file: str, actor: Actor, actions: dict[str, int]
) -> FundingImportSummary:
    summary = FundingImportSummary(plan.slug, file, plan.title)
    existing = {line.title.casefold(): line for line in models.FundingLine.objects.filter(plan=plan)}
    source = f"{SOURCE}: {file}"
    changes: list[Change] = []
    by_line: dict[str, list[FundingRow]] = {}
    for row in rows:
        by_line.setdefault(row.line.casefold(), []).append(row)
    for position, (key, found) in enumerate(by_line.items()):
        first = found[0]
        details = {
            "phase": first.phase, "body": first.body, "decided": first.decided, "reference": first.reference,
            "comment": " ".join(r.comment for r in found if r.comment),
        }  # fmt: skip
        line = existing.get(key)
        said: list[tuple[str, str, str]] = []
        if line is None:
            line = models.FundingLine.objects.create(
                plan=plan, title=first.line, position=position, **details
            )
            summary.added.append(line.title)
            changes.append(
                trail.change(
                    plan.pk, actor, source, Change.Kind.ADDED, f"funding line {line.title}", "", line.title
                )
            )
        else:
            for name, value in details.items():
                if getattr(line, name) != value:
                    said.append((name, shown(getattr(line, name)), shown(value)))
                    setattr(line, name, value)
        said += save_years(line, {row.year: {name: getattr(row, name) for name in FIGURES} for row in found})
        pays_for = sorted({a for row in found for a in row.action_ids})
        if pays_for:  # a file without the column leaves the links as they are
            before = sorted(line.actions.values_list("action_id", flat=True))
            if before != pays_for:
                line.actions.set([actions[a] for a in pays_for])
                said.append(("actions", ", ".join(before), ", ".join(pays_for)))
        if said and line.title not in summary.added:
            line.revision += 1
            line.save()
            summary.changed.append(line.title)
        elif line.title not in summary.added:
            summary.unchanged += 1
        changes += [
            trail.change(
                plan.pk, actor, source, Change.Kind.CHANGED, f"funding line {line.title}: {what}", old, new
            )
            for what, old, new in said
            if line.title not in summary.added or what.endswith("budget") or what == "actions"
        ]
    trail.save(changes)
    return summary


def lines_of_plan(plan_id: int) -> list[FundingLine]:
    """The plan's funding lines as the table takes them, in their order."""
    return [
        FundingLine(
            line.title,
            {y.year: YearFigures(y.budget, y.spend, y.committed) for y in line.years.all()},
            line.comment,
        )
        for line in models.FundingLine.objects.filter(plan_id=plan_id).prefetch_related("years")
    ]


def import_uploaded(pending: PendingImport, slug: str, actor: Actor) -> FundingImportSummary:
    """A funding file uploaded on the funding page (plans/uploads.py)."""
    return import_funding(pending.path, slug, actor, sheet=pending.sheet)


def paying_for(action_pk: int) -> list[PaidBy]:
    """The funding lines that pay for an action, each with its latest year's budget (plans/action_funding)."""
    found = []
    for line in (
        models.FundingLine.objects.filter(actions__pk=action_pk)
        .select_related("plan")
        .prefetch_related("years")
    ):
        years = sorted(line.years.all(), key=lambda y: y.year)
        money = f"£{years[-1].budget:,}k budgeted for {years[-1].year}" if years else "no budget recorded"
        found.append(PaidBy(line.title, money, site_address("funding", line.plan.slug)))
    return found
