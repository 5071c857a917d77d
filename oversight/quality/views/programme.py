"""The quality assurance page: the month's programme and its figures, for everyone who can see the plan
(figures only: the cases are on the pages of those whose role allows them)."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse

from oversight.accounts.roles import Access
from oversight.govuk.forms import ChoiceInQuery
from oversight.lib.months import iso_month, month_name, month_of, parse_iso_month
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.views.common import plan_crumbs, render_plan_page, today
from oversight.quality.models import CaseAudit, Cohort
from oversight.quality.reading import programme_month
from oversight.quality.views.common import CURRENT


def chosen_month(request: HttpRequest, plan: Plan) -> tuple[date, list[tuple[str, str]]]:
    """The month in the address (?month=2026-11), or this one; and the months to choose from."""
    this = month_of(today())
    months = set(Cohort.objects.filter(plan=plan).values_list("month", flat=True)) | {this}
    month = parse_iso_month(request.GET.get("month", "")) or this
    if month not in months:
        month = this
    return month, [(iso_month(m), month_name(m)) for m in sorted(months, reverse=True)]


@plan_page()
def quality(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    month, months = chosen_month(request, plan)
    day = today()
    found = programme_month(plan, month, day)
    return render_plan_page(
        request,
        "quality/quality.html",
        plan,
        access,
        CURRENT,
        {
            "crumbs": plan_crumbs(plan),
            "summary": found.summary,
            "extras": found.extras,
            "cohorts": found.cohorts,
            "month_form": ChoiceInQuery("month", "Month", months, iso_month(month)),
            "mine": CaseAudit.objects.filter(
                cohort__plan=plan, auditor_id=request.user.pk, state=CaseAudit.State.ASSIGNED
            ).count(),
            "sees_auditors": access.runs_quality_assurance or access.manages,
            "report_formats": [("docx", "Word"), ("pdf", "PDF"), ("html", "HTML")],
        },
    )
