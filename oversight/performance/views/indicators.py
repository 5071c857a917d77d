"""Setting up indicators: adding one, and changing its details and its links to the plan's actions and
Ofsted's recommendations (officers and analysts), every change audited."""

from __future__ import annotations

from dataclasses import replace

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from oversight.accounts.models import Membership
from oversight.accounts.people import name_of
from oversight.accounts.roles import Access, Role
from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.govuk.forms import error_summary
from oversight.performance import indicator_form
from oversight.performance.annex_a_engine import annex_a_measures
from oversight.performance.forms.indicators import IndicatorForm
from oversight.performance.indicator_form import DEFAULTS, FIELDS, Choices, Details, form_values, read
from oversight.performance.links import details_of, link, recommendation_choices
from oversight.performance.models import Indicator
from oversight.performance.versions import indicators_changed
from oversight.plans import programme_figures
from oversight.plans.access import plan_page
from oversight.plans.models import Action, Plan
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page


@plan_page(lambda access: access.can_manage_indicators)
def new_indicator(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    return _indicator_form(request, plan, access, None)


@plan_page(lambda access: access.can_manage_indicators)
def edit_indicator(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator.objects.select_related("owner"), plan=plan, pk=pk)
    return _indicator_form(request, plan, access, indicator)


def _indicator_form(
    request: HttpRequest, plan: Plan, access: Access, indicator: Indicator | None
) -> HttpResponse:
    people = _people(plan)
    choices = _choices(plan, indicator, people)
    before = details_of(plan, indicator) if indicator else None
    values = form_values(before) if before else dict(DEFAULTS)
    # a field the form did not send (no radio chosen, an older form) keeps what it was
    data = (
        {name: request.POST.get(name, values[name]) for name in FIELDS} if request.method == "POST" else None
    )
    form = IndicatorForm(
        data,
        initial=values,
        choices=choices,
        people=[(pk, f"{name} ({role})") for pk, name, role in people],
    )
    if form.is_valid():
        names = {int(pk): name for pk, name, _ in people}
        if indicator is not None and indicator.owner_id and indicator.owner:
            names.setdefault(indicator.owner_id, name_of(indicator.owner))
        details = read(form.cleaned_data)
        saved = _save(plan, indicator, before, details, actor(request), names)
        done = "is on the scorecard" if indicator is None else "is saved"
        messages.success(request, f"“{details.name}” {done}.")
        return redirect("indicator", plan.slug, saved.pk)
    scorecard = ("Scorecard", reverse("scorecard", args=[plan.slug]))
    crumbs = (
        [scorecard, (indicator.name, reverse("indicator", args=[plan.slug, indicator.pk]))]
        if indicator
        else [scorecard]
    )
    return render_plan_page(
        request,
        "performance/new_indicator.html",
        plan,
        access,
        "scorecard",
        {
            "crumbs": plan_crumbs(plan, *crumbs),
            "indicator": indicator,
            "form": form,
            "form_errors": error_summary(form),
        },
        status=400 if form.errors else 200,
    )


def _people(plan: Plan) -> list[tuple[str, str, str]]:
    """Everyone with a role in the plan, who may own an indicator: (user id, name, role)."""
    return [
        (str(m.user_id), name_of(m.user), Role(m.role).label)
        for m in Membership.objects.filter(plan=plan).select_related("user")
    ]


def _choices(plan: Plan, indicator: Indicator | None, people: list[tuple[str, str, str]]) -> Choices:
    others = Indicator.objects.filter(plan=plan)
    if indicator is not None:
        others = others.exclude(pk=indicator.pk)
    return Choices(
        owners={pk: name for pk, name, _ in people},
        measures={key: d.name for key, d in annex_a_measures().items()},
        figures={f.key: f.name for f in programme_figures.offered(plan.pk)},
        action_ids=frozenset(Action.objects.filter(plan=plan).values_list("action_id", flat=True)),
        recommendations=frozenset(recommendation_choices(plan)),
        taken_names=frozenset(others.values_list("name", flat=True)),
    )


def _save(
    plan: Plan,
    indicator: Indicator | None,
    before: Details | None,
    after: Details,
    who: Actor,
    names: dict[int, str],
) -> Indicator:
    """Creates or changes the indicator and its links. Each changed detail goes in the audit log as
    'indicator: NAME, target' with its old and new values, NAME as it was before the change."""
    records = []
    with transaction.atomic():
        if indicator is None or before is None:
            indicator = Indicator.objects.create(plan=plan, **after.model_fields())
            records.append(
                trail.change(
                    plan.pk,
                    who,
                    "website",
                    Change.Kind.ADDED,
                    "indicator",
                    new=after.name,
                    indicator_id=indicator.pk,
                )
            )
            before = replace(after, actions=(), recommendations=())  # so that linking it is audited
        else:
            Indicator.objects.filter(pk=indicator.pk).update(**after.model_fields())
        link(plan, indicator, after.actions, after.recommendations)
        records += [
            trail.change(
                plan.pk,
                who,
                "website",
                Change.Kind.CHANGED,
                f"indicator: {before.name[:250]}, {what}",
                old,
                new,
                indicator_id=indicator.pk,
            )
            for what, old, new in indicator_form.changes(before, after, names)
        ]
        Change.objects.bulk_create(records)
        indicators_changed(plan.pk)
    return indicator
