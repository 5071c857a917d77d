"""The monthly Quality Assurance report, for everyone who can see the plan: figures, not cases."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from oversight.accounts.roles import Access
from oversight.lib.months import iso_month
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.paper_style import look_of
from oversight.plans.views.common import today
from oversight.quality import render
from oversight.quality.reading import programme_month
from oversight.quality.report import quality_report
from oversight.quality.views.programme import chosen_month


@plan_page()
def quality_report_download(request: HttpRequest, plan: Plan, access: Access, fmt: str) -> HttpResponse:
    if fmt not in render.FORMATS:
        raise Http404("No such report")
    month, _ = chosen_month(request, plan)
    day = today()
    found = programme_month(plan, month, day)
    report = quality_report(plan.council, found.summary, found.extras)
    look = look_of(plan)
    made = {"html": render.html, "docx": render.docx, "pdf": render.pdf}[fmt](report, look)
    response = HttpResponse(made, content_type=render.FORMATS[fmt][1])
    # a paper that stands alone, as the committee report's: the HTML carries its own styles and chart
    name = f"{plan.slug}-quality-assurance-{iso_month(month)}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
