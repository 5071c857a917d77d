"""The monthly return's emails: each lead with actions still to update gets one email listing them (on
the reminder day, and again before the return date); after the return date each improvement officer
gets the list of who is still missing. Each is posted once per plan, month, stage and person
(notices/sending.py), so that running this again the same day, or after a crash, sends nothing twice."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from oversight.accounts.models import Membership
from oversight.accounts.people import name_of
from oversight.accounts.roles import Access, Role, lead_names, lead_parts
from oversight.lib.months import month_of
from oversight.lib.numbers import counted
from oversight.notices.kinds import Kind
from oversight.notices.sending import Letter, one_line, site_address
from oversight.plans.action_rows import ActionRow
from oversight.plans.models import Plan
from oversight.plans.register import register
from oversight.plans.return_calendar import MonthDates, ReturnCalendar, Stage, dates_in


@dataclass
class Missing:
    """Who has actions still to update this month, and the actions that nobody on the site leads."""

    by_lead: dict[Any, list[ActionRow]] = field(default_factory=dict)  # user -> their actions
    unled: dict[str, list[ActionRow]] = field(default_factory=dict)  # name in the Lead column -> actions

    @property
    def actions(self) -> int:
        return len({a.pk for rows in [*self.by_lead.values(), *self.unled.values()] for a in rows})


def calendar_of(plan: Plan) -> ReturnCalendar:
    return ReturnCalendar(plan.reminder_day, plan.return_day, plan.second_reminder_days)


def missing(plan: Plan, today: date) -> Missing:
    """The actions still to update in today's month, by the leads (people with the lead role whose
    'leads as' names are in the action's Lead column) who answer for them."""
    month = month_of(today)
    to_update = [a for a in register(plan, today).actions if a.needs_update(month)]
    answering: dict[str, list[Any]] = defaultdict(list)  # a name in the Lead column -> who leads as it
    for member in _members(plan, Role.LEAD):
        for name in Access.of(member.role, member.leads).leads:
            answering[name].append(member.user)
    found = Missing()
    by_lead: dict[Any, list[ActionRow]] = defaultdict(list)
    unled: dict[str, list[ActionRow]] = defaultdict(list)
    for action in to_update:
        theirs = list(
            {user.pk: user for name in lead_names(action.lead) for user in answering[name]}.values()
        )
        for user in theirs:
            by_lead[user].append(action)
        if not theirs:
            unled[", ".join(lead_parts(action.lead)) or "(no lead named)"].append(action)
    found.by_lead = dict(sorted(by_lead.items(), key=lambda item: name_of(item[0]).casefold()))
    found.unled = dict(sorted(unled.items(), key=lambda item: item[0].casefold()))
    return found


def _members(plan: Plan, role: Role) -> list[Membership]:
    return list(Membership.objects.filter(plan=plan, role=role, user__is_active=True).select_related("user"))


def _rows(plan: Plan, actions: list[ActionRow]) -> list[dict[str, str]]:
    return [
        {
            "action_id": a.action_id,
            "key_action": " ".join(a.key_action.split()),
            "timescale": a.timescale,
            "rag": a.rag or "none yet",
            "url": site_address("action", plan.slug, a.action_id),
        }
        for a in actions
    ]


def letters(plan: Plan, today: date) -> tuple[Stage | None, MonthDates, Missing, list[Letter]]:
    """The emails of today's stage of the monthly return, for the plan: the stage, its month's dates,
    who is missing, and one letter per person to tell."""
    month = month_of(today)
    dates = dates_in(month, calendar_of(plan))
    stage = dates.stage_on(today)
    found = missing(plan, today)
    if stage is None or not plan.send_reminders:
        return stage, dates, found, []
    title = one_line(plan.title)
    base = {
        "title": title,
        "month": month,
        "returns": dates.returns,
        "my_actions_url": site_address("my-actions", plan.slug),
    }
    if stage is Stage.MISSING:
        officers = [m.user for m in _members(plan, Role.OFFICER)]
        if not found.actions:
            return stage, dates, found, []
        context = {
            **base,
            "leads": [
                {"name": name_of(user), "email": user.email, "actions": _rows(plan, actions)}
                for user, actions in found.by_lead.items()
            ],
            "unled": [{"name": n, "actions": _rows(plan, a)} for n, a in found.unled.items()],
            "count": found.actions,
            "actions_url": site_address("actions", plan.slug),
        }
        people = len(found.by_lead)
        return (
            stage,
            dates,
            found,
            [
                Letter(
                    f"missing-returns:{plan.pk}:{month:%Y-%m}:{officer.pk}",
                    Kind.MISSING_RETURNS,
                    plan.pk,
                    officer,
                    f"{title}: {counted(found.actions, 'action')} not updated for {month:%B %Y}",
                    "missing_returns",
                    context,
                    f"{counted(found.actions, 'action')} not updated for {month:%B %Y}, "
                    + counted(people, "lead"),
                )
                for officer in officers
            ],
        )
    return (
        stage,
        dates,
        found,
        [
            Letter(
                f"return-reminder:{plan.pk}:{month:%Y-%m}:{stage}:{user.pk}",
                Kind.RETURN_REMINDER,
                plan.pk,
                user,
                f"{title}: {counted(len(actions), 'action')} to update by {dates.returns:%-d %B}",
                "return_reminder",
                {**base, "actions": _rows(plan, actions), "second": stage is Stage.SECOND},
                f"{stage} reminder, {len(actions)} actions: {', '.join(a.action_id for a in actions)}",
            )
            for user, actions in found.by_lead.items()
        ],
    )


# other apps' daily emails (governance's overdue remedial tasks), run by `oversight send-reminders`
DailyEmails = Callable[[Plan, date], list[Letter]]
DAILY: list[DailyEmails] = []


def send_daily_with(job: DailyEmails) -> None:
    """Called by an app that has daily emails to post, when it starts."""
    if job not in DAILY:
        DAILY.append(job)
