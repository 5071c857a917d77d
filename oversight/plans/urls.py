"""The plans app's pages: the list of plans, starting one, and a plan's own pages under /plans/<slug>/."""

from __future__ import annotations

from django.urls import include, path

from oversight.plans.views import (
    actions,
    audit,
    evidence,
    imports,
    overview,
    paper_style,
    people,
    reports,
    settings,
    timescale,
    verification,
)

plan_urls = [
    path("", overview.overview, name="plan"),
    path("priorities/<int:number>/", overview.priority, name="priority"),
    path("actions/", actions.action_list, name="actions"),
    path("actions.<str:fmt>", actions.action_download, name="actions-download"),
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
    path("actions/<str:action_id>/edit/", timescale.edit_action, name="edit-action"),
    path("actions/<str:action_id>/timescale/", timescale.ask_retime, name="ask-retime"),
    path("actions/<str:action_id>/withdraw/", timescale.ask_withdrawal, name="ask-withdrawal"),
    path("timescales/", timescale.timescale_changes, name="timescale-changes"),
    path("timescales/<int:pk>/", timescale.decide_change, name="decide-change"),
    path("left-the-plan/", timescale.left_plan, name="left-plan"),
    path("actions/<str:action_id>/send-back/", verification.send_back_page, name="send-back"),
    path("verify/", verification.verify_several, name="verify-completions"),
    path("my-actions/", actions.my_actions, name="my-actions"),
    path("report/", reports.report_page, name="report"),
    path("report/<str:month>.<str:fmt>", reports.report_download, name="report-download"),
    path("import/", imports.import_page, name="import"),
    path("import/<str:token>/", imports.import_preview, name="import-preview"),
    path("import/<str:token>/confirm/", imports.import_confirm, name="import-confirm"),
    path("import/<str:token>/cancel/", imports.import_cancel, name="import-cancel"),
    path("people/", people.people, name="people"),
    path("people/<int:pk>/", people.change_role, name="change-role"),
    path("audit/", audit.audit_log, name="audit"),
    path("settings/", settings.plan_settings, name="plan-settings"),
    path("settings/papers/", paper_style.paper_style, name="paper-style"),
]

urlpatterns = [
    path("", overview.plans, name="plans"),
    path("plans/new/", overview.new_plan, name="new-plan"),
    path("plans/<slug:slug>/", include(plan_urls)),
]
