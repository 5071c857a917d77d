"""Links plan actions to the recommendations they answer, from a plan file's column of numbers; and
imports an inspection's recommendations with the plan, so a new plan comes in with its Ofsted links in
one go. Registered with the plan import (plans/plan_links.py), which never imports governance."""

from __future__ import annotations

from collections import defaultdict

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.audit.trail import change
from oversight.governance.models import Inspection, Recommendation
from oversight.governance.recommendation_file import RecommendationFile, read_recommendation_file
from oversight.governance.recommendation_import import import_recommendations, reference_problems
from oversight.lib.problems import ImportFailed, Problem
from oversight.lib.spreadsheets import MissingColumns
from oversight.plans.action_ids import sort_key
from oversight.plans.models import Action, ImportRun, Plan
from oversight.plans.plan_file import PlanFile
from oversight.plans.plan_links import Recommendations
from oversight.plans.revisions import actions_changed


def link_from_plan_file(
    plan: Plan, parsed: PlanFile, actor: Actor, run: ImportRun, add_only: bool = False
) -> int:
    """Sets, for the plan's latest inspection, which actions answer each recommendation, as the file
    says. Its numbers were checked with the file's rows (PlanFileLinks.problems), before anything was
    saved. With `add_only` (a recommendations file imported with the plan has linked actions too) the
    file's links are added to those, none taken away."""
    inspection = Inspection.objects.filter(plan=plan).order_by("-published").first()
    if inspection is None:
        return 0
    recommendations = {r.number: r for r in Recommendation.objects.filter(inspection=inspection)}
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
        new = (current if add_only else current - in_file) | wanted.get(number, set())
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


class PlanFileLinks:
    """How the plan import checks and saves the links its file makes to Ofsted's recommendations."""

    frameworks = tuple(Inspection.Framework.values)

    def latest_recommendations(self, plan: Plan) -> dict[int, int]:
        inspection = Inspection.objects.filter(plan=plan).order_by("-published").first()
        return dict(inspection.recommendations.values_list("number", "pk")) if inspection else {}

    def problems(self, slug: str, parsed: PlanFile, recommendations: Recommendations | None) -> list[Problem]:
        plan = Plan.objects.filter(slug=slug).first()
        if recommendations is not None:
            numbers, found, source = self._with_plan(plan, parsed, recommendations)
        else:
            inspection = Inspection.objects.filter(plan=plan).order_by("-published").first() if plan else None
            found = []
            numbers = set(inspection.recommendations.values_list("number", flat=True)) if inspection else None
            source = f"the {inspection}" if inspection else ""
        numbered = [row for row in parsed.actions if row.recommendations]
        if numbers is None:
            if numbered and recommendations is None:
                found.append(
                    Problem(
                        parsed.file,
                        "the plan has no inspection yet: import its recommendations with the plan, or first",
                        parsed.sheet,
                        numbered[0].row,
                        parsed.column_of_recommendations,
                    )
                )
            return found
        return found + [
            Problem(
                parsed.file,
                f"there is no recommendation {n} in {source}",
                parsed.sheet,
                row.row,
                parsed.column_of_recommendations,
            )
            for row in numbered
            for n in row.recommendations
            if n not in numbers
        ]

    def _with_plan(
        self, plan: Plan | None, parsed: PlanFile, recommendations: Recommendations
    ) -> tuple[set[int] | None, list[Problem], str]:
        """The numbers in the recommendations file imported with the plan (None if it cannot be read),
        and its problems: its actions may be any in the plan file or already in the plan."""
        known = {row.action_id for row in parsed.actions}
        if plan is not None:
            known |= set(Action.objects.filter(plan=plan).values_list("action_id", flat=True))
        slug = plan.slug if plan else ""
        numbers: set[int] = set()

        def check(file: RecommendationFile) -> list[Problem]:
            numbers.update(
                r.number for r in file.recommendations
            )  # the readable ones, even if others are not
            return reference_problems(file, known, recommendations.as_at, slug or "(new)")

        try:
            found = read_recommendation_file(recommendations.path, recommendations.sheet, check)
        except MissingColumns as failed:
            return None, failed.problems, ""
        except ImportFailed as failed:
            return numbers, failed.problems, recommendations.path.name
        return numbers, [], found.file

    def save(
        self,
        plan: Plan,
        parsed: PlanFile,
        recommendations: Recommendations | None,
        actor: Actor,
        run: ImportRun,
    ) -> tuple[int, list[str]]:
        lines: list[str] = []
        both = False  # both files say which actions answer which recommendation: either links them
        if recommendations is not None:
            imported = import_recommendations(
                recommendations.path,
                plan.slug,
                recommendations.published,
                actor,
                framework=recommendations.framework,
                as_at=recommendations.as_at,
                sheet=recommendations.sheet,
            )
            lines = ["  and, from the recommendations file imported with it:"]
            lines += [f"  {line}" for line in imported.lines()[1:]]
            both = imported.with_actions
        if not parsed.column_of_recommendations:
            return 0, lines
        return link_from_plan_file(plan, parsed, actor, run, add_only=both), lines
