"""Themes: what audits found across cases, fed back into the plan by linking each to the actions and
Ofsted recommendations it bears on (governance keeps the recommendations; plans/plan_links names the
latest inspection's, so quality assurance never imports governance)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.db import transaction
from django.db.models import QuerySet

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.months import month_name
from oversight.notices.sending import site_address
from oversight.plans.linked_findings import Finding
from oversight.plans.models import Action, Plan
from oversight.quality.models import Cohort, Theme
from oversight.quality.trail import record


class ThemeRefused(Exception):
    pass


@transaction.atomic
def add_theme(
    plan: Plan,
    text: str,
    cohort: Cohort | None,
    action_ids: Iterable[str],
    recommendations: Mapping[int, int],
    actor: Actor,
) -> Theme:
    """A theme linked to these actions (by ID) and recommendations (number: primary key)."""
    wanted = list(dict.fromkeys(action_ids))
    actions = dict(
        Action.objects.filter(plan=plan, in_plan=True, action_id__in=wanted).values_list("action_id", "pk")
    )
    missing = [a for a in wanted if a not in actions]
    if missing:
        raise ThemeRefused(f"Not in this plan: {', '.join(missing)}. Enter action IDs such as 2.1, 2.3")
    theme = Theme.objects.create(plan=plan, cohort=cohort, text=text)
    theme.actions.set(actions.values())
    theme.recommendations.set(list(recommendations.values()))
    links = [
        f"actions {', '.join(wanted)}" if wanted else "",
        f"recommendations {', '.join(map(str, sorted(recommendations)))}" if recommendations else "",
    ]
    record(plan.pk, actor, Change.Kind.ADDED, "case audit theme", "; ".join(p for p in [text, *links] if p))
    return theme


def findings_of_action(action_pk: int) -> list[Finding]:
    """An action's themes as the action page shows them (plans/linked_findings.py)."""
    return _findings(Theme.objects.filter(actions__pk=action_pk))


def findings_of_recommendation(recommendation_pk: int) -> list[Finding]:
    return _findings(Theme.objects.filter(recommendations__pk=recommendation_pk))


def _findings(themes: QuerySet[Theme]) -> list[Finding]:
    themes = themes.select_related("cohort", "plan").order_by("-created", "-id")
    return [
        Finding(
            theme.text,
            f"{theme.cohort.title}, {month_name(theme.cohort.month)}" if theme.cohort else "case audits",
            site_address("deep-dive", theme.plan.slug, theme.cohort_id) if theme.cohort_id else "",
        )
        for theme in themes
    ]
