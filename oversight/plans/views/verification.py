"""Verifying an action's completion, or sending it back with a reason (board members and officers)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from oversight.accounts.access import plan_page
from oversight.accounts.roles import Access
from oversight.plans.models import Action, Plan
from oversight.plans.updates import Conflict
from oversight.plans.verification import NotComplete, send_back, verify_completion
from oversight.plans.views.actions import safe_next
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page, today


def _verifies(access: Access) -> bool:
    return access.can_verify_evidence


@require_POST
@plan_page(_verifies)
def verify(request: HttpRequest, plan: Plan, access: Access, action_id: str) -> HttpResponse:
    action = get_object_or_404(Action, plan=plan, action_id=action_id)
    try:
        verify_completion(action, actor(request))
    except NotComplete as refused:
        messages.error(request, _sentence(str(refused)) + ".")
    else:
        messages.success(request, f"The completion of action {action_id} is verified.")
    return redirect(safe_next(request) or reverse("action", args=[plan.slug, action_id]))


@plan_page(_verifies)
def send_back_page(request: HttpRequest, plan: Plan, access: Access, action_id: str) -> HttpResponse:
    action = get_object_or_404(Action.objects.select_related("priority"), plan=plan, action_id=action_id)
    reason = ""
    problems: dict[str, str] = {}
    if request.method == "POST":
        reason = request.POST.get("reason", "").strip()
        try:
            send_back(action, reason, actor(request), today())
        except (NotComplete, Conflict) as refused:
            problems["reason"] = _sentence(str(refused))
        else:
            messages.success(request, f"Action {action_id} is back to Amber; its lead can see why.")
            return redirect("action", plan.slug, action_id)
    return render_plan_page(
        request,
        "plans/send_back.html",
        plan,
        access,
        "actions",
        {
            "crumbs": plan_crumbs(plan, (action.action_id, reverse("action", args=[plan.slug, action_id]))),
            "action": action,
            "reason": reason,
            "problems": problems,
            "form_errors": list(problems.items()),
        },
        status=400 if problems else 200,
    )


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]
