"""What the programme learns, for everyone who can see the plan: the themes audits found (linked to the
plan's actions and Ofsted's recommendations) and the practice weeks with their activities. The quality
assurance lead records them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from oversight.accounts.roles import Access
from oversight.audit.models import Change
from oversight.govuk.forms import error_summary
from oversight.lib.months import month_name
from oversight.plans import plan_links
from oversight.plans.access import plan_page
from oversight.plans.action_ids import split_action_ids
from oversight.plans.models import Plan
from oversight.plans.views.common import actor, render_plan_page
from oversight.quality.forms import PracticeWeekForm, ThemeForm
from oversight.quality.models import Cohort, PracticeActivity, PracticeWeek, Theme
from oversight.quality.themes import ThemeRefused, add_theme
from oversight.quality.trail import record
from oversight.quality.views.common import CURRENT, quality_crumbs


def _posted_by_lead(request: HttpRequest, access: Access) -> bool:
    posted = request.method == "POST"
    if posted and not access.runs_quality_assurance:
        raise PermissionDenied("Only the quality assurance lead records these")
    return posted


@plan_page()
def themes(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    posted = _posted_by_lead(request, access)
    cohorts = {str(c.pk): c for c in Cohort.objects.filter(plan=plan)}
    latest = plan_links.latest_recommendations(plan)
    form = ThemeForm(
        request.POST if posted else None,
        cohorts=[(pk, f"{c.title} ({month_name(c.month)})") for pk, c in cohorts.items()],
        recommendations=[(str(number), f"Recommendation {number}") for number in sorted(latest)],
    )
    if form.is_valid():
        data = form.cleaned_data
        chosen = {int(n): latest[int(n)] for n in data.get("recommendations", [])}
        try:
            add_theme(
                plan,
                data["text"],
                cohorts.get(data["cohort"]),
                split_action_ids(data["actions"]),
                chosen,
                actor(request),
            )
        except ThemeRefused as refused:
            form.add_error("actions", str(refused))
        else:
            messages.success(request, "The theme is recorded.")
            return redirect("qa-themes", plan.slug)
    return render_plan_page(
        request,
        "quality/themes.html",
        plan,
        access,
        CURRENT,
        {
            "crumbs": quality_crumbs(plan),
            "themes": Theme.objects.filter(plan=plan)
            .select_related("cohort")
            .prefetch_related("actions", "recommendations"),
            "form": form if access.runs_quality_assurance else None,
            "form_errors": error_summary(form),
        },
        status=400 if form.errors else 200,
    )


@plan_page()
def practice_weeks(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    posted = _posted_by_lead(request, access)
    form = PracticeWeekForm(request.POST if posted else None)
    if form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            week = PracticeWeek.objects.create(
                plan=plan, title=data["title"], starts=data["starts"], ends=data["ends"]
            )
            PracticeActivity.objects.bulk_create(
                PracticeActivity(week=week, kind=kind, count=count) for kind, count in data["activity_counts"]
            )
            total = sum(count for _, count in data["activity_counts"])
            record(
                plan.pk,
                actor(request),
                Change.Kind.ADDED,
                "practice week",
                f"{week.title}: {total} activities",
            )
        messages.success(request, f"{week.title} is recorded: {total} activities.")
        return redirect("practice-weeks", plan.slug)
    return render_plan_page(
        request,
        "quality/practice_weeks.html",
        plan,
        access,
        CURRENT,
        {
            "crumbs": quality_crumbs(plan),
            "weeks": PracticeWeek.objects.filter(plan=plan).prefetch_related("activities"),
            "form": form if access.runs_quality_assurance else None,
            "form_errors": error_summary(form),
        },
        status=400 if form.errors else 200,
    )
