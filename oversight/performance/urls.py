"""The performance app's pages of a plan, under /plans/<slug>/: the scorecard, its indicators, imports,
downloads and Annex A, and caseloads."""

from __future__ import annotations

from django.urls import path

from oversight.performance import views as performance
from oversight.performance.views import annex_a as performance_annex_a
from oversight.performance.views import caseloads as performance_caseloads
from oversight.performance.views import exports as performance_exports
from oversight.performance.views import extract_uploads as performance_extract_uploads
from oversight.performance.views import imports as performance_imports
from oversight.performance.views import indicators as performance_indicators
from oversight.performance.views import service_areas as performance_service_areas

urlpatterns = [
    path("scorecard/", performance.scorecard, name="scorecard"),
    path("scorecard/<int:pk>/", performance.indicator_page, name="indicator"),
    path("scorecard/new/", performance.new_indicator, name="new-indicator"),
    path("scorecard/import/", performance_imports.import_page, name="scorecard-import"),
    path(
        "scorecard/import/<str:token>/", performance_imports.import_preview, name="scorecard-import-preview"
    ),
    path(
        "scorecard/import/<str:token>/confirm/",
        performance_imports.import_confirm,
        name="scorecard-import-confirm",
    ),
    path(
        "scorecard/import/<str:token>/cancel/",
        performance_imports.import_cancel,
        name="scorecard-import-cancel",
    ),
    path("scorecard/<int:pk>/edit/", performance_indicators.edit_indicator, name="edit-indicator"),
    path(
        "scorecard/<str:month>.<str:fmt>", performance_exports.scorecard_download, name="scorecard-download"
    ),
    path("scorecard/service-areas/", performance_service_areas.service_areas, name="service-areas"),
    path(
        "scorecard/service-areas/<int:pk>/remove/",
        performance_service_areas.remove_manager,
        name="remove-service-area-manager",
    ),
    path("scorecard/annex-a/refresh/", performance_annex_a.refresh, name="refresh-annex-a"),
    path("annex-a/", performance_extract_uploads.extracts, name="annex-a-extracts"),
    path("annex-a/uploads/<int:pk>/", performance_extract_uploads.upload_page, name="annex-a-upload"),
    path(
        "annex-a/uploads/<int:pk>/confirm/",
        performance_extract_uploads.confirm_upload,
        name="annex-a-upload-confirm",
    ),
    path(
        "annex-a/uploads/<int:pk>/cancel/",
        performance_extract_uploads.cancel_upload,
        name="annex-a-upload-cancel",
    ),
    path("scorecard/<int:pk>/records/", performance_annex_a.child_records, name="child-records"),
    path("caseloads/", performance_caseloads.caseloads, name="caseloads"),
    path("caseloads/policy/", performance_caseloads.caseload_policy, name="caseload-policy"),
    path("caseloads/policy/band/", performance_caseloads.caseload_band, name="caseload-band"),
    path("caseloads/policy/team/", performance_caseloads.caseload_team, name="caseload-team"),
]
