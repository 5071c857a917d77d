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
from oversight.lib.lengths import length_problems, limit_of
from oversight.plans import evidence as store
from oversight.plans.access import plan_page
from oversight.plans.evidence_types import ACCEPTED_DESCRIPTION, EvidenceRefused
from oversight.plans.models import Action, Evidence, Plan
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page


def _lengths() -> dict[str, tuple[str, int]]:
    return {"title": ("Title", limit_of(Evidence, "title")), "url": ("Link", limit_of(Evidence, "url"))}


def _add(request: HttpRequest, action: Action, values: dict[str, str]) -> dict[str, str]:
    """Adds the link or the uploaded file; the problem with it, by field, if it is refused."""
    upload = request.FILES.get("file")
    try:
        if values["kind"] == "link":
            if not values["url"]:
                raise EvidenceRefused("Enter the link to the evidence")
            store.add_link(action, values["url"], values["title"], actor(request))
        elif upload is None:
            raise EvidenceRefused("Choose a file to upload")
        else:
            store.add_file(action, upload, values["title"], actor(request))
    except EvidenceRefused as refused:
        return {"url" if values["kind"] == "link" else "file": str(refused)}
    return {}


@plan_page()
def add_evidence(request: HttpRequest, plan: Plan, access: Access, action_id: str) -> HttpResponse:
    action = get_object_or_404(Action, plan=plan, action_id=action_id)
    if not access.can_update(action.lead):
        raise PermissionDenied("Only the action's lead or an improvement officer can add evidence")
    values = {"kind": "file", "title": "", "url": ""}
    problems: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        values = {name: request.POST.get(name, "").strip() for name in values}
        problems = length_problems(values, _lengths()) or _add(request, action, values)
        if not problems:
            messages.success(request, f"Evidence added to action {action.action_id}.")
            return redirect("action", plan.slug, action.action_id)
        status = 400
    return render_plan_page(
        request,
        "plans/add_evidence.html",
        plan,
        access,
        "actions",
        {
            "crumbs": plan_crumbs(plan, (action.action_id, reverse("action", args=[plan.slug, action_id]))),
            "action": action,
            "values": values,
            "problems": problems,
            "form_errors": list(problems.items()),
            "accepted": ACCEPTED_DESCRIPTION,
            "limit": store.human_size(settings.EVIDENCE_MAX_BYTES),
        },
        status=status,
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
