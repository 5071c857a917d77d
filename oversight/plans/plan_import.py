"""Imports a plan file into the register: adds, updates and retires actions, recording every change."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.lengths import length_problems, limit_of
from oversight.lib.months import month_of
from oversight.lib.problems import ImportFailed, Problem
from oversight.plans import plan_links, planner_statistics, revisions, summaries
from oversight.plans.action_ids import sort_key
from oversight.plans.addresses import short_name_problem
from oversight.plans.models import Action, ImportRun, Plan, Priority, TimescaleChange
from oversight.plans.plan_file import PlanFile, PlanRow, read_plan_file
from oversight.plans.timescale_changes import approved_change

TRACKED_FIELDS = ("priority", "key_action", "lead", "agencies", "timescale")
BATCH = 1000

Progress = Callable[[str], None]


@dataclass
class PlanImportSummary:
    plan: str
    file: str
    sheet: str
    added: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)
    unchanged: int = 0
    no_longer_in_file: list[str] = field(default_factory=list)
    back_in_file: list[str] = field(default_factory=list)
    priorities_added: list[int] = field(default_factory=list)
    headings_skipped: int = 0
    run_id: int = 0
    recommendations_linked: int = 0
    title: str = ""  # the plan's title, to name it by
    more: list[str] = field(default_factory=list)  # what a file imported with the plan did

    def lines(self, done: bool = True) -> list[str]:
        """What the import did, or (not `done`: its preview) what it will do."""
        where = f"{self.file}" + (f", sheet '{self.sheet}'" if self.sheet else "")
        plan = f"'{self.title or self.plan}'"
        lines = [
            f"Imported plan {plan} from {where}:" if done else f"Will import the plan {plan} from {where}:",
            f"  actions {'added' if done else 'to add'}: {len(self.added)}",
            f"  actions {'changed' if done else 'to change'}: {len(self.changed)}",
            f"  actions unchanged: {self.unchanged}",
            f"  actions no longer in the file: {len(self.no_longer_in_file)}"
            + (
                f" ({', '.join(self.no_longer_in_file)}; {'kept' if done else 'to be kept'},"
                " marked as not in the plan)"
                if self.no_longer_in_file
                else ""
            ),
        ]
        if self.back_in_file:
            lines.append(f"  actions back in the file: {', '.join(self.back_in_file)}")
        for action_id, fields in self.changed.items():
            lines.append(f"    {action_id}: {', '.join(fields)} {'changed' if done else 'to change'}")
        if self.priorities_added:
            lines.append(
                f"  priorities {'added' if done else 'to add'}: {', '.join(map(str, self.priorities_added))}"
            )
        if self.headings_skipped:
            lines.append(f"  heading rows skipped: {self.headings_skipped}")
        if self.recommendations_linked:
            lines.append(f"  links from actions to Ofsted's recommendations: {self.recommendations_linked}")
        lines += self.more
        return lines


def record_import_run(
    plan: Plan, kind: str, path: Path, file: str, sheet: str, actor: Actor, as_at: date | None = None
) -> ImportRun:
    """The record of one import: which file (and its SHA-256), who ran it, and for which date."""
    return ImportRun.objects.create(
        plan=plan,
        kind=kind,
        file_name=file,
        sheet=sheet,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        as_at=as_at,
        actor=actor.name,
        user_id=actor.user_id,
    )


def import_plan(
    path: Path,
    slug: str,
    actor: Actor,
    *,
    title: str | None = None,
    council: str | None = None,
    started: date | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
    recommendations: plan_links.Recommendations | None = None,
) -> PlanImportSummary:
    """All or nothing: ImportFailed (nothing changed, every problem listed, in the plan file and in
    the recommendations imported with it) or the summary of what changed."""
    parsed = read_plan_file(path, sheet, lambda found: plan_links.problems(slug, found, recommendations))
    _check_plan_details(parsed.file, slug, title, council)
    if progress:
        progress(f"read {len(parsed.actions):,} actions from {parsed.file}")
    with transaction.atomic():
        return _apply(parsed, path, slug, actor, title, council, started, progress, recommendations)


def _check_plan_details(file: str, slug: str, title: str | None, council: str | None) -> None:
    """A new plan's short name must be its address; a title and council must fit."""
    problems = [
        Problem(file, message)
        for message in length_problems(
            {"title": title or "", "council": council or ""},
            {
                "title": ("The plan's title (--title)", limit_of(Plan, "title")),
                "council": ("The council's name (--council)", limit_of(Plan, "council")),
            },
        ).values()
    ]
    if not Plan.objects.filter(slug=slug).exists() and (problem := short_name_problem(slug)):
        problems.insert(0, Problem(file, f"the plan's short name '{slug}' cannot be used: {problem}"))
    if problems:
        raise ImportFailed(problems)


def _apply(
    parsed: PlanFile,
    path: Path,
    slug: str,
    actor: Actor,
    title: str | None,
    council: str | None,
    started: date | None,
    progress: Progress | None,
    recommendations: plan_links.Recommendations | None,
) -> PlanImportSummary:
    summary = PlanImportSummary(slug, parsed.file, parsed.sheet, headings_skipped=parsed.headings_skipped)
    plan, created = Plan.objects.select_for_update().get_or_create(
        slug=slug, defaults={"title": title or slug, "council": council or ""}
    )
    run = record_import_run(plan, ImportRun.Kind.PLAN, path, parsed.file, parsed.sheet, actor)
    summary.run_id = run.pk
    source = f"plan import: {parsed.file}"
    changes: list[Change] = []

    def change(
        kind: str,
        action: Action | None = None,
        priority: Priority | None = None,
        field_name: str = "",
        old: str = "",
        new: str = "",
    ) -> None:
        changes.append(
            trail.change(
                plan.pk,
                actor,
                source,
                kind,
                field_name,
                old,
                new,
                action_id=action.pk if action else None,
                priority_id=priority.pk if priority else None,
                import_run_id=run.pk,
            )
        )

    first_month = min(row.timescale.first for row in parsed.actions)
    wanted = {"title": title, "council": council, "started": started}
    if plan.started is None and started is None:
        wanted["started"] = first_month
    for name, value in wanted.items():
        if value is not None and getattr(plan, name) != value:
            if not created or name == "started":
                change(
                    Change.Kind.CHANGED,
                    field_name=f"plan {name}",
                    old=str(getattr(plan, name) or ""),
                    new=str(value),
                )
            setattr(plan, name, value)
    plan.save()
    summary.title = plan.title

    priorities = _sync_priorities(plan, parsed, summary, change)
    existing = {a.action_id: a for a in Action.objects.filter(plan=plan).select_related("priority")}
    to_create: list[Action] = []
    to_update: dict[str, Action] = {}
    retimed: list[TimescaleChange] = []
    for index, row in enumerate(parsed.actions, start=1):
        action = existing.get(row.action_id)
        if action is None:
            action = _new_action(plan, priorities[row.priority], row)
            to_create.append(action)
            summary.added.append(row.action_id)
        else:
            if (row.timescale.first, row.timescale.last) != (action.first_month, action.last_month):
                # a revision like one approved on the website: the timescale before it kept as the original
                retimed.append(
                    approved_change(
                        action,
                        TimescaleChange.Kind.RETIME,
                        f"Revised in the plan file {parsed.file}",
                        actor,
                        month_of(timezone.localdate()),
                        source,
                        (row.timescale_text, row.timescale.first, row.timescale.last),
                    )  # fmt: skip
                )
            fields = _update_action(action, row, priorities, change)
            if not action.in_plan:
                action.in_plan = True
                summary.back_in_file.append(row.action_id)
                change(Change.Kind.RETURNED, action)
                to_update[row.action_id] = action
            if fields:
                summary.changed[row.action_id] = fields
                to_update[row.action_id] = action
            elif action.in_plan and row.action_id not in to_update:
                summary.unchanged += 1
        if progress and index % BATCH == 0:
            progress(f"compared {index:,} of {len(parsed.actions):,} actions")

    in_file = {row.action_id for row in parsed.actions}
    for action_id, action in sorted(existing.items(), key=lambda item: item[1].sort_key):
        if action.in_plan and action_id not in in_file:
            action.in_plan = False
            to_update[action_id] = action
            summary.no_longer_in_file.append(action_id)
            change(Change.Kind.LEFT_PLAN, action)

    Action.objects.bulk_create(to_create, batch_size=BATCH)
    planner_statistics.recount(Action, len(to_create))  # before the rows that refer to them
    for action in to_create:
        change(Change.Kind.ADDED, action, new=json.dumps(_snapshot(action), ensure_ascii=False))
    Action.objects.bulk_update(
        list(to_update.values()),
        ["priority", "key_action", "lead", "agencies", "timescale", "first_month", "last_month", "in_plan"],
        batch_size=BATCH,
    )
    TimescaleChange.objects.bulk_create(retimed, batch_size=BATCH)
    trail.save(changes)
    # the governance app owns recommendations; a plan file may still say which its actions answer
    summary.recommendations_linked, summary.more = plan_links.save(plan, parsed, recommendations, actor, run)
    if to_create or summary.back_in_file or summary.no_longer_in_file or _priorities_changed(summary):
        summaries.rebuild(plan.pk)  # the actions counted, or the priority they are counted under, changed
    revisions.plan_changed(plan.pk)
    run.summary = {
        "added": len(summary.added),
        "changed": len(summary.changed),
        "unchanged": summary.unchanged,
        "no_longer_in_file": summary.no_longer_in_file,
    }
    run.save(update_fields=["summary"])
    if progress:
        progress(f"saved {len(to_create):,} new and {len(to_update):,} updated actions")
    return summary


def _sync_priorities(
    plan: Plan, parsed: PlanFile, summary: PlanImportSummary, change: Callable[..., None]
) -> dict[int, Priority]:
    priorities = {p.number: p for p in Priority.objects.filter(plan=plan)}
    for number in sorted({row.priority for row in parsed.actions} | set(parsed.priority_titles)):
        title = parsed.priority_titles.get(number, "")
        priority = priorities.get(number)
        if priority is None:
            priorities[number] = Priority.objects.create(plan=plan, number=number, title=title)
            summary.priorities_added.append(number)
        elif title and priority.title != title:
            change(Change.Kind.CHANGED, priority=priority, field_name="title", old=priority.title, new=title)
            priority.title = title
            priority.save(update_fields=["title"])
    return priorities


def _new_action(plan: Plan, priority: Priority, row: PlanRow) -> Action:
    return Action(
        plan=plan,
        priority=priority,
        action_id=row.action_id,
        sort_key=sort_key(row.action_id),
        key_action=row.key_action,
        lead=row.lead,
        agencies=row.agencies,
        timescale=row.timescale_text,
        first_month=row.timescale.first,
        last_month=row.timescale.last,
    )


def _priorities_changed(summary: PlanImportSummary) -> bool:
    return any("priority" in fields for fields in summary.changed.values())


def _update_action(
    action: Action, row: PlanRow, priorities: dict[int, Priority], change: Callable[..., None]
) -> list[str]:
    """Brings an action in line with its row; returns the names of the fields that changed."""
    changed = []
    new_values = {
        "priority": str(row.priority),
        "key_action": row.key_action,
        "lead": row.lead,
        "agencies": row.agencies,
        "timescale": row.timescale_text,
    }
    old_values = _snapshot(action)
    for name in TRACKED_FIELDS:
        if old_values[name] != new_values[name]:
            change(Change.Kind.CHANGED, action, field_name=name, old=old_values[name], new=new_values[name])
            changed.append(name)
    if changed:
        action.priority = priorities[row.priority]
        action.key_action, action.lead, action.agencies = row.key_action, row.lead, row.agencies
        action.timescale = row.timescale_text
        action.first_month, action.last_month = row.timescale.first, row.timescale.last
    return changed


def _snapshot(action: Action) -> dict[str, str]:
    return {
        "priority": str(action.priority.number),
        "key_action": action.key_action,
        "lead": action.lead,
        "agencies": action.agencies,
        "timescale": action.timescale,
    }
