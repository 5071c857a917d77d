"""The improvement funding pages of a plan, under /plans/<slug>/funding/."""

from __future__ import annotations

from django.urls import path

from oversight.funding.views import funding

urlpatterns = [
    path("funding/", funding.funding, name="funding"),
    path("funding/funding.<str:fmt>", funding.funding_download, name="funding-download"),
    path("funding/lines/new/", funding.new_line, name="funding-line-new"),
    path("funding/lines/<int:pk>/", funding.line, name="funding-line"),
    path("funding/import/", funding.import_page, name="funding-import"),
    path("funding/import/<str:token>/", funding.import_preview, name="funding-import-preview"),
    path("funding/import/<str:token>/confirm/", funding.import_confirm, name="funding-import-confirm"),
    path("funding/import/<str:token>/cancel/", funding.import_cancel, name="funding-import-cancel"),
]
