"""Importing a plan or a month's statuses by upload: the file, a preview of every change, then confirm."""

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
from oversight.plans import uploads
from oversight.plans.access import View, plan_page
from oversight.plans.forms.imports import PlanImportForm, SheetAndFile
from oversight.plans.models import Plan
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page, today

SESSION_KEY = "pending_imports"


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
            remember(request, pending)
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
    remember(request, pending)
    return redirect(pages.preview, plan.slug, pending.token)


def remember(request: HttpRequest, pending: uploads.PendingImport) -> None:
    """Only the person who uploaded a file may preview and import it: it is kept in their session."""
    request.session.setdefault(SESSION_KEY, {})[pending.token] = pending.to_session()
    request.session.modified = True


def _pending(request: HttpRequest, token: str, pages: ImportPages) -> uploads.PendingImport | None:
    data = request.session.get(SESSION_KEY, {}).get(token)
    pending = uploads.PendingImport.from_session(data) if data else None
    return pending if pending is not None and pending.kind in pages.kinds else None


def _forget(request: HttpRequest, pending: uploads.PendingImport) -> None:
    uploads.discard(pending)
    request.session.get(SESSION_KEY, {}).pop(pending.token, None)
    request.session.modified = True


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
    """Every change the upload would make, or every problem in it; nothing is saved."""
    pending = _pending(request, token, pages)
    if pending is None or not uploads.unchanged(pending):
        messages.error(request, "That upload has expired or was already imported. Upload the file again.")
        return redirect(pages.upload, plan.slug)
    failed = None
    result = None
    try:
        result = uploads.preview(pending, plan.slug, actor(request))
    except ImportFailed as refused:
        failed = refused
        _forget(request, pending)
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
            "pending": pending,
            "problems": failed.problems if failed else [],
            "result": result,
            "lines": result.summary.lines(done=False) if result else [],
            "revision": plan.revision,
        },
        status=400 if failed else 200,
    )


def _confirm(request: HttpRequest, plan: Plan, token: str, pages: ImportPages) -> HttpResponse:
    """Imports the previewed upload, unless the plan changed after the preview was made."""
    pending = _pending(request, token, pages)
    if pending is None or not uploads.unchanged(pending):
        messages.error(request, "That upload has expired or was already imported. Upload the file again.")
        return redirect(pages.upload, plan.slug)
    if request.POST.get("revision") != str(plan.revision):
        messages.error(
            request, "The plan changed after this preview was made. Check the new preview before importing."
        )
        return redirect(pages.preview, plan.slug, token)
    try:
        summary = uploads.run(pending, plan.slug, actor(request))
    except ImportFailed:
        return redirect(pages.preview, plan.slug, token)
    _forget(request, pending)
    messages.success(request, summary.lines()[0].rstrip(":") + ".")
    return redirect(pages.done, plan.slug)


def _cancel(request: HttpRequest, plan: Plan, token: str, pages: ImportPages) -> HttpResponse:
    pending = _pending(request, token, pages)
    if pending is not None:
        _forget(request, pending)
    messages.info(request, "The upload was cancelled; nothing was imported.")
    return redirect(pages.upload, plan.slug)


import_preview, import_confirm, import_cancel = preview_pages(_can_import, PLAN_IMPORTS)
