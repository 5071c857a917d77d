"""The regional view: for a region's members, every Annex A measure of its councils side by side as at a
date, with the region's figure and each council's rank, and the same as CSV or Excel. Aggregates only."""

from __future__ import annotations

from datetime import date

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from oversight.govuk.forms import ChoiceInQuery
from oversight.performance import regions as region_files
from oversight.performance.regional_tables import measure_table, regional_csv, regional_xlsx

DOWNLOADS = {
    "csv": ("Every measure, council by council, as CSV", "text/csv; charset=utf-8", regional_csv),
    "xlsx": (
        "Every measure, a sheet each, as Excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        regional_xlsx,
    ),
}


@require_safe
def regions(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "performance/regions.html",
        {"crumbs": [("Plans", reverse("plans"))], "regions": region_files.regions_of(request.user)},
    )


@require_safe
def region_page(request: HttpRequest, slug: str) -> HttpResponse:
    region = region_files.region_for(request.user, slug)
    available = region_files.dates(region)
    as_at = _chosen(request.GET.get("as_at"), available)
    tables, downloads = [], []
    if as_at is not None:
        measures = region_files.figures(region, as_at)
        tables = [measure_table(n, m, as_at) for n, m in enumerate(measures, start=1)]
        if measures:
            downloads = [
                (label, reverse("region-download", args=[region.slug, as_at.isoformat(), fmt]), fmt)
                for fmt, (label, _, _) in DOWNLOADS.items()
            ]
    return render(
        request,
        "performance/region.html",
        {
            "crumbs": [("Plans", reverse("plans")), ("Regions", reverse("regions"))],
            "region": region,
            "as_at": as_at,
            "councils": region_files.councils(region, as_at) if as_at else [],
            "tables": tables,
            "date_form": ChoiceInQuery(
                "as_at", "As at", [(day.isoformat(), f"{day:%-d %B %Y}") for day in available], _iso(as_at)
            ),
            "downloads": downloads,
        },
    )


@require_safe
def region_download(request: HttpRequest, slug: str, as_at: str, fmt: str) -> HttpResponse:
    region = region_files.region_for(request.user, slug)
    day = _chosen(as_at, region_files.dates(region))
    if day is None or fmt not in DOWNLOADS:
        raise Http404("The region has no figures as at that date")
    _, content_type, write = DOWNLOADS[fmt]
    response = HttpResponse(write(region_files.figures(region, day), day), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{region.slug}-annex-a-{day.isoformat()}.{fmt}"'
    return response


def _chosen(asked: str | None, available: list[date]) -> date | None:
    """The date asked for, if the region has figures as at it; the latest when none is asked for."""
    if asked is None:
        return available[0] if available else None
    try:
        day = date.fromisoformat(asked[:10])
    except ValueError:
        raise Http404("Not a date") from None
    if day not in available:
        raise Http404("The region has no figures as at that date")
    return day


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""
