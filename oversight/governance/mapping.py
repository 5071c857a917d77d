"""Links plan actions to the recommendations they answer, from a plan file's column of numbers."""

from __future__ import annotations

from collections import defaultdict

from oversight.governance.models import Inspection, Recommendation
from oversight.plans.action_ids import sort_key
from oversight.plans.audit import actions_changed, change
from oversight.plans.models import Action, Change, ImportRun, Plan
from oversight.plans.plan_file import PlanFile
from oversight.plans.plan_import import Actor
from oversight.plans.tables import ImportFailed, Problem


def link_from_plan_file(plan: Plan, parsed: PlanFile, actor: Actor, run: ImportRun) -> int:
    """Sets, for the plan's latest inspection, which actions answer each recommendation, as the file
    says; ImportFailed (and so the whole import undone) if a number is not a recommendation."""
    inspection = Inspection.objects.filter(plan=plan).order_by("-published").first()
    numbered = [row for row in parsed.actions if row.recommendations]
    if inspection is None:
        if not numbered:
            return 0
        raise ImportFailed(
            [
                Problem(
                    parsed.file,
                    "the plan has no inspection yet: import the recommendations first",
                    parsed.sheet,
                )
            ]
        )
    recommendations = {r.number: r for r in Recommendation.objects.filter(inspection=inspection)}
    problems = [
        Problem(
            parsed.file,
            f"there is no recommendation {n} in the {inspection}",
            parsed.sheet,
            row.row,
            parsed.column_of_recommendations,
        )
        for row in numbered
        for n in row.recommendations
        if n not in recommendations
    ]
    if problems:
        raise ImportFailed(problems)
    actions = dict(Action.objects.filter(plan=plan).values_list("action_id", "pk"))
    wanted: dict[int, set[int]] = defaultdict(set)
    for row in parsed.actions:
        for n in row.recommendations:
            wanted[n].add(actions[row.action_id])
    in_file = {actions[row.action_id] for row in parsed.actions}
    linked = 0
    for number, recommendation in sorted(recommendations.items()):
        current = set(recommendation.actions.values_list("pk", flat=True))
        # actions not in this file keep their links; those in it are linked exactly as it says
        new = (current - in_file) | wanted.get(number, set())
        if new != current:
            recommendation.actions.set(new)
            actions_changed(new ^ current)
            change(
                plan.pk,
                actor,
                f"plan import: {parsed.file}",
                Change.Kind.CHANGED,
                f"recommendation {number} actions",
                " ".join(sorted(_ids(current, actions), key=sort_key)),
                " ".join(sorted(_ids(new, actions), key=sort_key)),
                import_run_id=run.pk,
            ).save()
        linked += len(wanted.get(number, ()))
    return linked


def _ids(pks: set[int], actions: dict[str, int]) -> list[str]:
    by_pk = {pk: action_id for action_id, pk in actions.items()}
    return [by_pk[pk] for pk in pks if pk in by_pk]
