"""The regional view's pages, outside any one plan (oversight/urls.py puts them under /regions/)."""

from django.urls import path

from oversight.performance.views import regions

urlpatterns = [
    path("", regions.regions, name="regions"),
    path("<slug:slug>/", regions.region_page, name="region"),
    path("<slug:slug>/<str:as_at>.<str:fmt>", regions.region_download, name="region-download"),
]
