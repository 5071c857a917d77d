"""The emails of a board's remedial tasks, to their owners when they have a role in the plan: a task set
(posted with the task, which its owner's role cannot turn off) and a task overdue (once, by the daily run
of `oversight send-reminders`, which this app registers with plans)."""

from __future__ import annotations

from datetime import date

from oversight.governance.models import RemedialTask
from oversight.notices.kinds import Kind
from oversight.notices.sending import Letter, one_line, post, site_address
from oversight.plans.models import Plan


def _letter(task: RemedialTask, kind: Kind) -> Letter:
    plan = task.meeting.board.plan
    title = one_line(plan.title)
    action_id = task.action.action_id if task.action else ""
    overdue = kind is Kind.TASK_OVERDUE
    context = {
        "title": title,
        "task": task.description,
        "due": task.due,
        "board": task.meeting.board.name,
        "held": task.meeting.held,
        "action_id": action_id,
        "action_url": site_address("action", plan.slug, action_id) if action_id else "",
        "my_actions_url": site_address("my-actions", plan.slug),
        "overdue": overdue,
    }
    return Letter(
        f"{kind}:{task.pk}",
        kind,
        plan.pk,
        task.owner_user,
        f"{title}: a remedial task {'overdue' if overdue else 'for you'}, due {task.due:%-d %B %Y}",
        "remedial_task",
        context,
        f"remedial task {'overdue since' if overdue else 'due'} {task.due:%d %B %Y}: {task.description}",
    )


def tell_owner(task: RemedialTask) -> None:
    """Posts the task to its owner, in the transaction that sets it."""
    if task.owner_user is not None:
        post([_letter(task, Kind.TASK_SET)])


def overdue_tasks(plan: Plan, today: date) -> list[Letter]:
    """One letter for each open task of the plan past its due date whose owner has a role in it."""
    tasks = RemedialTask.objects.filter(
        meeting__board__plan=plan, status=RemedialTask.Status.OPEN, due__lt=today, owner_user__isnull=False
    ).select_related("meeting__board__plan", "action", "owner_user")
    return [_letter(task, Kind.TASK_OVERDUE) for task in tasks]
