"""A region's Annex A figures for its members: its councils' exports (`oversight annex-a export`),
collected in the region's own folder, the dates they are as at, and every measure as at one of them,
council by council with the region's figure and each council's rank (annex_a/region.py). Only these
aggregates are shown: the folder's pseudonymised rows never leave the query."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404

from oversight.annex_a.region import RegionalMeasure, regional_measures
from oversight.performance.annex_a_engine import annex_a_engine
from oversight.performance.models import Region


def regions_of(user: Any) -> QuerySet[Region]:
    """The regions the person is a member of (none for someone signed out)."""
    if not getattr(user, "is_authenticated", False):
        return Region.objects.none()
    return Region.objects.filter(members=user)


def region_for(user: Any, slug: str) -> Region:
    """The region, for one of its members; for anyone else it does not exist."""
    region = regions_of(user).filter(slug=slug).first()
    if region is None:
        raise Http404("No such region")
    return region


def folder(region: Region) -> Path:
    return Path(settings.ANNEX_A_REGIONS_DIR) / region.slug


def dates(region: Region) -> list[date]:
    """The dates some council's extract in the region's folder is as at, the latest first."""
    found = set()
    for partition in folder(region).glob("list_*/council=*/as_at=*"):
        try:
            found.add(date.fromisoformat(partition.name.removeprefix("as_at=")))
        except ValueError:
            continue  # not a folder an export writes
    return sorted(found, reverse=True)


def councils(region: Region, as_at: date) -> list[str]:
    """The councils with an extract as at the date in the region's folder."""
    return sorted(
        {
            unquote(partition.parent.name.removeprefix("council="))
            for partition in folder(region).glob(f"list_*/council=*/as_at={as_at.isoformat()}")
        }
    )


def figures(region: Region, as_at: date) -> list[RegionalMeasure]:
    """Every measure with rows in scope as at the date, for every council in the region's folder."""
    return regional_measures(folder(region), as_at, annex_a_engine().settings)


def your_regions(request: object) -> dict[str, object]:
    """The template context's regions of the person signed in, asked for only where a page shows them."""
    from django.utils.functional import SimpleLazyObject

    return {"your_regions": SimpleLazyObject(lambda: list(regions_of(getattr(request, "user", None))))}
