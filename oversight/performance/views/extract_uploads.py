"""Annex A extracts on the website: what is loaded for the plan's council, uploading an extract (the
worker loads it), each upload's progress and data-quality report, and confirming one that replaces
lists in use. For analysts, and officers where the plan allows."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from oversight.accounts.roles import Access, Role
from oversight.annex_a.extracts import loaded_extracts
from oversight.govuk.forms import error_summary
from oversight.lib.problems import ImportFailed
from oversight.performance import extract_uploads
from oversight.performance.annex_a_engine import annex_a_engine
from oversight.performance.forms.extract_uploads import ExtractUploadForm
from oversight.performance.models import ExtractUpload
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page

UPLOADS_SHOWN = 20
REFRESH_SECONDS = 2


def _may_load(access: Access) -> bool:
    return access.role in {Role.ANALYST, Role.OFFICER}  # officers only where the plan allows (below)


def _allowed(plan: Plan, access: Access) -> None:
    if not access.can_load_annex_a(plan.officers_load_annex_a):
        raise PermissionDenied


@plan_page(_may_load)
def extracts(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    _allowed(plan, access)
    posted = request.method == "POST"
    form = ExtractUploadForm(request.POST if posted else None, request.FILES if posted else None)
    if form.is_valid():
        try:
            upload = extract_uploads.receive(
                plan, form.cleaned_data["file"], form.cleaned_data["as_at"], actor(request)
            )
        except ImportFailed as failed:
            form.add_error("file", "; ".join(f"{p.file}: {p.message}" for p in failed.problems))
        else:
            return redirect("annex-a-upload", plan.slug, upload.pk)
    return render_plan_page(
        request,
        "performance/annex_a_extracts.html",
        plan,
        access,
        "scorecard",
        {
            "crumbs": plan_crumbs(plan, ("Scorecard", reverse("scorecard", args=[plan.slug]))),
            "form": form,
            "form_errors": error_summary(form),
            "loaded": loaded_extracts(annex_a_engine(), plan.council) if plan.council else [],
            "uploads": plan.extract_uploads.select_related("uploaded_by")[:UPLOADS_SHOWN],
        },
        status=400 if form.errors else 200,
    )


def _upload(plan: Plan, pk: int) -> ExtractUpload:
    return get_object_or_404(ExtractUpload.objects.select_related("uploaded_by"), pk=pk, plan=plan)


@plan_page(_may_load)
def upload_page(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    _allowed(plan, access)
    upload = _upload(plan, pk)
    context: dict[str, Any] = {
        "crumbs": plan_crumbs(
            plan,
            ("Scorecard", reverse("scorecard", args=[plan.slug])),
            ("Annex A extracts", reverse("annex-a-extracts", args=[plan.slug])),
        ),
        "upload": upload,
        "refresh": REFRESH_SECONDS if upload.in_progress else None,
        "percent": round(100 * upload.lists_loaded / upload.lists) if upload.lists else 0,
    }
    return render_plan_page(request, "performance/annex_a_upload.html", plan, access, "scorecard", context)


@require_POST
@plan_page(_may_load)
def confirm_upload(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    _allowed(plan, access)
    upload = _upload(plan, pk)
    if not extract_uploads.confirm(upload, actor(request)):
        messages.warning(request, "This extract was no longer waiting to be confirmed: see where it is now.")
    return redirect("annex-a-upload", plan.slug, upload.pk)


@require_POST
@plan_page(_may_load)
def cancel_upload(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    _allowed(plan, access)
    upload = _upload(plan, pk)
    if extract_uploads.cancel(upload, actor(request)):
        messages.success(request, f"{upload.file_name} was not loaded: what was loaded before stays.")
    return redirect("annex-a-extracts", plan.slug)
