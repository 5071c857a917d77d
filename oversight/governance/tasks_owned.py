"""A person's open remedial tasks in a plan, for their My actions page (plans/my_work.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from oversight.governance.models import RemedialTask
from oversight.plans.models import Plan
from oversight.plans.my_work import WorkItem


def remedial_tasks_of(plan: Plan, user: Any, today: date) -> list[WorkItem]:
    tasks = RemedialTask.objects.filter(
        meeting__board__plan=plan, owner_user=user, status=RemedialTask.Status.OPEN
    ).select_related("meeting__board", "action")
    return [
        WorkItem(
            "Remedial task",
            task.description,
            f"{task.meeting.board.name}, {task.meeting.held:%-d %B %Y}",
            task.due,
            task.overdue_on(today),
            task.action.action_id if task.action else "",
        )
        for task in tasks
    ]
