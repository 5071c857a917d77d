"""Importing a council's existing case audit log, with the preview of every change (or every problem)
before anything is saved; for the quality assurance lead."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from oversight.accounts.roles import Access
from oversight.govuk.forms import error_summary
from oversight.plans.access import plan_page
from oversight.plans.forms.imports import SheetAndFile
from oversight.plans.models import Plan
from oversight.plans.views.common import render_plan_page
from oversight.plans.views.imports import ImportPages, preview_pages, to_preview
from oversight.quality.views.common import CURRENT, quality_crumbs, runs_programme

KIND = "case-audits"
AUDIT_LOG_IMPORTS = ImportPages(
    frozenset({KIND}),
    "qa-import",
    "qa-import-preview",
    "qa-import-confirm",
    "qa-import-cancel",
    "quality",
    CURRENT,
    (("Quality assurance", "quality"), ("Import an audit log", "qa-import")),
    by_action=False,
)


@plan_page(runs_programme)
def import_page(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    posted = request.method == "POST"
    form = SheetAndFile(request.POST if posted else None, request.FILES if posted else None)
    previewed = to_preview(request, plan, form, KIND, AUDIT_LOG_IMPORTS)
    if previewed is not None:
        return previewed
    return render_plan_page(
        request,
        "quality/import.html",
        plan,
        access,
        CURRENT,
        {"crumbs": quality_crumbs(plan), "form": form, "form_errors": error_summary(form)},
        status=400 if form.errors else 200,
    )


import_preview, import_confirm, import_cancel = preview_pages(runs_programme, AUDIT_LOG_IMPORTS)
