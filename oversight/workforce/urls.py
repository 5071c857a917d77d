"""The workforce pages of a plan, under /plans/<slug>/workforce/."""

from __future__ import annotations

from django.urls import path

from oversight.workforce.views import workforce

urlpatterns = [
    path("workforce/", workforce.workforce, name="workforce"),
    path("workforce/workforce.xlsx", workforce.download, name="workforce-download"),
    path("workforce/teams/", workforce.teams, name="workforce-teams"),
    path("workforce/teams/<int:pk>/", workforce.team, name="workforce-team"),
    path("workforce/teams/<int:pk>/staff/", workforce.staff, name="workforce-staff"),
    path("workforce/return/", workforce.enter_return, name="workforce-return"),
    path("workforce/courses/", workforce.courses, name="workforce-courses"),
    path("workforce/import/", workforce.import_page, name="workforce-import"),
    path("workforce/import/<str:token>/", workforce.import_preview, name="workforce-import-preview"),
    path("workforce/import/<str:token>/confirm/", workforce.import_confirm, name="workforce-import-confirm"),
    path("workforce/import/<str:token>/cancel/", workforce.import_cancel, name="workforce-import-cancel"),
]
