"""Importing a plan or a month's statuses by upload: the file, a preview of every change (made by the
worker, which this page follows), then confirm."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from oversight.accounts.roles import Access
from oversight.govuk.forms import error_summary
from oversight.lib.problems import ImportFailed
from oversight.plans import file_imports, uploads
from oversight.plans.access import View, plan_page
from oversight.plans.forms.imports import PlanImportForm, SheetAndFile
from oversight.plans.models import FileImport, Plan
from oversight.plans.views.common import plan_crumbs, render_plan_page, today

REFRESH_SECONDS = 2  # how often a page following the worker asks again


@dataclass(frozen=True)
class ImportPages:
    """A place on the site where files are imported: the kinds of file it takes, the names of its
    pages, where a confirmed import leads, and the breadcrumbs (text, page name) above its preview."""

    kinds: frozenset[str]
    upload: str
    preview: str
    confirm: str
    cancel: str
    done: str
    navigation: str
    crumbs: tuple[tuple[str, str], ...]
    by_action: bool = True  # the preview's changes are to actions, so it shows which


PLAN_IMPORTS = ImportPages(
    frozenset({"plan", "status", "recommendations"}),
    "import",
    "import-preview",
    "import-confirm",
    "import-cancel",
    "plan",
    "import",
    (("Import", "import"),),
)


def _can_import(access: Access) -> bool:
    return access.can_import


@plan_page(_can_import)
def import_page(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    posted = request.method == "POST"
    form = PlanImportForm(request.POST if posted else None, request.FILES if posted else None, today=today())
    if form.is_valid():
        data = form.cleaned_data
        try:
            pending = uploads.keep(
                data["file"],
                data["kind"],
                form.day_read_with(),
                data["sheet"] or None,
                data["recommendations_file"],
            )
        except ImportFailed as failed:
            form.add_error("file", "; ".join(f"{p.file}: {p.message}" for p in failed.problems))
        else:
            file_imports.receive(plan, pending, request.user)
            return redirect("import-preview", plan.slug, pending.token)
    return render_plan_page(
        request,
        "plans/import.html",
        plan,
        access,
        "import",
        {"crumbs": plan_crumbs(plan), "form": form, "form_errors": error_summary(form)},
        status=400 if form.errors else 200,
    )


def to_preview(
    request: HttpRequest,
    plan: Plan,
    form: SheetAndFile,
    kind: str | Callable[[dict[str, Any]], str],
    pages: ImportPages,
) -> HttpResponse | None:
    """A valid upload of a sheet and file of `kind` (or of the kind the form's answers name) kept and its
    preview opened; None when the form has an error or the file is refused before it is read (the
    refusal is then the file field's error)."""
    if not form.is_valid():
        return None
    data = form.cleaned_data
    named = kind if isinstance(kind, str) else kind(data)
    try:
        pending = uploads.keep(data["file"], named, None, data["sheet"] or None)
    except ImportFailed as failed:
        form.add_error("file", "; ".join(p.message for p in failed.problems))
        return None
    file_imports.receive(plan, pending, request.user)
    return redirect(pages.preview, plan.slug, pending.token)


def _upload(request: HttpRequest, plan: Plan, token: str, pages: ImportPages) -> FileImport | None:
    """The upload named, of a kind imported here: only the person who uploaded it sees or imports it."""
    return FileImport.objects.filter(
        plan=plan, token=token[:32], uploaded_by=request.user.pk, kind__in=pages.kinds
    ).first()


def preview_pages(rule: Callable[[Access], bool], pages: ImportPages) -> tuple[View, View, View]:
    """The preview, confirm and cancel pages of a place where files are imported, for those `rule`
    allows."""

    @plan_page(rule)
    def preview(request: HttpRequest, plan: Plan, access: Access, token: str) -> HttpResponse:
        return _preview(request, plan, access, token, pages)

    @require_POST
    @plan_page(rule)
    def confirm(request: HttpRequest, plan: Plan, access: Access, token: str) -> HttpResponse:
        return _confirm(request, plan, token, pages)

    @require_POST
    @plan_page(rule)
    def cancel(request: HttpRequest, plan: Plan, access: Access, token: str) -> HttpResponse:
        return _cancel(request, plan, token, pages)

    return preview, confirm, cancel


def _preview(
    request: HttpRequest, plan: Plan, access: Access, token: str, pages: ImportPages
) -> HttpResponse:
    """How far the worker has come with the upload; then every change it would make, or every problem
    in it. Nothing is saved until its uploader confirms."""
    upload = _upload(request, plan, token, pages)
    if upload is None or upload.status == FileImport.Status.CANCELLED:
        return _expired(request, plan, pages)
    if upload.status == FileImport.Status.IMPORTED:
        return _imported(request, plan, upload, pages)
    refused = upload.status == FileImport.Status.REFUSED
    return render_plan_page(
        request,
        "plans/import_preview.html",
        plan,
        access,
        pages.navigation,
        {
            "crumbs": plan_crumbs(
                plan, *((text, reverse(name, args=[plan.slug])) for text, name in pages.crumbs)
            ),
            "pages": pages,
            "upload": upload,
            "pending": file_imports.pending_of(upload),
            "problems": upload.problems if refused else [],
            "more_changes": upload.change_count - len(upload.changes),
            "refresh": REFRESH_SECONDS,
            "revision": upload.revision,  # the plan's, as the preview saw it
        },
        status=400 if refused else 200,
    )


def _confirm(request: HttpRequest, plan: Plan, token: str, pages: ImportPages) -> HttpResponse:
    """Hands the previewed upload to the worker to import, unless the plan changed after the preview was
    made: then the worker makes the preview again."""
    upload = _upload(request, plan, token, pages)
    if upload is None or upload.status != FileImport.Status.CHECKED:
        return _expired(request, plan, pages)
    if not file_imports.confirm(upload, request.POST.get("revision", "")):
        messages.error(
            request, "The plan changed after this preview was made. Check the new preview before importing."
        )
    upload.refresh_from_db()
    if upload.status == FileImport.Status.IMPORTED:  # the worker was quicker than this answer
        return _imported(request, plan, upload, pages)
    return redirect(pages.preview, plan.slug, token)


def _imported(request: HttpRequest, plan: Plan, upload: FileImport, pages: ImportPages) -> HttpResponse:
    messages.success(request, upload.done_lines[0].rstrip(":") + ".")
    return redirect(pages.done, plan.slug)


def _cancel(request: HttpRequest, plan: Plan, token: str, pages: ImportPages) -> HttpResponse:
    upload = _upload(request, plan, token, pages)
    if upload is not None:
        file_imports.cancel(upload)
    messages.info(request, "The upload was cancelled; nothing was imported.")
    return redirect(pages.upload, plan.slug)


def _expired(request: HttpRequest, plan: Plan, pages: ImportPages) -> HttpResponse:
    messages.error(request, "That upload has expired or was already imported. Upload the file again.")
    return redirect(pages.upload, plan.slug)


import_preview, import_confirm, import_cancel = preview_pages(_can_import, PLAN_IMPORTS)
