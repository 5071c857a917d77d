"""A case audit: its page (case detail, each viewing logged), the auditor's grading, and its
moderation; and each person's own audits to do and to moderate."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from oversight.accounts.people import choices, people_in
from oversight.accounts.roles import Access
from oversight.govuk.forms import error_summary
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page, today
from oversight.quality.audit_access import does_audit, moderates, sees_audit, sets_case_actions
from oversight.quality.audits import AuditRefused, Grading, complete, moderate
from oversight.quality.case_actions import add_case_action, mark_done
from oversight.quality.forms import AuditForm, CaseActionForm, ModerationForm
from oversight.quality.models import CaseAction, CaseAudit
from oversight.quality.trail import audit_viewed
from oversight.quality.views.common import CURRENT, quality_crumbs, rebased, runs_programme


def _audit(request: HttpRequest, plan: Plan, access: Access, pk: int) -> CaseAudit:
    """The audit, to someone whose role or part in it lets them see it; to anyone else, not found."""
    audit = get_object_or_404(
        CaseAudit.objects.select_related("cohort__tool_version", "cohort__plan"), cohort__plan=plan, pk=pk
    )
    if not sees_audit(access, request.user, audit):
        raise Http404("No such audit")
    return audit


def _crumbs(plan: Plan, access: Access) -> list[tuple[str, str]]:
    if access.can_view:
        return quality_crumbs(plan, ("Your case audits", reverse("my-audits", args=[plan.slug])))
    return [("Your case audits", reverse("my-audits", args=[plan.slug]))]


def _grading_initial(audit: CaseAudit) -> dict[str, object]:
    initial: dict[str, object] = {"revision": audit.revision}
    if audit.overall_rank is not None:
        initial |= {f"domain_{g.position}": str(g.rank) for g in audit.grades.all()}
        initial |= {
            "overall": str(audit.overall_rank),
            "strengths": audit.strengths,
            "development": audit.development,
            "impact": audit.impact,
            "concern": audit.concern,
        }
    return initial


def _page(
    request: HttpRequest,
    plan: Plan,
    access: Access,
    audit: CaseAudit,
    grading: AuditForm | None = None,
    moderation: ModerationForm | None = None,
    case_action: CaseActionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    audit_viewed(plan.pk, actor(request), audit.pk)
    user = request.user
    if grading is None and does_audit(user, audit) and audit.moderated is None:
        grading = AuditForm(audit=audit, initial=_grading_initial(audit))
    can_moderate = (
        moderates(access, user, audit) and audit.overall_rank is not None and audit.moderated is None
    )
    if moderation is None and can_moderate:
        moderation = ModerationForm(audit=audit, initial={"revision": audit.revision})
    if case_action is None and sets_case_actions(access, user, audit):
        case_action = CaseActionForm(people=choices(people_in(plan.pk)))
    return render_plan_page(
        request,
        "quality/audit.html",
        plan,
        access,
        CURRENT if access.can_view else "",
        {
            "crumbs": _crumbs(plan, access),
            "audit": audit,
            "version": audit.cohort.tool_version,
            "grades": list(audit.grades.all()),
            "grading": grading,
            "moderation": moderation if can_moderate else None,
            "case_action": case_action,
            "case_actions": list(audit.case_actions.all()),
            "marks_done": access.runs_quality_assurance or does_audit(user, audit),
            "user_id": user.pk,
            "form_errors": error_summary(grading, moderation, case_action),
        },
        status=status,
    )


@plan_page(auditors=True)
def case_audit(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    return _page(request, plan, access, _audit(request, plan, access, pk))


def _saved(
    request: HttpRequest,
    plan: Plan,
    access: Access,
    audit: CaseAudit,
    form: AuditForm | ModerationForm,
    save: Callable[[dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    """The audit's page again with the form's errors, or with the refusal of a save made from a page
    older than the audit (what was typed kept, the form re-based on the audit now); or, saved, the page
    saying so."""
    grading = form if isinstance(form, AuditForm) else None
    moderation = form if isinstance(form, ModerationForm) else None
    if not form.is_valid():
        return _page(request, plan, access, audit, grading, moderation, status=400)
    try:
        save(form.cleaned_data)
    except AuditRefused as refused:
        form.add_error(None, str(refused))
        fresh = CaseAudit.objects.select_related("cohort__tool_version", "cohort__plan").get(pk=audit.pk)
        rebased(form, "revision", fresh.revision)
        return _page(request, plan, access, fresh, grading, moderation, status=409)
    messages.success(request, done)
    return redirect("case-audit", plan.slug, audit.pk)


@require_POST
@plan_page(auditors=True)
def grade_audit(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    audit = _audit(request, plan, access, pk)
    if not does_audit(request.user, audit):
        raise Http404("No such audit")
    form = AuditForm(request.POST, audit=audit)

    def save(data: dict[str, Any]) -> object:
        words = (data["strengths"], data["development"], data["impact"], data["concern"])
        grading = Grading(form.domain_ranks(), int(data["overall"]), *words)
        return complete(audit, grading, actor(request), data["revision"], today())

    return _saved(request, plan, access, audit, form, save, f"Case audit {audit.pk} is saved.")


@require_POST
@plan_page(auditors=True)
def moderate_audit(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    audit = _audit(request, plan, access, pk)
    if not moderates(access, request.user, audit):
        raise Http404("No such audit")
    form = ModerationForm(request.POST, audit=audit)

    def save(data: dict[str, Any]) -> object:
        agreed, by = int(data["agreed"]), actor(request)
        return moderate(audit, agreed, data["note"], by, request.user, data["revision"], today())

    return _saved(request, plan, access, audit, form, save, f"Case audit {audit.pk} is moderated.")


@plan_page(auditors=True)
def my_audits(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    mine = CaseAudit.objects.filter(cohort__plan=plan).select_related("cohort__tool_version")
    to_do = mine.filter(auditor_id=request.user.pk).order_by("state", "due", "pk")
    to_moderate = mine.filter(moderator_id=request.user.pk, moderated__isnull=True).order_by("due", "pk")
    actions = CaseAction.objects.filter(audit__cohort__plan=plan, owner_id=request.user.pk, done__isnull=True)
    return render_plan_page(
        request,
        "quality/my_audits.html",
        plan,
        access,
        CURRENT if access.can_view else "",
        {
            "crumbs": quality_crumbs(plan) if access.can_view else plan_crumbs(plan)[:1],
            "to_do": [a for a in to_do if a.state == CaseAudit.State.ASSIGNED],
            "done": [a for a in to_do if a.state == CaseAudit.State.COMPLETED],
            "to_moderate": list(to_moderate),
            "case_actions": list(actions.order_by("due", "pk")),
            "today": today(),
        },
    )


@require_POST
@plan_page(auditors=True)
def new_case_action(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    audit = _audit(request, plan, access, pk)
    if not sets_case_actions(access, request.user, audit):
        raise Http404("No such audit")
    people = people_in(plan.pk)
    form = CaseActionForm(request.POST, people=choices(people))
    if form.is_valid():
        data = form.cleaned_data
        add_case_action(audit, data["action"], people[data["owner"]], data["due"], actor(request))
        messages.success(request, f"The case action is set for {data['due']:%-d %B %Y}.")
        return redirect("case-audit", plan.slug, audit.pk)
    return _page(request, plan, access, audit, case_action=form, status=400)


@require_POST
@plan_page(auditors=True)
def case_action_done(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    found = get_object_or_404(
        CaseAction.objects.select_related("audit__cohort"), audit__cohort__plan=plan, pk=pk
    )
    audit = _audit(request, plan, access, found.audit_id)
    if not (
        access.runs_quality_assurance or does_audit(request.user, audit) or found.owner_id == request.user.pk
    ):
        raise Http404("No such case action")
    if mark_done(found, actor(request), today()):
        messages.success(request, "The case action is done.")
    else:
        messages.info(request, "The case action was already done.")
    return redirect("case-audit", plan.slug, audit.pk)


@plan_page(runs_programme)
def open_case_actions(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    """Every case action not yet done, the overdue first: the corrective action audits asked for."""
    found = CaseAction.objects.filter(audit__cohort__plan=plan, done__isnull=True).select_related(
        "audit__cohort"
    )
    return render_plan_page(
        request,
        "quality/case_actions.html",
        plan,
        access,
        CURRENT,
        {"crumbs": quality_crumbs(plan), "actions": found.order_by("due", "pk"), "today": today()},
    )
