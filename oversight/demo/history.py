"""A demo plan brought up to date: a published plan's timescales moved so that it started eleven months
ago, and twelve months of statuses made up to follow them, deterministically."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from oversight.lib.months import add_months, last_day, months_between, short_month_name
from oversight.plans.timescales import parse_timescale

SEED = 2016
RED_REASONS = (
    "Delayed by recruitment to the team; a new start date is agreed with the board.",
    "Dependent on the case management system change, which has slipped.",
    "Audit found practice not yet consistent; a second round of training is booked.",
    "Partner sign-off outstanding; escalated to the chair of the safeguarding partnership.",
)
AMBER_PROGRESS = (
    "On track: first audit complete, findings reported to the service leadership team.",
    "Draft written and consulted on with team managers; final version due next month.",
    "Training delivered to two of four teams; remaining sessions booked.",
    "Monthly dip sampling in place; early results show improvement.",
)
GREEN_DONE = (
    "Completed and evidence supplied to the improvement board.",
    "Complete: signed off at the improvement team board.",
)


def shifted_timescale(text: str, months: int) -> str:
    """The timescale moved by `months`, written as the councils write them ('Dec 25 - Mar 26')."""
    timescale = parse_timescale(text)
    first, last = add_months(timescale.first, months), add_months(timescale.last, months)
    if first == last:
        return short_month_name(first)
    return f"{short_month_name(first)} - {short_month_name(last)}"


@dataclass(frozen=True)
class DemoAction:
    action_id: str
    first: date
    last: date


@dataclass(frozen=True)
class DemoStatus:
    action_id: str
    rag: str
    commentary: str


def month_ends(started: date, today: date) -> list[date]:
    """The as-at dates of the demo's status returns: each month end from the start, then today."""
    months = [add_months(started, i) for i in range(months_between(started, today) + 1)]
    return [min(last_day(m), today) for m in months]


def statuses(actions: list[DemoAction], as_at: date, updated_share: float = 1.0) -> list[DemoStatus]:
    """Each action's status at `as_at`: White before its window, Amber in it, then mostly Green after
    its deadline, with some Red. The same action always follows the same story."""
    month = as_at.replace(day=1)
    result = []
    for action in actions:
        chance = random.Random(f"{SEED}:{action.action_id}")
        late_by = chance.choice((0, 0, 0, 1, 2, 3, 6, 99))  # months after its deadline it is done
        pick = random.Random(f"{SEED}:{action.action_id}:{month}")
        if pick.random() > updated_share:
            continue  # not updated yet this month
        if month < action.first:
            rag, words = "W", ""
        elif month <= action.last:
            rag, words = "A", pick.choice(AMBER_PROGRESS)
        elif months_between(action.last, month) >= late_by:
            rag, words = "G", pick.choice(GREEN_DONE)
        else:
            rag, words = "R", pick.choice(RED_REASONS)
        result.append(DemoStatus(action.action_id, rag, words))
    return result


RISK_RESPONSE = (
    "Each child's case is reviewed weekly by the service manager until the new arrangements are in place."
)


def safeguarding(status: DemoStatus) -> tuple[str, str]:
    """A Red status's answer to the safeguarding question, and what is done: most say No; the same few
    actions (about one in twelve) say Yes, every month they are Red."""
    if status.rag != "R":
        return "", ""
    if random.Random(f"{SEED}:risk:{status.action_id}").random() < 0.08:
        return "Yes", RISK_RESPONSE
    return "No", ""
