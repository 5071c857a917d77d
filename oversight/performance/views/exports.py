"""The scorecard for a month as a Word or Excel download."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from oversight.accounts.roles import Access
from oversight.lib.months import iso_month, parse_iso_month
from oversight.performance.render import DOWNLOADS, Scorecard, renderer
from oversight.performance.scorecard_data import by_service_area, scorecard_rows
from oversight.plans.access import plan_page
from oversight.plans.models import Plan


@plan_page()
def scorecard_download(
    request: HttpRequest, plan: Plan, access: Access, month: str, fmt: str
) -> HttpResponse:
    chosen = parse_iso_month(month)
    if chosen is None or fmt not in DOWNLOADS:
        raise Http404("No such scorecard")
    scorecard = Scorecard(plan.title, plan.council, chosen, by_service_area(scorecard_rows(plan, chosen)))
    response = HttpResponse(renderer(fmt)(scorecard), content_type=DOWNLOADS[fmt][1])
    response["Content-Disposition"] = (
        f'attachment; filename="{plan.slug}-scorecard-{iso_month(chosen)}.{fmt}"'
    )
    return response
