"""Loads a meeting's pack: the plan's current statuses, the board's open tasks and last decisions."""

from __future__ import annotations

from oversight.governance.meeting_pack import MeetingPack, OpenTask, compute
from oversight.governance.models import Meeting, RemedialTask
from oversight.plans.register import register


def meeting_pack(meeting: Meeting) -> MeetingPack:
    board = meeting.board
    plan = board.plan
    earlier = board.meetings.filter(held__lt=meeting.held).order_by("-held", "-id").first()
    tasks = RemedialTask.objects.filter(
        meeting__board=board, status=RemedialTask.Status.OPEN, meeting__held__lt=meeting.held
    ).select_related("action")
    return compute(
        board=board.name,
        held=meeting.held,
        priorities=list(meeting.priorities.values_list("number", "title")),
        actions=register(plan, meeting.held).actions,
        open_tasks=[
            OpenTask(t.description, t.action.action_id if t.action else "", t.owner, t.due) for t in tasks
        ],
        last_meeting=earlier.held if earlier else None,
        last_decisions=list(earlier.decisions.values_list("text", flat=True)) if earlier else [],
    )
