"""Imports an inspection's recommendations: all or nothing, every change recorded."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.audit.trail import change
from oversight.governance.models import Inspection, ProgressUpdate, Recommendation
from oversight.governance.recommendation_file import RecommendationFile, read_recommendation_file
from oversight.lib.problems import ImportFailed, Problem
from oversight.plans.models import Action, Plan
from oversight.plans.revisions import actions_changed, plan_changed
from oversight.plans.uploads import PendingImport


@dataclass
class RecommendationImportSummary:
    plan: str
    file: str
    inspection: str
    added: list[int] = field(default_factory=list)
    changed: list[int] = field(default_factory=list)
    unchanged: int = 0
    updates: int = 0
    mapped: int = 0
    title: str = ""  # the plan's title, to name it by
    with_actions: bool = False  # the file has an Actions column: it says which actions answer each

    def lines(self, done: bool = True) -> list[str]:
        """What the import did, or (not `done`: its preview) what it will do."""
        plan = f"'{self.title or self.plan}'"
        return [
            f"Imported recommendations into {plan} from {self.file} ({self.inspection}):"
            if done
            else f"Will import recommendations into {plan} from {self.file} ({self.inspection}):",
            f"  recommendations {'added' if done else 'to add'}: {len(self.added)}",
            f"  recommendations {'changed' if done else 'to change'}: {len(self.changed)}"
            + (f" ({', '.join(map(str, self.changed))})" if self.changed else ""),
            f"  recommendations unchanged: {self.unchanged}",
            f"  progress updates {'recorded' if done else 'to record'}: {self.updates}",
            f"  links from recommendations to plan actions: {self.mapped}",
        ]


def import_recommendations(
    path: Path,
    slug: str,
    published: date,
    actor: Actor,
    *,
    framework: str = Inspection.Framework.SIF,
    as_at: date | None = None,
    sheet: str | None = None,
    judgements: dict[str, str] | None = None,
) -> RecommendationImportSummary:
    """ImportFailed (nothing changed) or what changed. `as_at` dates the updates when the file's
    update column does not ('Update at 31.12.2017' does)."""
    plan = Plan.objects.filter(slug=slug).first()
    if plan is None:
        raise ImportFailed([Problem(path.name, f"there is no plan '{slug}': import the plan first")])
    actions = dict(Action.objects.filter(plan=plan).values_list("action_id", "pk"))
    parsed = read_recommendation_file(
        path, sheet, lambda found: reference_problems(found, actions, as_at, slug)
    )
    with transaction.atomic():
        summary = _apply(parsed, plan, published, framework, actor, actions, as_at or parsed.update_as_at)
        if judgements:
            Inspection.objects.filter(plan=plan, published=published).update(judgements=judgements)
        return summary


def reference_problems(
    parsed: RecommendationFile, actions: Collection[str], as_at: date | None, slug: str
) -> list[Problem]:
    """The file's references to the plan's actions that are not in it, and updates with no date
    (`as_at` dates them when the file's header does not)."""
    as_at = as_at or parsed.update_as_at
    problems = [
        Problem(
            parsed.file,
            f"Action ID {action_id} is not in plan '{slug}'",
            parsed.sheet,
            row.row,
            parsed.column_of_actions,
        )
        for row in parsed.recommendations
        for action_id in row.action_ids
        if action_id not in actions
    ]
    if as_at is None and any(row.progress or row.impact for row in parsed.recommendations):
        problems.append(
            Problem(
                parsed.file,
                "the updates are not dated: name the column 'Update at 31.12.2017', or give the date",
                parsed.sheet,
            )
        )
    return problems


def _apply(
    parsed: RecommendationFile,
    plan: Plan,
    published: date,
    framework: str,
    actor: Actor,
    actions: dict[str, int],
    as_at: date | None,
) -> RecommendationImportSummary:
    inspection, _ = Inspection.objects.update_or_create(
        plan=plan, published=published, defaults={"framework": framework}
    )
    summary = RecommendationImportSummary(
        plan.slug, parsed.file, str(inspection), title=plan.title, with_actions=bool(parsed.column_of_actions)
    )
    existing = {r.number: r for r in inspection.recommendations.prefetch_related("actions")}
    source = f"recommendations import: {parsed.file}"
    changes: list[Change] = []
    for row in parsed.recommendations:
        wanted = {"text": row.text, "theme": row.theme, "pillars": [p.value for p in row.pillars]}
        recommendation = existing.get(row.number)
        if recommendation is None:
            recommendation = Recommendation.objects.create(inspection=inspection, number=row.number, **wanted)
            summary.added.append(row.number)
            changes.append(
                change(
                    plan.pk, actor, source, Change.Kind.ADDED, f"recommendation {row.number}", "", row.text
                )
            )
        else:
            differing = [name for name, value in wanted.items() if getattr(recommendation, name) != value]
            for name in differing:
                old, new = getattr(recommendation, name), wanted[name]
                changes.append(
                    change(
                        plan.pk,
                        actor,
                        source,
                        Change.Kind.CHANGED,
                        f"recommendation {row.number} {name}",
                        str(old),
                        str(new),
                    )
                )
                setattr(recommendation, name, new)
            if differing:
                recommendation.save()
                summary.changed.append(row.number)
            else:
                summary.unchanged += 1
        if parsed.column_of_actions:
            linked = sorted(actions[action_id] for action_id in row.action_ids)
            before = sorted(a.pk for a in recommendation.actions.all()) if row.number in existing else []
            if linked != before:
                recommendation.actions.set(linked)
                actions_changed(set(linked) ^ set(before))
                changes.append(
                    change(
                        plan.pk,
                        actor,
                        source,
                        Change.Kind.CHANGED,
                        f"recommendation {row.number} actions",
                        "",
                        ", ".join(row.action_ids),
                    )
                )
            summary.mapped += len(linked)
        if (row.progress or row.impact) and as_at is not None:
            latest = recommendation.updates.filter(as_at=as_at).first()
            if latest is None or (latest.progress, latest.impact) != (row.progress, row.impact):
                ProgressUpdate.objects.create(
                    recommendation=recommendation,
                    as_at=as_at,
                    progress=row.progress,
                    impact=row.impact,
                    actor=actor.name,
                    user_id=actor.user_id,
                    source=source,
                )
                summary.updates += 1
    Change.objects.bulk_create(changes)
    plan_changed(plan.pk)
    return summary


def import_uploaded(pending: PendingImport, slug: str, actor: Actor) -> RecommendationImportSummary:
    """A recommendations file uploaded on a plan's Import page (plans/uploads.py), as at its inspection's
    date."""
    assert pending.as_at is not None
    return import_recommendations(pending.path, slug, pending.as_at, actor, sheet=pending.sheet)
