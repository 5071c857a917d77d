"""The exception report for any month, on screen and as downloads."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from oversight.accounts.roles import Access
from oversight.govuk.forms import ChoiceInQuery
from oversight.lib.months import (
    add_months,
    iso_month,
    last_day,
    month_name,
    month_of,
    months_between,
    parse_iso_month,
)
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.paper_style import look_of
from oversight.plans.render import html, renderer
from oversight.plans.report_data import exception_report
from oversight.plans.stored_downloads import stored_download
from oversight.plans.views.common import plan_crumbs, render_plan_page, today

DOWNLOADS = {
    "docx": ("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": ("PDF", "application/pdf"),
    "xlsx": ("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "json": ("JSON", "application/json"),
    "md": ("Markdown", "text/markdown; charset=utf-8"),
}


def _months(plan: Plan) -> list[date]:
    """Every month from the plan's start to this one, newest first."""
    now = month_of(today())
    first = plan.started or now
    return [add_months(now, -i) for i in range(months_between(first, now) + 1)]


def _as_at(month: date) -> date:
    return min(last_day(month), today())


@plan_page()
def report_page(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    months = _months(plan)
    month = parse_iso_month(request.GET.get("month", "")) or months[0]
    if month not in months:
        raise Http404("The plan has no report for that month")
    report = exception_report(plan.slug, _as_at(month))
    return render_plan_page(
        request,
        "plans/report.html",
        plan,
        access,
        "report",
        {
            "crumbs": plan_crumbs(plan),
            "month_form": ChoiceInQuery(
                "month", "Month", [(iso_month(m), month_name(m)) for m in months], iso_month(month)
            ),
            "downloads": [
                (label, reverse("report-download", args=[plan.slug, iso_month(month), fmt]), fmt)
                for fmt, (label, _) in DOWNLOADS.items()
            ],
            **html.context(report),
        },
    )


@plan_page()
def report_download(request: HttpRequest, plan: Plan, access: Access, month: str, fmt: str) -> HttpResponse:
    chosen = parse_iso_month(month)
    if chosen is None or chosen not in _months(plan) or fmt not in DOWNLOADS:
        raise Http404("No such report")
    as_at = _as_at(chosen)
    name = f"{plan.slug}-exception-report-{iso_month(chosen)}.{fmt}"
    # made once per revision of the plan (any change to it moves the revision), day it is as at, and
    # the site's setting that changes what it counts
    content = stored_download(
        plan,
        "exception-report",
        f"{plan.revision}:{settings.UNVERIFIED_COMPLETIONS_COUNT_AS_GREEN}",
        f"{as_at.isoformat()}-{name}",
        lambda: renderer(fmt)(exception_report(plan.slug, as_at), look_of(plan)),
    )
    response = HttpResponse(content, content_type=DOWNLOADS[fmt][1])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
