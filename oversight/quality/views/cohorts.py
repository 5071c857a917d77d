"""Cohorts: the cases chosen to audit in a month (typed in, or drawn from the latest Annex A extract
with a seed), shared out among auditors; and a share of a cohort's completed audits given to second
auditors to moderate. The quality assurance lead's pages: they name the cases."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from oversight.accounts.people import choices, name_of, people_in
from oversight.accounts.roles import Access
from oversight.govuk.forms import error_summary
from oversight.lib.numbers import counted
from oversight.plans import case_lists
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.views.common import actor, render_plan_page
from oversight.quality.cohorts import NewCohort, already_chosen, create_cohort
from oversight.quality.forms import ANNEX_A, SHARE, CohortForm, ModerationSampleForm
from oversight.quality.models import AuditTool, CaseAudit, Cohort
from oversight.quality.moderation import share_out_moderation
from oversight.quality.sampling import Case, per_worker, share_of
from oversight.quality.views.common import CURRENT, quality_crumbs, runs_programme

PAGE_SIZE = 50


def _tools(plan: Plan) -> list[tuple[str, str]]:
    return [(str(t.pk), t.name) for t in AuditTool.objects.filter(plan=plan)]


def _drawn(plan: Plan, form: CohortForm) -> tuple[list[Case], str, int | None]:
    """The cases of the cohort, how they were chosen in words, and the seed."""
    data = form.cleaned_data
    month = data["month"]
    if data["source"] != ANNEX_A:
        cases = data["case_list"]
        taken = already_chosen(plan.pk, month) & {c.ref for c in cases}
        if taken:
            form.add_error("cases", f"Already in a cohort of {month:%B %Y}: {', '.join(sorted(taken)[:20])}")
        return cases, "listed by hand", None
    dates = case_lists.extract_dates(plan.council)
    if not dates:
        council = plan.council or "the plan's council"
        form.add_error("source", f"No Annex A extract is loaded for {council}")
        return [], "", None
    as_at = dates[0]
    seed = data["seed"] if data["seed"] is not None else secrets.randbelow(10**9)
    found = [Case(team, worker, ref) for ref, team, worker in case_lists.open_cases(plan.council, as_at)]
    taken = already_chosen(plan.pk, month)
    if data["sample"] == SHARE:
        cases = share_of(found, data["percent"] / 100, seed, taken)
        how = f"{data['percent'].normalize():f}% of the open cases"
    else:
        cases = per_worker(found, data["count"], seed, taken)
        how = f"{counted(data['count'], 'case')} per worker"
    if not cases:
        form.add_error(
            "source",
            f"The Annex A extract of {as_at:%-d %B %Y} has no open case not already chosen this month",
        )
    return cases, f"{how} of the Annex A extract of {as_at:%-d %B %Y} (lists 6 to 9), seed {seed}", seed


@plan_page(runs_programme)
def cohorts(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    people = people_in(plan.pk)
    form = CohortForm(
        request.POST if request.method == "POST" else None, tools=_tools(plan), people=choices(people)
    )
    if form.is_valid():
        cases, how, seed = _drawn(plan, form)
        if not form.errors:
            data = form.cleaned_data
            tool = AuditTool.objects.get(plan=plan, pk=data["tool"])
            new = NewCohort(
                data["kind"],
                data["month"],
                data["title"],
                data["question"],
                tool.latest,
                data["due"],
                how,
                seed,
                data["agency"],
            )
            auditors = sorted(
                (people[pk] for pk in data["auditors"]),
                key=lambda u: name_of(u).casefold(),
            )
            cohort = create_cohort(plan.pk, new, cases, auditors, actor(request))
            messages.success(
                request,
                f"{cohort.title}: {counted(len(cases), 'case')} shared among"
                f" {counted(len(auditors), 'auditor')}.",
            )
            return redirect("cohort", plan.slug, cohort.pk)
    listed = (
        Cohort.objects.filter(plan=plan)
        .annotate(
            cases=Count("audits"), done=Count("audits", filter=Q(audits__state=CaseAudit.State.COMPLETED))
        )
        .order_by("-month", "title")
    )
    return render_plan_page(
        request,
        "quality/cohorts.html",
        plan,
        access,
        CURRENT,
        {
            "crumbs": quality_crumbs(plan),
            "cohorts": listed,
            "form": form if form.fields["tool"].choices else None,  # type: ignore[attr-defined]
            "form_errors": error_summary(form),
        },
        status=400 if form.errors else 200,
    )


def _cohort_page(
    request: HttpRequest,
    plan: Plan,
    access: Access,
    cohort: Cohort,
    sample: ModerationSampleForm,
    status: int = 200,
) -> HttpResponse:
    audits = cohort.audits.select_related("cohort__tool_version").order_by("team", "worker", "case_ref")
    page = Paginator(audits, PAGE_SIZE).get_page(request.GET.get("page"))
    return render_plan_page(
        request,
        "quality/cohort.html",
        plan,
        access,
        CURRENT,
        {
            "crumbs": quality_crumbs(plan, ("Cohorts", reverse("cohorts", args=[plan.slug]))),
            "cohort": cohort,
            "audits": page.object_list,
            "page": page,
            "count": page.paginator.count,
            "done": audits.filter(state=CaseAudit.State.COMPLETED).count(),
            "sample_form": sample,
            "form_errors": error_summary(sample),
        },
        status=status,
    )


@plan_page(runs_programme)
def cohort_page(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    cohort = get_object_or_404(Cohort, plan=plan, pk=pk)
    return _cohort_page(
        request, plan, access, cohort, ModerationSampleForm(people=choices(people_in(plan.pk)))
    )


@require_POST
@plan_page(runs_programme)
def moderation_sample(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    cohort = get_object_or_404(Cohort, plan=plan, pk=pk)
    people = people_in(plan.pk)
    form = ModerationSampleForm(request.POST, people=choices(people))
    if form.is_valid():
        data: dict[str, Any] = form.cleaned_data
        seed = data["seed"] if data["seed"] is not None else secrets.randbelow(10**9)
        given = share_out_moderation(
            cohort, data["percent"] / 100, [people[pk] for pk in data["moderators"]], seed, actor(request)
        )
        if given is None:
            form.add_error("moderators", "Choose at least one moderator who did not do every audit chosen")
        else:
            messages.success(request, f"{counted(given, 'audit')} given to be moderated (seed {seed}).")
            return redirect("cohort", plan.slug, cohort.pk)
    return _cohort_page(request, plan, access, cohort, form, status=400)
