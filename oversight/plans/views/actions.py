"""The action list, an action's page, "My actions" and the monthly update form."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from oversight.accounts.roles import Access
from oversight.audit.models import Change
from oversight.govuk.forms import error_summary
from oversight.lib.months import last_day, month_of
from oversight.lib.numbers import counted
from oversight.plans import action_list_file
from oversight.plans.access import plan_page
from oversight.plans.action_filters import ActionFilter
from oversight.plans.action_funding import paid_by
from oversight.plans.action_rows import ActionRow
from oversight.plans.action_table import action_table_rows
from oversight.plans.action_training import training_for
from oversight.plans.completion_cases import completion_cases
from oversight.plans.forms.action_filter import ActionFilterForm
from oversight.plans.forms.status import NoChangeForm, StatusUpdateForm
from oversight.plans.linked_findings import findings_about
from oversight.plans.models import RAG, Action, Plan, StatusRecord, TimescaleChange
from oversight.plans.my_work import work_of
from oversight.plans.register import register
from oversight.plans.reminders import calendar_of
from oversight.plans.return_calendar import dates_in
from oversight.plans.status_runs import current_run
from oversight.plans.timescale_history import history_of
from oversight.plans.updates import (
    Conflict,
    NoChangeRefused,
    StatusUpdate,
    confirm_no_change,
    latest_change_id,
    record_status,
)
from oversight.plans.verification import completion_of
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page, seen_number, today

PAGE_SIZE = 50


@plan_page()
def action_list(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    reg = register(plan, today())
    chosen = ActionFilter.from_query(request.GET, request.GET.getlist("rag"))
    found = chosen.apply(reg.actions, reg.month)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render_plan_page(
        request,
        "plans/action_list.html",
        plan,
        access,
        "actions",
        {
            "crumbs": plan_crumbs(plan),
            "filter": chosen,
            "form": ActionFilterForm(
                chosen, list(plan.priorities.values_list("number", "title")), reg.leads, reg.agencies
            ),
            "found": len(found),
            "total": len(reg.actions),
            "page": page,
            "actions": page.object_list,
            "rows": action_table_rows(plan.slug, page.object_list),
            "query": query.urlencode(),
            "month": reg.month,
            "left_plan": _left_plan(plan) if access.manages else 0,
            "downloads": [
                (label, reverse("actions-download", args=[plan.slug, fmt]), fmt)
                for fmt, label in (("csv", "CSV"), ("xlsx", "Excel"))
            ],  # fmt: skip
        },
    )


@plan_page()
def action_download(request: HttpRequest, plan: Plan, access: Access, fmt: str) -> HttpResponse:
    """Every action the filters in the address find (not only one page of them), as CSV or Excel."""
    if fmt not in action_list_file.FORMATS:
        raise Http404("No such download")
    reg = register(plan, today())
    chosen = ActionFilter.from_query(request.GET, request.GET.getlist("rag"))
    found = chosen.apply(reg.actions, reg.month)
    described = "filtered" if chosen.active else ""
    content = action_list_file.render(action_list_file.actions_table(found, reg.month, described), fmt)
    response = HttpResponse(content, content_type=action_list_file.FORMATS[fmt])
    name = f"{plan.slug}-actions-{reg.month:%Y-%m}{'-filtered' if chosen.active else ''}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@plan_page()
def my_actions(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    reg = register(plan, today())
    mine = [a for a in reg.actions if access.leads_action(a.lead)]
    to_update = [a for a in mine if a.needs_update(reg.month)]
    keepable = [a for a in to_update if a.rag]  # "no change" keeps a status: one is needed
    form = NoChangeForm(
        request.POST if request.method == "POST" else None,
        choices=[
            (a.action_id, f"{a.action_id}: {a.key_action[:80]} ({RAG(a.rag or RAG.WHITE).label})")
            for a in keepable
        ],
        initial={"revisions": ",".join(f"{a.action_id}={rev}" for a, rev in _revisions(plan, keepable))},
    )
    if form.is_valid():
        seen = form.seen()
        chosen = list(
            Action.objects.filter(plan=plan, action_id__in=form.cleaned_data["actions"]).order_by("sort_key")
        )
        try:
            if any(not access.leads_action(a.lead) for a in chosen):
                raise PermissionDenied("Only the action's lead can confirm it has not changed")
            confirm_no_change([(a, seen.get(a.action_id, -1)) for a in chosen], actor(request), today())
        except Conflict as refused:
            form.add_error(
                "actions",
                f"Action {refused.action.action_id} changed after this page was opened: nothing was saved;"
                " check it and try again",
            )
        except NoChangeRefused as refused:
            form.add_error("actions", str(refused))
        else:
            messages.success(request, f"No change recorded for {counted(len(chosen), 'action')} this month.")
            return redirect("my-actions", plan.slug)
    return render_plan_page(
        request,
        "plans/my_actions.html",
        plan,
        access,
        "my-actions",
        {
            "crumbs": plan_crumbs(plan),
            "to_update": to_update,
            "updated": action_table_rows(plan.slug, [a for a in mine if not a.needs_update(reg.month)]),
            "mine": mine,
            "month": reg.month,
            "dates": dates_in(reg.month, calendar_of(plan)),
            "work": work_of(plan, request.user, today()),
            "no_change_form": form if keepable else None,
            "form_errors": error_summary(form),
        },
        status=400 if form.errors else 200,
    )


def _revisions(plan: Plan, rows: list[ActionRow]) -> list[tuple[ActionRow, int]]:
    revisions = dict(
        Action.objects.filter(plan=plan, pk__in=[a.pk for a in rows]).values_list("pk", "revision")
    )
    return [(a, revisions.get(a.pk, 0)) for a in rows]


def _action(plan: Plan, action_id: str) -> Action:
    return get_object_or_404(Action.objects.select_related("priority"), plan=plan, action_id=action_id)


@plan_page()
def action_page(request: HttpRequest, plan: Plan, access: Access, action_id: str) -> HttpResponse:
    action = _action(plan, action_id)
    statuses = list(StatusRecord.objects.filter(action=action).order_by("-as_at", "-id"))
    case = completion_cases([action.pk], today())[action.pk]
    return render_plan_page(
        request,
        "plans/action.html",
        plan,
        access,
        "actions",
        {
            "crumbs": plan_crumbs(plan, (f"Priority {action.priority.number}", _priority_url(plan, action))),
            "action": action,
            "statuses": statuses,
            "run": current_run((s.as_at, s.rag) for s in reversed(statuses)),
            "evidence": action.evidence.all(),
            "changes": Change.objects.filter(action=action).order_by("-changed", "-id"),
            "can_update": access.can_update(action.lead),
            "completion": completion_of(action, last_day(today())),
            "case": case,
            "can_remove_evidence": access.manages,
            "user_id": request.user.pk,
            "indicators": case.measures,
            "findings": findings_about(action.pk),
            "paid_by": paid_by(action.pk),
            "training": training_for(action.pk),
            **_timescale_context(action),
        },
    )


def _left_plan(plan: Plan) -> int:
    """Actions the last plan file dropped that nobody has yet said are withdrawn."""
    return Action.objects.filter(plan=plan, in_plan=False, withdrawn_from__isnull=True).count()


def _timescale_context(action: Action) -> dict[str, object]:
    changes = list(action.timescale_changes.order_by("requested", "id"))
    approved = [c for c in changes if c.kind == TimescaleChange.Kind.RETIME and c.state == "approved"]
    timescales = history_of(
        (action.timescale, action.first_month, action.last_month),
        [c.as_revision() for c in approved],
        action.withdrawn_from,
    )
    return {
        "timescales": timescales,
        "retimings": approved,
        "slippage": timescales.slippage(month_of(today())),
        "waiting": next((c for c in changes if c.state == TimescaleChange.State.REQUESTED), None),
        "changes_decided": [c for c in reversed(changes) if c.state != TimescaleChange.State.REQUESTED],
    }


def _priority_url(plan: Plan, action: Action) -> str:
    return reverse("priority", args=[plan.slug, action.priority.number])


@plan_page()
def update_status(request: HttpRequest, plan: Plan, access: Access, action_id: str) -> HttpResponse:
    action = _action(plan, action_id)
    if not access.can_update(action.lead):
        raise PermissionDenied("Only the action's lead or an improvement officer can update it")
    current = StatusRecord.objects.filter(action=action).order_by("-as_at", "-id").first()
    form = StatusUpdateForm(
        request.POST if request.method == "POST" else None,
        initial={
            "rag": current.rag if current else "",
            # last month's commentary is not this month's: only an update made this month is edited
            "commentary": current.commentary
            if current and month_of(current.as_at) == month_of(today())
            else "",
            "revision": str(action.revision),
            "seen": str(latest_change_id(action)),
        },
    )
    conflict = None
    status = 200
    if form.is_valid():
        data = form.cleaned_data
        update = StatusUpdate(
            data["rag"],
            data["commentary"],
            seen_number(data["revision"]),
            seen_number(data["seen"]),
            {"yes": True, "no": False}.get(data["safeguarding_risk"]),
            data["risk_response"],
        )
        try:
            record_status(action, update, actor(request), today())
        except Conflict as refused:
            conflict = refused
            status = 409
            # what they typed stays; the page is now based on the action as it stands
            fresh = request.POST.copy()
            fresh["revision"], fresh["seen"] = str(action.revision), str(latest_change_id(action))
            form = StatusUpdateForm(fresh)
        else:
            messages.success(request, f"Action {action.action_id} is now {RAG(data['rag']).label}.")
            return redirect(safe_next(request) or reverse("action", args=[plan.slug, action_id]))
    elif form.is_bound:
        status = 400
    return render_plan_page(
        request,
        "plans/update_status.html",
        plan,
        access,
        "my-actions",
        {
            "crumbs": plan_crumbs(plan, (action.action_id, reverse("action", args=[plan.slug, action_id]))),
            "action": action,
            "current": current,
            "form": form,
            "form_errors": error_summary(form),
            "conflict": conflict,
            "next": safe_next(request),
        },
        status=status,
    )


def safe_next(request: HttpRequest) -> str:
    """Where to go after saving: only ever a page of this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False)
    return target if safe and target.startswith("/") else ""
