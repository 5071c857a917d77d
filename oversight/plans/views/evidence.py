"""Adding, downloading and removing an action's evidence."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from oversight.accounts.roles import Access
from oversight.govuk.forms import error_summary
from oversight.plans import evidence as store
from oversight.plans.access import plan_page
from oversight.plans.evidence_types import ACCEPTED_DESCRIPTION, EvidenceRefused
from oversight.plans.forms.evidence import EvidenceForm
from oversight.plans.models import Action, Evidence, Plan
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page


def _add(request: HttpRequest, action: Action, form: EvidenceForm) -> bool:
    """Adds the link or the uploaded file; False, with the problem on the form, if it is refused."""
    data = form.cleaned_data
    try:
        if data["kind"] == "link":
            store.add_link(action, data["url"], data["title"], actor(request))
        else:
            store.add_file(action, data["file"], data["title"], actor(request))
    except EvidenceRefused as refused:
        form.add_error("url" if data["kind"] == "link" else "file", str(refused))
        return False
    return True


@plan_page()
def add_evidence(request: HttpRequest, plan: Plan, access: Access, action_id: str) -> HttpResponse:
    action = get_object_or_404(Action, plan=plan, action_id=action_id)
    if not access.can_update(action.lead):
        raise PermissionDenied("Only the action's lead or an improvement officer can add evidence")
    posted = request.method == "POST"
    form = EvidenceForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        accepted=ACCEPTED_DESCRIPTION,
        limit=store.human_size(settings.EVIDENCE_MAX_BYTES),
    )
    if form.is_valid() and _add(request, action, form):
        messages.success(request, f"Evidence added to action {action.action_id}.")
        return redirect("action", plan.slug, action.action_id)
    return render_plan_page(
        request,
        "plans/add_evidence.html",
        plan,
        access,
        "actions",
        {
            "crumbs": plan_crumbs(plan, (action.action_id, reverse("action", args=[plan.slug, action_id]))),
            "action": action,
            "form": form,
            "form_errors": error_summary(form),
        },
        status=400 if form.errors else 200,
    )


def _evidence(plan: Plan, action_id: str, pk: int) -> Evidence:
    return get_object_or_404(
        Evidence.objects.select_related("action"), pk=pk, action__plan=plan, action__action_id=action_id
    )


@plan_page()
def download_evidence(
    request: HttpRequest, plan: Plan, access: Access, action_id: str, pk: int
) -> HttpResponseBase:
    evidence = _evidence(plan, action_id, pk)
    if evidence.kind == Evidence.Kind.LINK:
        # never a redirect: the address is shown, and the reader chooses to leave for it
        return render_plan_page(
            request,
            "plans/leaving.html",
            plan,
            access,
            "actions",
            {
                "crumbs": plan_crumbs(plan, (action_id, reverse("action", args=[plan.slug, action_id]))),
                "evidence": evidence,
                "host": urlsplit(evidence.url).hostname or "",
            },
        )
    response = FileResponse(
        store.stored_path(evidence).open("rb"),
        as_attachment=True,
        filename=evidence.file_name,
        content_type=evidence.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _verifies(access: Access) -> bool:
    return access.can_verify_evidence


@require_POST
@plan_page(_verifies)
def verify_evidence(
    request: HttpRequest, plan: Plan, access: Access, action_id: str, pk: int
) -> HttpResponse:
    evidence = _evidence(plan, action_id, pk)
    if evidence.verified is None:
        store.verify(evidence, actor(request))
        messages.success(request, f"“{evidence.title}” is marked as verified.")
    return redirect("action", plan.slug, action_id)


@require_POST
@plan_page()
def remove_evidence(
    request: HttpRequest, plan: Plan, access: Access, action_id: str, pk: int
) -> HttpResponse:
    evidence = _evidence(plan, action_id, pk)
    if not access.can_remove_evidence(evidence.action.lead, evidence.user_id == request.user.pk):
        raise PermissionDenied("Only an improvement officer, or the lead who added it, can remove evidence")
    store.remove(evidence, actor(request))
    messages.success(request, f"Removed “{evidence.title}” from action {action_id}.")
    return redirect("action", plan.slug, action_id)
