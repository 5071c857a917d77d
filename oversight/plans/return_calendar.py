"""The monthly return's calendar: on the plan's reminder day each lead is told what they still have to
update; a second reminder goes a set number of working days before the return date; after the return
date the improvement officers are told who is still missing. Pure.

A day names one stage at most, the latest whose date has come, so that a run missed on the reminder day
(a weekend, a server down) catches up the next day, and a run on a later stage's day sends that stage's
email alone: nobody gets the first and second reminders together."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from oversight.lib.months import last_day, month_of
from oversight.lib.working_days import WorkingDayCalendar, england


class Stage(StrEnum):
    FIRST = "first"
    SECOND = "second"
    MISSING = "missing"  # after the return date: the officers' list


@dataclass(frozen=True)
class ReturnCalendar:
    reminder_day: int
    return_day: int
    second_reminder_days: int  # working days before the return date; 0: no second reminder


@dataclass(frozen=True)
class MonthDates:
    first: date
    second: date | None
    returns: date  # the return date: a working day

    def stage_on(self, today: date) -> Stage | None:
        if today > self.returns:
            return Stage.MISSING
        if self.second is not None and today >= self.second:
            return Stage.SECOND
        if today >= self.first:
            return Stage.FIRST
        return None


def _day_in(month: date, day: int) -> date:
    return month.replace(day=max(1, min(day, last_day(month).day)))


def dates_in(month: date, plan: ReturnCalendar, days: WorkingDayCalendar | None = None) -> MonthDates:
    days = days or england()
    returns = _day_in(month, plan.return_day)
    while not days.is_working_day(returns) and returns.day > 1:
        returns -= timedelta(days=1)
    first = min(_day_in(month, plan.reminder_day), returns)
    second = None
    if plan.second_reminder_days:
        second, left = returns, plan.second_reminder_days
        while left and second > first:
            second -= timedelta(days=1)
            left -= days.is_working_day(second)
        if second <= first:
            second = None  # no working days between the two: the first reminder is the only one
    return MonthDates(first, second, returns)


def stage_on(today: date, plan: ReturnCalendar, days: WorkingDayCalendar | None = None) -> Stage | None:
    return dates_in(month_of(today), plan, days).stage_on(today)
