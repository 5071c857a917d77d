"""A funding line added or changed on the website: every detail and figure that changes is in the audit
trail with its old and new value, and the line's revision and the plan's move on; a save from a page
opened before someone else's change is refused."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from django.db import transaction

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.funding.models import FundingLine, FundingYear
from oversight.plans.models import Action, Plan
from oversight.plans.revisions import plan_changed

SOURCE = "funding, on the website"
DETAILS = ("title", "phase", "body", "decided", "reference", "comment")


class LineChanged(Exception):
    """Someone changed the line after the page was opened."""


class TitleTaken(Exception):
    """Another of the plan's lines has the title."""


def shown(value: object) -> str:
    """A figure or detail as the audit trail writes it: '' for none, a date as 2017-03-01."""
    return "" if value is None else str(value)


def save_years(line: FundingLine, years: Mapping[str, Mapping[str, object]]) -> list[tuple[str, str, str]]:
    """Adds or changes the line's figures for each year; what changed, as (what, old, new)."""
    changes = []
    held = {y.year: y for y in line.years.all()}
    for year, figures in years.items():
        found = held.get(year)
        if found is None:
            FundingYear.objects.create(line=line, year=year, **figures)
            changes.append((f"{year} budget", "", shown(figures["budget"])))
            continue
        for name, value in figures.items():
            if getattr(found, name) != value:
                changes.append(
                    (f"{year} {name.replace('_', ' ')}", shown(getattr(found, name)), shown(value))
                )
                setattr(found, name, value)
        found.save()
    return changes


def save_line(
    plan: Plan,
    pk: int | None,
    seen_revision: int | None,
    details: Mapping[str, object],
    years: Mapping[str, Mapping[str, int | Decimal | None]],
    action_ids: Sequence[str],
    actor: Actor,
) -> FundingLine:
    """Adds a line (pk None) or changes one, with its years and the actions it pays for."""
    with transaction.atomic():
        taken = FundingLine.objects.filter(plan=plan, title__iexact=details["title"])
        line = None
        if pk is not None:
            line = FundingLine.objects.select_for_update().get(plan=plan, pk=pk)
            taken = taken.exclude(pk=pk)
            if line.revision != seen_revision:
                raise LineChanged()
        if taken.exists():
            raise TitleTaken()
        changes: list[tuple[str, str, str]] = []
        if line is None:
            position = FundingLine.objects.filter(plan=plan).count()
            line = FundingLine.objects.create(plan=plan, position=position, **details)
            trail.change(
                plan.pk, actor, SOURCE, Change.Kind.ADDED, f"funding line {line.title}", "", line.title
            ).save()
        else:
            changes += [
                (name, shown(getattr(line, name)), shown(v))
                for name, v in details.items()
                if getattr(line, name) != v
            ]
            for name, value in details.items():
                setattr(line, name, value)
        changes += save_years(line, years)
        before = sorted(line.actions.values_list("action_id", flat=True))
        if before != sorted(action_ids):
            line.actions.set(Action.objects.filter(plan=plan, action_id__in=action_ids))
            changes.append(("actions", ", ".join(before), ", ".join(sorted(action_ids))))
        if changes and pk is not None:  # a new line starts at revision 0, its figures and all
            line.revision += 1
        line.save()
        trail.save(
            [
                trail.change(
                    plan.pk,
                    actor,
                    SOURCE,
                    Change.Kind.CHANGED,
                    f"funding line {line.title}: {what}",
                    old,
                    new,
                )
                for what, old, new in changes
            ]
        )
        plan_changed(plan.pk)
    return line
