"""A board's rotation from the database: each priority's Red and overdue actions now, and when the
board last discussed it."""

from __future__ import annotations

from datetime import date, timedelta

from oversight.governance.models import Board
from oversight.governance.rotation import Meeting as Week
from oversight.governance.rotation import PriorityLoad, schedule
from oversight.plans.register import register


def next_meeting_day(board: Board, today: date) -> date:
    """Today, unless the board has met today; then a week on."""
    return today + timedelta(days=7) if board.meetings.filter(held=today).exists() else today


def rotation(board: Board, today: date, weeks: int = 8) -> tuple[date, list[Week]]:
    start = next_meeting_day(board, today)
    reg = register(board.plan, today)
    numbers = list(board.plan.priorities.values_list("number", flat=True))
    loads = [
        PriorityLoad(
            number,
            red=sum(1 for a in reg.actions if a.priority == number and a.due(reg.month) and a.rag == "R"),
            overdue=sum(1 for a in reg.actions if a.priority == number and a.overdue(reg.month)),
        )
        for number in numbers
    ]
    last_seen: dict[int, int] = {}
    for held, number in board.meetings.filter(held__lt=start).values_list("held", "priorities__number"):
        if number is not None:
            week = -(-((start - held).days) // 7)  # weeks before the first scheduled meeting, rounded up
            last_seen[number] = max(last_seen.get(number, -week), -week)
    # a priority the board has never discussed has waited since the week before its first meeting
    since_start = min(last_seen.values()) - 1 if last_seen else -1
    per_meeting = min(board.priorities_per_meeting, len(loads)) or 1
    planned = (
        schedule(loads, weeks, board.max_gap_weeks, per_meeting, last_seen, since_start) if loads else []
    )
    return start, planned
