"""Imports a monthly status file: one new status record per action, never overwriting the past."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.lib.months import month_of
from oversight.lib.problems import ImportFailed, Problem
from oversight.plans import planner_statistics, revisions, summaries
from oversight.plans.models import RAG, Action, ImportRun, Plan, StatusRecord
from oversight.plans.plan_import import BATCH, Progress, record_import_run
from oversight.plans.report_data import latest_status_on
from oversight.plans.status_file import read_status_file
from oversight.plans.updates import status_changes


@dataclass
class StatusImportSummary:
    plan: str
    file: str
    sheet: str
    as_at: date
    recorded: int = 0
    unchanged: int = 0
    by_rag: Counter[str] = field(default_factory=Counter)
    actions_without_status: int = 0
    run_id: int = 0
    title: str = ""  # the plan's title, to name it by
    warnings: list[str] = field(default_factory=list)

    def lines(self, done: bool = True) -> list[str]:
        """What the import did, or (not `done`: its preview) what it will do."""
        where = f"{self.file}" + (f", sheet '{self.sheet}'" if self.sheet else "")
        counts = ", ".join(f"{RAG(code).label} {self.by_rag[code]}" for code in "RAGW")
        plan = f"'{self.title or self.plan}'"
        lines = [
            f"Imported statuses for {plan} as at {self.as_at:%d %B %Y} from {where}:"
            if done
            else f"Will import statuses for {plan} as at {self.as_at:%d %B %Y} from {where}:",
            f"  statuses {'recorded' if done else 'to record'}: {self.recorded} ({counts})",
            f"  statuses already recorded at this date and unchanged: {self.unchanged}",
        ]
        if self.actions_without_status:
            lines.append(f"  actions in the plan with no status in this file: {self.actions_without_status}")
        if self.warnings:
            kept = "recorded" if done else "to be recorded"
            lines.append(f"  warnings ({kept} anyway, as the plan's settings allow):")
            lines += [f"    {warning}" for warning in self.warnings]
        return lines


def import_statuses(
    path: Path,
    slug: str,
    as_at: date,
    actor: Actor,
    *,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> StatusImportSummary:
    """All or nothing: ImportFailed (nothing changed) or what was recorded."""
    plan = Plan.objects.filter(slug=slug).first()
    if plan is None:
        raise ImportFailed(
            [Problem(path.name, f"there is no plan '{slug}': import the plan first with import-plan")]
        )
    rows = (
        Action.objects.filter(plan=plan)
        .annotate(rag=latest_status_on(as_at, "rag"), commentary=latest_status_on(as_at, "commentary"))
        .values_list("action_id", "pk", "in_plan", "rag", "commentary")
    )
    actions = {action_id: pk for action_id, pk, *_ in rows}
    in_plan = {action_id for action_id, _, current, *_ in rows if current}
    previous = {pk: (rag, commentary or "") for _, pk, _, rag, commentary in rows if rag}
    parsed = read_status_file(
        path, sheet, known=actions, plan=slug, commentary_required=not plan.accept_red_without_commentary
    )
    if progress:
        progress(f"read {len(parsed.statuses):,} statuses from {parsed.file}")

    summary = StatusImportSummary(slug, parsed.file, parsed.sheet, as_at, title=plan.title)
    summary.warnings = [str(w) for w in parsed.warnings]
    with transaction.atomic():
        revisions.lock_plan(plan.pk)
        run = record_import_run(plan, ImportRun.Kind.STATUS, path, parsed.file, parsed.sheet, actor, as_at)
        summary.run_id = run.pk
        same_day: dict[int, tuple[str, str]] = {}
        for action_pk, rag, commentary in (
            StatusRecord.objects.filter(action__plan=plan, month=month_of(as_at), as_at=as_at)
            .order_by("action_id", "recorded", "id")
            .values_list("action_id", "rag", "commentary")
        ):
            same_day[action_pk] = (rag, commentary)
        records = []
        changes = []
        source = f"status import: {parsed.file}"
        for row in parsed.statuses:
            pk = actions[row.action_id]
            if same_day.get(pk) == (row.rag, row.commentary):
                summary.unchanged += 1
                continue
            records.append(
                StatusRecord(
                    action_id=pk,
                    as_at=as_at,
                    month=month_of(as_at),
                    rag=row.rag,
                    commentary=row.commentary,
                    safeguarding_risk=row.safeguarding_risk,
                    risk_response=row.risk_response,
                    actor=actor.name,
                    user_id=actor.user_id,
                    source=source,
                    import_run=run,
                )
            )
            changes += status_changes(
                plan.pk, pk, previous.get(pk), (row.rag, row.commentary), actor, source, run.pk
            )
            summary.by_rag[row.rag] += 1
        StatusRecord.objects.bulk_create(records, batch_size=BATCH)
        planner_statistics.recount(StatusRecord, len(records))  # before the rows that refer to them
        summaries.statuses_changed(plan.pk, [], records)
        trail.save(changes)
        revisions.plan_changed(plan.pk)
        summary.recorded = len(records)
        summary.actions_without_status = len(in_plan - {row.action_id for row in parsed.statuses})
        run.summary = {
            "recorded": summary.recorded,
            "unchanged": summary.unchanged,
            "by_rag": dict(summary.by_rag),
        }
        run.save(update_fields=["summary"])
    if progress:
        progress(f"saved {summary.recorded:,} statuses")
    return summary
