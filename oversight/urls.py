"""URL routes: signing in, and every page of a plan under /plans/<slug>/."""

from __future__ import annotations

from django.urls import include, path

from oversight.accounts import views as accounts
from oversight.governance.views import boards, recommendations, visits
from oversight.performance import views as performance
from oversight.performance.views import annex_a as performance_annex_a
from oversight.performance.views import caseloads as performance_caseloads
from oversight.performance.views import exports as performance_exports
from oversight.performance.views import imports as performance_imports
from oversight.performance.views import indicators as performance_indicators
from oversight.performance.views import service_areas as performance_service_areas
from oversight.plans.views import (
    actions,
    audit,
    evidence,
    imports,
    overview,
    reports,
    settings,
    verification,
)

plan_urls = [
    path("", overview.overview, name="plan"),
    path("priorities/<int:number>/", overview.priority, name="priority"),
    path("actions/", actions.action_list, name="actions"),
    path("actions/<str:action_id>/", actions.action_page, name="action"),
    path("actions/<str:action_id>/update/", actions.update_status, name="update-status"),
    path("actions/<str:action_id>/evidence/", evidence.add_evidence, name="add-evidence"),
    path("actions/<str:action_id>/evidence/<int:pk>/", evidence.download_evidence, name="evidence"),
    path(
        "actions/<str:action_id>/evidence/<int:pk>/remove/", evidence.remove_evidence, name="remove-evidence"
    ),
    path(
        "actions/<str:action_id>/evidence/<int:pk>/verify/", evidence.verify_evidence, name="verify-evidence"
    ),
    path("actions/<str:action_id>/verify/", verification.verify, name="verify"),
    path("actions/<str:action_id>/send-back/", verification.send_back_page, name="send-back"),
    path("verify/", verification.verify_several, name="verify-completions"),
    path("my-actions/", actions.my_actions, name="my-actions"),
    path("report/", reports.report_page, name="report"),
    path("report/<str:month>.<str:fmt>", reports.report_download, name="report-download"),
    path("import/", imports.import_page, name="import"),
    path("import/<str:token>/", imports.import_preview, name="import-preview"),
    path("import/<str:token>/confirm/", imports.import_confirm, name="import-confirm"),
    path("import/<str:token>/cancel/", imports.import_cancel, name="import-cancel"),
    path("people/", accounts.people, name="people"),
    path("people/<int:pk>/", accounts.change_role, name="change-role"),
    path("audit/", audit.audit_log, name="audit"),
    path("settings/", settings.plan_settings, name="plan-settings"),
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
    path("scorecard/<int:pk>/records/", performance_annex_a.child_records, name="child-records"),
    path("caseloads/", performance_caseloads.caseloads, name="caseloads"),
    path("caseloads/policy/", performance_caseloads.caseload_policy, name="caseload-policy"),
    path("caseloads/policy/band/", performance_caseloads.caseload_band, name="caseload-band"),
    path("caseloads/policy/team/", performance_caseloads.caseload_team, name="caseload-team"),
    path("governance/", boards.governance, name="governance"),
    path("governance/boards/<int:pk>/", boards.board_page, name="board"),
    path("governance/boards/<int:pk>/meetings/", boards.add_meeting, name="add-meeting"),
    path("governance/boards/<int:pk>/settings/", boards.board_settings, name="board-settings"),
    path("governance/meetings/<int:pk>/", boards.meeting_page, name="meeting"),
    path("governance/meetings/<int:pk>/pack.docx", boards.pack_download, name="meeting-pack"),
    path("governance/meetings/<int:pk>/decisions/", boards.add_decision, name="add-decision"),
    path("governance/meetings/<int:pk>/tasks/", boards.add_task, name="add-task"),
    path("governance/tasks/<int:pk>/done/", boards.task_done, name="task-done"),
    path("governance/visits/", visits.visits, name="visits"),
    path("governance/visits/<int:pk>/", visits.visit_page, name="visit"),
    path("governance/recommendations/", recommendations.recommendations, name="recommendations"),
    path("governance/recommendations/<int:pk>/", recommendations.recommendation_page, name="recommendation"),
    path(
        "governance/committee-report-by-<str:grouping>.<str:fmt>",
        recommendations.committee_download,
        name="committee-report",
    ),
]

urlpatterns = [
    path("", overview.plans, name="plans"),
    path("plans/new/", overview.new_plan, name="new-plan"),
    path("plans/<slug:slug>/", include(plan_urls)),
    path("sign-in/", accounts.SignIn.as_view(), name="sign-in"),
    path("sign-out/", accounts.auth.LogoutView.as_view(), name="sign-out"),
    path("password-reset/", accounts.PasswordReset.as_view(), name="password_reset"),
    path("password-reset/sent/", accounts.PasswordResetDone.as_view(), name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirm.as_view(),
        name="password_reset_confirm",
    ),
    path("password-reset/done/", accounts.PasswordResetComplete.as_view(), name="password_reset_complete"),
]
