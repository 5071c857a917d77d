"""Importing indicators or their values by upload, with the plan imports' preview of every change (or
every problem) before anything is saved; for officers and performance analysts."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from oversight.accounts.roles import Access
from oversight.govuk.forms import error_summary
from oversight.performance.forms.imports import ScorecardImportForm
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.views.common import plan_crumbs, render_plan_page
from oversight.plans.views.imports import ImportPages, preview_pages, to_preview

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
    posted = request.method == "POST"
    form = ScorecardImportForm(request.POST if posted else None, request.FILES if posted else None)
    previewed = to_preview(request, plan, form, lambda data: KINDS[data["kind"]], SCORECARD_IMPORTS)
    if previewed is not None:
        return previewed
    return render_plan_page(
        request,
        "performance/import.html",
        plan,
        access,
        "scorecard",
        {
            "crumbs": plan_crumbs(plan, ("Scorecard", reverse("scorecard", args=[plan.slug]))),
            "form": form,
            "form_errors": error_summary(form),
        },
        status=400 if form.errors else 200,
    )


import_preview, import_confirm, import_cancel = preview_pages(_can_import, SCORECARD_IMPORTS)
