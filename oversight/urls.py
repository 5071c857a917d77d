"""URL routes: each app's own, signing in and the list of plans at the top, and every page of a plan
under /plans/<slug>/."""

from __future__ import annotations

from django.urls import include, path

urlpatterns = [
    path("", include("oversight.plans.urls")),
    path("plans/<slug:slug>/", include("oversight.governance.urls")),
    path("plans/<slug:slug>/", include("oversight.performance.urls")),
    path("plans/<slug:slug>/", include("oversight.quality.urls")),
    path("plans/<slug:slug>/", include("oversight.funding.urls")),
    path("plans/<slug:slug>/", include("oversight.workforce.urls")),
    path("", include("oversight.notices.urls")),
    path("regions/", include("oversight.performance.region_urls")),
    path("", include("oversight.accounts.urls")),
]
