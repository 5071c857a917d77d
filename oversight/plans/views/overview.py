"""The list of plans, a plan's overview with its charts, and a priority."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from oversight.accounts.roles import Access
from oversight.govuk.forms import error_summary
from oversight.plans.access import plan_page, plans_for
from oversight.plans.action_table import action_table_rows
from oversight.plans.charts import pace_line_chart, rag_bar_chart
from oversight.plans.completion import AWAITING, VERIFIED
from oversight.plans.forms.new_plan import NewPlanForm
from oversight.plans.models import Plan
from oversight.plans.progress import RAG_ORDER, rag_counts
from oversight.plans.register import register
from oversight.plans.views.common import plan_crumbs, render_plan_page, today


def plans(request: HttpRequest) -> HttpResponse:
    return render(request, "plans/plans.html", {"plans": plans_for(request.user)})


@plan_page()
def overview(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    day = today()
    reg = register(plan, day)
    titles = dict(plan.priorities.values_list("number", "title"))
    priorities = rag_counts(reg.actions, titles)
    points = list(reg.pace)
    month = reg.month
    due = [a for a in reg.actions if a.due(month)]
    return render_plan_page(
        request,
        "plans/overview.html",
        plan,
        access,
        "plan",
        {
            "crumbs": [("Plans", reverse("plans"))],
            "month": month,
            "priorities": priorities,
            "totals": {
                "actions": len(reg.actions),
                "due": len(due),
                "red": sum(1 for a in due if a.rag == "R"),
                "overdue": sum(1 for a in reg.actions if a.overdue(month)),
                "not_updated": sum(1 for a in reg.actions if not a.updated_in(month)),
                "awaiting": sum(1 for a in reg.actions if a.completion == AWAITING),
                "verified": sum(1 for a in reg.actions if a.completion == VERIFIED),
            },
            "bar_chart": rag_bar_chart(priorities),
            "legend": RAG_ORDER,
            "pace": points,
            "pace_chart": pace_line_chart(points) if points else None,
            "latest_pace": points[-1] if points else None,
        },
    )


@plan_page()
def priority(request: HttpRequest, plan: Plan, access: Access, number: int) -> HttpResponse:
    found = plan.priorities.filter(number=number).first()
    if found is None:
        raise Http404("No such priority")
    reg = register(plan, today())
    actions = [a for a in reg.actions if a.priority == number]
    counts = rag_counts(actions, {number: found.title})[0]
    return render_plan_page(
        request,
        "plans/priority.html",
        plan,
        access,
        "plan",
        {
            "crumbs": plan_crumbs(plan),
            "priority": found,
            "actions": actions,
            "rows": action_table_rows(plan.slug, actions),
            "counts": counts,
            "month": reg.month,
        },
    )


def new_plan(request: HttpRequest) -> HttpResponse:
    """Site administrators start a plan here, then import its actions."""
    if not request.user.is_superuser:  # type: ignore[union-attr]
        raise PermissionDenied("Only a site administrator can start a plan")
    form = NewPlanForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        created = Plan.objects.create(**form.cleaned_data)
        messages.success(request, f"{created.title} has been started. Import its actions next.")
        return redirect("import", created.slug)
    return render(
        request,
        "plans/new_plan.html",
        {"form": form, "form_errors": error_summary(form)},
        status=400 if form.errors else 200,
    )
