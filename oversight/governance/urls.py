"""The governance app's pages of a plan, under /plans/<slug>/: boards, meetings and their packs,
visits, and Ofsted's recommendations with the committee report."""

from __future__ import annotations

from django.urls import path

from oversight.governance.views import boards, recommendations, visits

urlpatterns = [
    path("governance/", boards.governance, name="governance"),
    path("governance/boards/<int:pk>/", boards.board_page, name="board"),
    path("governance/boards/<int:pk>/meetings/", boards.add_meeting, name="add-meeting"),
    path("governance/boards/<int:pk>/settings/", boards.board_settings, name="board-settings"),
    path("governance/meetings/<int:pk>/", boards.meeting_page, name="meeting"),
    path("governance/meetings/<int:pk>/pack.<str:fmt>", boards.pack_download, name="meeting-pack"),
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
