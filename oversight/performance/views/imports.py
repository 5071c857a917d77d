"""Importing indicators or their values by upload, with the plan imports' preview of every change (or
every problem) before anything is saved; for officers and performance analysts."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from oversight.accounts.roles import Access
from oversight.lib.problems import ImportFailed
from oversight.plans import uploads
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.views.common import plan_crumbs, render_plan_page
from oversight.plans.views.imports import ImportPages, preview_pages, remember

KINDS = {"indicators": "indicators", "values": "indicator-values"}  # the form's choice: the upload's kind
SCORECARD_IMPORTS = ImportPages(
    frozenset(KINDS.values()),
    "scorecard-import",
    "scorecard-import-preview",
    "scorecard-import-confirm",
    "scorecard-import-cancel",
    "scorecard",
    "scorecard",
    (("Scorecard", "scorecard"), ("Import indicators or values", "scorecard-import")),
    by_action=False,
)


def _can_import(access: Access) -> bool:
    return access.can_manage_indicators


@plan_page(_can_import)
def import_page(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    values = {"kind": "", "sheet": ""}
    problems: dict[str, str] = {}
    if request.method == "POST":
        values = {name: request.POST.get(name, "").strip() for name in values}
        if values["kind"] not in KINDS:
            problems["kind"] = "Select what the file holds: indicators, or their values"
        upload = request.FILES.get("file")
        if upload is None:
            problems["file"] = "Choose a CSV or Excel file to upload"
        problems |= uploads.sheet_problems(values)
        if not problems and upload is not None:
            try:
                pending = uploads.keep(upload, KINDS[values["kind"]], None, values["sheet"] or None)
            except ImportFailed as failed:
                problems["file"] = "; ".join(p.message for p in failed.problems)
            else:
                remember(request, pending)
                return redirect(SCORECARD_IMPORTS.preview, plan.slug, pending.token)
    return render_plan_page(
        request,
        "performance/import.html",
        plan,
        access,
        "scorecard",
        {
            "crumbs": plan_crumbs(plan, ("Scorecard", reverse("scorecard", args=[plan.slug]))),
            "values": values,
            "problems": problems,
            "form_errors": list(problems.items()),
        },
        status=400 if problems else 200,
    )


import_preview, import_confirm, import_cancel = preview_pages(_can_import, SCORECARD_IMPORTS)
