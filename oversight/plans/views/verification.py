"""Verifying completions (one, or several chosen in a meeting pack) after a confirmation page that shows
each one's evidence and measures; or sending one back with a reason (board members and officers)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from oversight.accounts.roles import Access
from oversight.govuk.forms import error_summary
from oversight.lib.months import last_day
from oversight.plans.access import plan_page
from oversight.plans.completion import AWAITING
from oversight.plans.completion_cases import completion_cases
from oversight.plans.forms.verification import SendBackForm, VerifyForm, reason_field
from oversight.plans.models import Action, Plan, StatusRecord
from oversight.plans.updates import Conflict
from oversight.plans.verification import (
    NotComplete,
    VerificationRefused,
    completion_of,
    send_back,
    verify_completions,
)
from oversight.plans.views.actions import safe_next
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page, today


def _verifies(access: Access) -> bool:
    return access.can_verify_evidence


@plan_page(_verifies)
def verify(request: HttpRequest, plan: Plan, access: Access, action_id: str) -> HttpResponse:
    """The confirmation page for one completion (GET), and its verification (POST)."""
    action = get_object_or_404(Action.objects.select_related("priority"), plan=plan, action_id=action_id)
    return _confirm(request, plan, access, [action])


@plan_page(_verifies)
def verify_several(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    """The confirmation page for the completions chosen in a meeting pack, and their verification."""
    chosen = (request.POST if request.method == "POST" else request.GET).getlist("action")
    actions = list(
        Action.objects.filter(plan=plan, action_id__in=chosen).select_related("priority").order_by("sort_key")
    )
    if not chosen:
        messages.error(request, "Choose the completions to verify: tick each one you have looked at.")
        return redirect(safe_next(request) or reverse("actions", args=[plan.slug]) + "?awaiting=1")
    if len(actions) != len(set(chosen)):
        raise Http404("No such action in this plan")
    return _confirm(request, plan, access, actions)


def _confirm(request: HttpRequest, plan: Plan, access: Access, actions: list[Action]) -> HttpResponse:
    back = safe_next(request)
    cases = completion_cases([a.pk for a in actions], today())
    asks_reason = (
        [] if plan.require_verified_evidence else [a.action_id for a in actions if not cases[a.pk].evidence]
    )
    form = VerifyForm(
        request.POST if request.method == "POST" else None,
        without_evidence=asks_reason,
        several=len(actions) > 1,
    )
    # a completion that cannot be verified and has no reason to give says so beside it
    refusals: dict[str, str] = {}
    if form.is_valid():
        try:
            verify_completions(plan, actions, form.reasons(a.action_id for a in actions), actor(request))
        except VerificationRefused as refused:
            for key, message in refused.problems.items():
                if reason_field(key) in form.fields:
                    form.add_error(reason_field(key), _sentence(message))
                else:
                    refusals[key] = _sentence(message)
        else:
            ids = [a.action_id for a in actions]
            messages.success(
                request,
                f"The completion of action {ids[0]} is verified."
                if len(ids) == 1
                else f"The completions of actions {', '.join(ids[:-1])} and {ids[-1]} are verified.",
            )
            return redirect(back or reverse("action", args=[plan.slug, ids[0]]))
    day = last_day(today())
    latest = {s.action_id: s for s in StatusRecord.objects.filter(action__in=actions).order_by("as_at", "id")}
    items = [
        {
            "action": a,
            "status": latest.get(a.pk),
            "completion": completion_of(a, day),
            "case": cases[a.pk],
            "reason": form[reason_field(a.action_id)] if reason_field(a.action_id) in form.fields else None,
            "refusal": refusals.get(a.action_id, ""),
        }
        for a in actions
    ]
    summary = [(f"#refusal-{key}", message) for key, message in refusals.items()]
    return render_plan_page(
        request,
        "plans/verify.html",
        plan,
        access,
        "actions",
        {
            "crumbs": plan_crumbs(plan, *_crumbs(plan, actions)),
            "items": items,
            "awaiting": AWAITING,
            "next": back,
            "several": len(actions) > 1,
            "form_errors": sorted(error_summary(form) + summary, key=lambda e: _order(e[0], actions)),
        },
        status=400 if form.errors or refusals else 200,
    )


def _order(href: str, actions: list[Action]) -> int:
    """Where an error's action is on the page, so the summary lists them in the page's order."""
    key = href.removeprefix("#reason-").removeprefix("#refusal-")
    return next((i for i, a in enumerate(actions) if a.action_id == key), len(actions))


def _crumbs(plan: Plan, actions: list[Action]) -> list[tuple[str, str]]:
    if len(actions) == 1:
        return [(actions[0].action_id, reverse("action", args=[plan.slug, actions[0].action_id]))]
    return [("Actions", reverse("actions", args=[plan.slug]))]


@plan_page(_verifies)
def send_back_page(request: HttpRequest, plan: Plan, access: Access, action_id: str) -> HttpResponse:
    action = get_object_or_404(Action.objects.select_related("priority"), plan=plan, action_id=action_id)
    form = SendBackForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            send_back(action, form.cleaned_data["reason"], actor(request), today())
        except (NotComplete, Conflict) as refused:
            form.add_error("reason", _sentence(str(refused)))
        else:
            messages.success(request, f"Action {action_id} is back to Amber; its lead can see why.")
            return redirect(safe_next(request) or reverse("action", args=[plan.slug, action_id]))
    return render_plan_page(
        request,
        "plans/send_back.html",
        plan,
        access,
        "actions",
        {
            "crumbs": plan_crumbs(plan, (action.action_id, reverse("action", args=[plan.slug, action_id]))),
            "action": action,
            "form": form,
            "next": safe_next(request),
            "form_errors": error_summary(form),
        },
        status=400 if form.errors else 200,
    )


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]
