"""The quality assurance pages of a plan, under /plans/<slug>/quality/."""

from __future__ import annotations

from django.urls import path

from oversight.quality.views import (
    audits,
    cohorts,
    findings,
    imports,
    learning,
    programme,
    report,
    teams,
    tools,
)

urlpatterns = [
    path("quality/", programme.quality, name="quality"),
    path("quality/report.<str:fmt>", report.quality_report_download, name="quality-report"),
    path("quality/themes/", learning.themes, name="qa-themes"),
    path("quality/practice-weeks/", learning.practice_weeks, name="practice-weeks"),
    path("quality/import/", imports.import_page, name="qa-import"),
    path("quality/import/<str:token>/", imports.import_preview, name="qa-import-preview"),
    path("quality/import/<str:token>/confirm/", imports.import_confirm, name="qa-import-confirm"),
    path("quality/import/<str:token>/cancel/", imports.import_cancel, name="qa-import-cancel"),
    path("quality/tools/", tools.audit_tools, name="audit-tools"),
    path("quality/tools/<int:pk>/", tools.audit_tool, name="audit-tool"),
    path("quality/teams/", teams.teams, name="qa-teams"),
    path("quality/cohorts/", cohorts.cohorts, name="cohorts"),
    path("quality/cohorts/<int:pk>/", cohorts.cohort_page, name="cohort"),
    path("quality/cohorts/<int:pk>/findings/", findings.deep_dive, name="deep-dive"),
    path("quality/cohorts/<int:pk>/moderation/", cohorts.moderation_sample, name="moderation-sample"),
    path("quality/audits/", audits.my_audits, name="my-audits"),
    path("quality/audits/<int:pk>/", audits.case_audit, name="case-audit"),
    path("quality/audits/<int:pk>/grades/", audits.grade_audit, name="grade-audit"),
    path("quality/audits/<int:pk>/moderation/", audits.moderate_audit, name="moderate-audit"),
    path("quality/audits/<int:pk>/case-actions/", audits.new_case_action, name="new-case-action"),
    path("quality/case-actions/", audits.open_case_actions, name="case-actions"),
    path("quality/case-actions/<int:pk>/done/", audits.case_action_done, name="case-action-done"),
]
