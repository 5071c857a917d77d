"""The look of the plan's papers, for its administrators."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from oversight.accounts.roles import Access
from oversight.govuk.forms import error_summary
from oversight.plans.access import plan_page
from oversight.plans.forms.paper_style import PaperStyleForm
from oversight.plans.models import Plan
from oversight.plans.paper_style import StyleChanged, change_paper_style, style_of
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page

CHANGED_MEANWHILE = (
    "Someone else changed the look of the papers while you had this page open. This page now shows"
    " theirs: make your change again."
)


@plan_page(lambda access: access.can_change_settings)
def paper_style(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    style = style_of(plan)
    posted = request.method == "POST"
    form = PaperStyleForm(request.POST if posted else None, request.FILES if posted else None, style=style)
    if form.is_valid():
        try:
            changed = change_paper_style(plan, form.wanted(), form.cleaned_data["revision"], actor(request))
        except StyleChanged:
            messages.error(request, CHANGED_MEANWHILE)
            return redirect("paper-style", plan.slug)
        messages.success(request, f"Saved {', '.join(changed)}." if changed else "Nothing was changed.")
        return redirect("paper-style", plan.slug)
    return render_plan_page(
        request,
        "plans/paper_style.html",
        plan,
        access,
        "plan-settings",
        {
            "crumbs": [*plan_crumbs(plan), ("Settings", reverse("plan-settings", args=[plan.slug]))],
            "form": form,
            "form_errors": error_summary(form),
            "style": style,
        },
        status=400 if form.errors else 200,
    )
