"""The scorecard for a month as a Word, PDF or Excel download, made once per version of the indicators."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from oversight.accounts.roles import Access
from oversight.lib.months import iso_month, parse_iso_month
from oversight.performance.render import DOWNLOADS, Scorecard, renderer
from oversight.performance.scorecard_data import by_service_area, scorecard_rows
from oversight.performance.versions import indicators_version
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.paper_style import look_of, style_of
from oversight.plans.stored_downloads import stored_download


@plan_page()
def scorecard_download(
    request: HttpRequest, plan: Plan, access: Access, month: str, fmt: str
) -> HttpResponse:
    chosen = parse_iso_month(month)
    if chosen is None or fmt not in DOWNLOADS:
        raise Http404("No such scorecard")

    def produce() -> bytes:
        rows = by_service_area(scorecard_rows(plan, chosen))
        return renderer(fmt)(Scorecard(plan.title, plan.council, chosen, rows), look_of(plan))

    # made once per version of the indicators (and of the plan's title, council and look of its papers)
    version = f"{indicators_version(plan.pk)}:{plan.title}:{plan.council}:{style_of(plan).revision}"
    name = f"{plan.slug}-scorecard-{iso_month(chosen)}.{fmt}"
    content = stored_download(plan, "scorecard", version, name, produce)
    response = HttpResponse(content, content_type=DOWNLOADS[fmt][1])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
