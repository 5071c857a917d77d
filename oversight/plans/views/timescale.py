"""Revised timescales and withdrawals: an action's lead or an officer asks (one page for each), and the
plan's page of requests lists those waiting, which officers and board members approve or refuse, and
those decided."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from oversight.accounts.roles import Access
from oversight.govuk.forms import GovUKForm, error_summary
from oversight.plans.access import plan_page
from oversight.plans.action_text import edit_action_text
from oversight.plans.forms.timescale import (
    ActionTextForm,
    DecisionForm,
    RetimeForm,
    WithdrawForm,
    WithdrawLeftForm,
)
from oversight.plans.models import Action, Plan, TimescaleChange
from oversight.plans.timescale_changes import (
    ChangeRefused,
    decide,
    request_change,
    request_withdrawal,
    withdraw_left,
)
from oversight.plans.updates import Conflict, latest_change_id
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page, seen_number, today


def _action(plan: Plan, action_id: str, access: Access) -> Action:
    action = get_object_or_404(
        Action.objects.select_related("priority", "plan"), plan=plan, action_id=action_id
    )
    if not access.can_update(action.lead):
        raise PermissionDenied("Only the action's lead or an improvement officer can ask for this")
    return action


def _refused(form: GovUKForm, refused: ChangeRefused) -> None:
    for name, problem in refused.problems.items():
        form.add_error(name if name in form.fields else None, problem)


@plan_page()
def ask_retime(request: HttpRequest, plan: Plan, access: Access, action_id: str) -> HttpResponse:
    action = _action(plan, action_id, access)
    form = RetimeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            request_change(
                action, form.cleaned_data["timescale"], form.cleaned_data["reason"], actor(request)
            )
        except ChangeRefused as refused:
            _refused(form, refused)
        else:
            messages.success(
                request, f"Your request to revise action {action_id}'s timescale is sent for a decision."
            )
            return redirect("action", plan.slug, action_id)
    return _ask_page(request, plan, access, action, form, "plans/ask_retime.html")


@plan_page()
def ask_withdrawal(request: HttpRequest, plan: Plan, access: Access, action_id: str) -> HttpResponse:
    action = _action(plan, action_id, access)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            request_withdrawal(action, form.cleaned_data["reason"], actor(request))
        except ChangeRefused as refused:
            _refused(form, refused)
        else:
            messages.success(request, f"Your request to withdraw action {action_id} is sent for a decision.")
            return redirect("action", plan.slug, action_id)
    return _ask_page(request, plan, access, action, form, "plans/ask_withdrawal.html")


def _ask_page(
    request: HttpRequest, plan: Plan, access: Access, action: Action, form: GovUKForm, template: str
) -> HttpResponse:
    return render_plan_page(
        request,
        template,
        plan,
        access,
        "actions",
        {
            "crumbs": plan_crumbs(
                plan, (action.action_id, reverse("action", args=[plan.slug, action.action_id]))
            ),
            "action": action,
            "form": form,
            "form_errors": error_summary(form),
        },
        status=400 if form.errors else 200,
    )


@plan_page()
def timescale_changes(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    return _changes_page(request, plan, access)


def _changes_page(
    request: HttpRequest, plan: Plan, access: Access, refused: tuple[int, DecisionForm] | None = None
) -> HttpResponse:
    changes = (
        TimescaleChange.objects.filter(action__plan=plan)
        .select_related("action")
        .order_by("-requested", "-id")
    )
    waiting = [c for c in changes if c.state == TimescaleChange.State.REQUESTED]
    decided = [c for c in changes if c.state != TimescaleChange.State.REQUESTED]
    forms = (
        {c.pk: DecisionForm(prefix=f"change-{c.pk}") for c in waiting} if access.can_decide_timescales else {}
    )
    if refused is not None:
        forms[refused[0]] = refused[1]
    return render_plan_page(
        request,
        "plans/timescale_changes.html",
        plan,
        access,
        "actions",
        {
            "crumbs": plan_crumbs(plan),
            "waiting": [(c, forms.get(c.pk)) for c in waiting],
            "decided": decided,
            "form_errors": error_summary(refused[1]) if refused else [],
        },
        status=400 if refused else 200,
    )


@require_POST
@plan_page(lambda access: access.can_decide_timescales)
def decide_change(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    change = get_object_or_404(
        TimescaleChange.objects.select_related("action__plan"), action__plan=plan, pk=pk
    )
    form = DecisionForm(request.POST, prefix=f"change-{pk}")
    if form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            decide(change, approve, form.cleaned_data["reason"], actor(request), today())
        except ChangeRefused as refused:
            _refused(form, refused)
        else:
            word = "approved" if approve else "refused"
            messages.success(request, f"The request about action {change.action.action_id} is {word}.")
            return redirect("timescale-changes", plan.slug)
    return _changes_page(request, plan, access, (pk, form))


@plan_page(lambda access: access.manages)
def left_plan(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    """The actions the last plan file no longer lists: an officer says which are withdrawn, and why."""
    left = list(
        Action.objects.filter(plan=plan, in_plan=False, withdrawn_from__isnull=True).order_by("sort_key")
    )
    choices = [(a.action_id, f"{a.action_id}: {a.key_action[:120]}") for a in left]
    form = WithdrawLeftForm(request.POST if request.method == "POST" else None, choices=choices)
    if form.is_valid():
        chosen = set(form.cleaned_data["actions"])
        try:
            done = withdraw_left(
                [a for a in left if a.action_id in chosen],
                form.cleaned_data["reason"],
                actor(request),
                today(),
            )
        except ChangeRefused as refused:
            _refused(form, refused)
        else:
            messages.success(request, f"{len(done)} action{'s' if len(done) != 1 else ''} withdrawn.")
            return redirect("left-plan", plan.slug)
    return render_plan_page(
        request,
        "plans/left_plan.html",
        plan,
        access,
        "actions",
        {"crumbs": plan_crumbs(plan), "left": left, "form": form, "form_errors": error_summary(form)},
        status=400 if form.errors else 200,
    )


@plan_page(lambda access: access.can_edit_plan_text)
def edit_action(request: HttpRequest, plan: Plan, access: Access, action_id: str) -> HttpResponse:
    """An officer edits the action's key action, lead and agencies; each change is audited."""
    action = get_object_or_404(Action.objects.select_related("priority"), plan=plan, action_id=action_id)
    form = ActionTextForm(
        request.POST if request.method == "POST" else None,
        initial={
            "key_action": action.key_action,
            "lead": action.lead,
            "agencies": action.agencies,
            "revision": str(action.revision),
            "seen": str(latest_change_id(action)),
        },
    )
    conflict = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            changed = edit_action_text(
                action, data, seen_number(data["revision"]), seen_number(data["seen"]), actor(request)
            )
        except Conflict as refused:
            conflict = refused
            fresh = request.POST.copy()
            fresh["revision"], fresh["seen"] = str(action.revision), str(latest_change_id(action))
            form = ActionTextForm(fresh)
        else:
            words = ", ".join(changed) if changed else "nothing"
            messages.success(request, f"Action {action_id}: changed {words}.")
            return redirect("action", plan.slug, action_id)
    return render_plan_page(
        request,
        "plans/edit_action.html",
        plan,
        access,
        "actions",
        {
            "crumbs": plan_crumbs(plan, (action.action_id, reverse("action", args=[plan.slug, action_id]))),
            "action": action,
            "form": form,
            "conflict": conflict,
            "form_errors": error_summary(form),
        },
        status=409 if conflict else 400 if form.errors else 200,
    )
