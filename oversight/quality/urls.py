"""The quality assurance pages of a plan, under /plans/<slug>/quality/."""

from __future__ import annotations

from django.urls import path

from oversight.quality.views import audits, cohorts, programme, teams, tools

urlpatterns = [
    path("quality/", programme.quality, name="quality"),
    path("quality/tools/", tools.audit_tools, name="audit-tools"),
    path("quality/tools/<int:pk>/", tools.audit_tool, name="audit-tool"),
    path("quality/teams/", teams.teams, name="qa-teams"),
    path("quality/cohorts/", cohorts.cohorts, name="cohorts"),
    path("quality/cohorts/<int:pk>/", cohorts.cohort_page, name="cohort"),
    path("quality/cohorts/<int:pk>/moderation/", cohorts.moderation_sample, name="moderation-sample"),
    path("quality/audits/", audits.my_audits, name="my-audits"),
    path("quality/audits/<int:pk>/", audits.case_audit, name="case-audit"),
    path("quality/audits/<int:pk>/grades/", audits.grade_audit, name="grade-audit"),
    path("quality/audits/<int:pk>/moderation/", audits.moderate_audit, name="moderate-audit"),
]
