"""Revising an action's timescale, or withdrawing the action, on the website: its lead (or an officer)
asks, with a reason; an officer or a board member approves or refuses, with a reason when refusing. The
original timescale is kept (plans/timescale_history.py); an approved revision is in force from the month
it is approved, a withdrawal likewise. Every request and decision is in the audit log and told by email:
the officers are asked, the person who asked and the action's leads are told the decision."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from oversight.accounts.models import Membership
from oversight.accounts.roles import Role
from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.lengths import LONG_TEXT, too_long
from oversight.lib.months import month_name, month_of, range_name
from oversight.notices.kinds import Kind
from oversight.notices.sending import Letter, one_line, post, site_address
from oversight.plans.action_emails import leads_of
from oversight.plans.models import Action, TimescaleChange
from oversight.plans.revisions import lock_plan
from oversight.plans.timescales import TimescaleError, parse_timescale

SOURCE = "timescale changes"
WRITTEN_LENGTH = 100  # a timescale as written (Action.timescale)


class ChangeRefused(ValueError):
    """What stops a request or a decision, by field ("" for the whole)."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems.values()))


def _reason_problem(reason: str, what: str) -> str:
    if not reason.strip():
        return f"Enter {what}"
    if len(reason.strip()) > LONG_TEXT:
        return too_long("The reason", LONG_TEXT)
    return ""


def _waiting(action: Action) -> TimescaleChange | None:
    return action.timescale_changes.filter(state=TimescaleChange.State.REQUESTED).first()


def request_change(action: Action, timescale: str, reason: str, actor: Actor) -> TimescaleChange:
    """Asks for the action's timescale to be revised to `timescale` (as written, e.g. 'Sep 17')."""
    problems = {}
    written = " ".join(timescale.split())
    if not written:
        problems["timescale"] = "Enter the revised timescale, for example Sep 17 or Apr - Jun 17"
    elif len(written) > WRITTEN_LENGTH:
        problems["timescale"] = too_long("The timescale", WRITTEN_LENGTH)
    else:
        try:
            parsed = parse_timescale(written)
        except TimescaleError as error:
            problems["timescale"] = str(error)[0].upper() + str(error)[1:]
        else:
            if parsed.last == action.last_month and parsed.first in (parsed.last, action.first_month):
                problems["timescale"] = f"That is its timescale now ({action.timescale})"
    if problem := _reason_problem(reason, "why the timescale needs revising"):
        problems["reason"] = problem
    if problems:
        raise ChangeRefused(problems)
    # a new deadline alone ("delayed until Sep 17") moves the end: the action started when it started
    first = min(action.first_month, parsed.first) if parsed.first == parsed.last else parsed.first
    return _request(action, TimescaleChange.Kind.RETIME, reason, actor, (written, first, parsed.last))


def request_withdrawal(action: Action, reason: str, actor: Actor) -> TimescaleChange:
    """Asks for the action to be withdrawn: no longer applicable, never to be progressed."""
    if problem := _reason_problem(reason, "why the action is no longer applicable"):
        raise ChangeRefused({"reason": problem})
    return _request(action, TimescaleChange.Kind.WITHDRAW, reason, actor, None)


def _request(
    action: Action, kind: str, reason: str, actor: Actor, new: tuple[str, date, date] | None
) -> TimescaleChange:
    with transaction.atomic():
        lock_plan(action.plan_id)
        action = Action.objects.select_for_update().select_related("plan").get(pk=action.pk)
        if action.withdrawn_from is not None:
            raise ChangeRefused({"": f"Action {action.action_id} is withdrawn"})
        waiting = _waiting(action)
        if waiting is not None:
            raise ChangeRefused(
                {"": f"A request about action {action.action_id} is already waiting for a decision"}
            )
        change = TimescaleChange.objects.create(
            action=action,
            kind=kind,
            reason=reason.strip(),
            old_timescale=action.timescale,
            old_first_month=action.first_month,
            old_last_month=action.last_month,
            new_timescale=new[0] if new else "",
            new_first_month=new[1] if new else None,
            new_last_month=new[2] if new else None,
            requested_by=actor.name,
            requested_by_user_id=actor.user_id,
        )
        trail.record(
            action.plan_id, actor, SOURCE, Change.Kind.ADDED, _field(change), "", _asked(change),
            action_id=action.pk,
        )  # fmt: skip
        _ask_officers(change)
    return change


def decide(change: TimescaleChange, approve: bool, reason: str, actor: Actor, today: date) -> TimescaleChange:
    """Approves or refuses a request (a refusal needs a reason). An approved revision is in force from
    today's month; it is refused if the action's timescale changed since the request was made."""
    if not approve and (problem := _reason_problem(reason, "why it is refused")):
        raise ChangeRefused({"reason": problem})
    if len(reason.strip()) > LONG_TEXT:
        raise ChangeRefused({"reason": too_long("The reason", LONG_TEXT)})
    with transaction.atomic():
        lock_plan(change.action.plan_id)
        action = Action.objects.select_for_update().select_related("plan").get(pk=change.action_id)
        change = TimescaleChange.objects.select_for_update().get(pk=change.pk)
        if change.state != TimescaleChange.State.REQUESTED:
            raise ChangeRefused({"": f"This request was already {change.state} by {change.decided_by}"})
        moved = (action.timescale, action.first_month, action.last_month) != (
            change.old_timescale, change.old_first_month, change.old_last_month,
        )  # fmt: skip
        if approve and moved:
            raise ChangeRefused(
                {"": f"Action {action.action_id}'s timescale changed to {action.timescale} since the request"}
            )
        month = month_of(today)
        change.state = TimescaleChange.State.APPROVED if approve else TimescaleChange.State.REFUSED
        change.decided_by, change.decided_by_user_id = actor.name, actor.user_id
        change.decided, change.decision_reason = timezone.now(), reason.strip()
        change.in_force_from = month if approve else None
        change.save()
        decision = f"{change.get_state_display()}: {_asked(change)}" + (
            f" ({reason.strip()})" if reason.strip() else ""
        )
        trail.record(
            action.plan_id, actor, SOURCE, Change.Kind.CHANGED, _field(change), "Waiting for a decision",
            decision, action_id=action.pk,
        )  # fmt: skip
        if approve and change.kind == TimescaleChange.Kind.RETIME:
            old = action.timescale
            assert change.new_first_month is not None and change.new_last_month is not None
            action.timescale = change.new_timescale
            action.first_month, action.last_month = change.new_first_month, change.new_last_month
            action.save(update_fields=["timescale", "first_month", "last_month"])
            trail.record(
                action.plan_id, actor, SOURCE, Change.Kind.CHANGED, "timescale", old, action.timescale,
                action_id=action.pk,
            )  # fmt: skip
        elif approve:
            action.withdrawn_from = month
            action.save(update_fields=["withdrawn_from"])
            trail.record(
                action.plan_id, actor, SOURCE, Change.Kind.CHANGED, "withdrawn", "",
                f"from {month_name(month)}: {change.reason}", action_id=action.pk,
            )  # fmt: skip
        _tell_decision(change, action)
    return change


def _field(change: TimescaleChange) -> str:
    return "revised timescale" if change.kind == TimescaleChange.Kind.RETIME else "withdrawal"


def _asked(change: TimescaleChange) -> str:
    if change.kind == TimescaleChange.Kind.RETIME:
        old = range_name(change.old_first_month, change.old_last_month)
        assert change.new_first_month and change.new_last_month
        new = range_name(change.new_first_month, change.new_last_month)
        return (
            f"from {change.old_timescale} ({old}) to {change.new_timescale} ({new}), because {change.reason}"
        )
    return f"withdraw it, because {change.reason}"


def _context(change: TimescaleChange, action: Action) -> dict[str, object]:
    plan = action.plan
    return {
        "title": one_line(plan.title),
        "action_id": action.action_id,
        "key_action": one_line(action.key_action),
        "change": change,
        "asked": _asked(change),
        "action_url": site_address("action", plan.slug, action.action_id),
        "changes_url": site_address("timescale-changes", plan.slug),
    }


def _ask_officers(change: TimescaleChange) -> None:
    action = change.action
    officers = Membership.objects.filter(plan_id=action.plan_id, role=Role.OFFICER, user__is_active=True)
    what = "a revised timescale" if change.kind == TimescaleChange.Kind.RETIME else "its withdrawal"
    title = one_line(action.plan.title)
    post(
        Letter(
            f"{Kind.CHANGE_REQUESTED}:{change.pk}:{m.user_id}",
            Kind.CHANGE_REQUESTED,
            action.plan_id,
            m.user,
            f"{title}: {change.requested_by} asks for {what} of action {action.action_id}",
            "change_requested",
            _context(change, action),
            f"request about action {action.action_id}: {_asked(change)}",
        )
        for m in officers.select_related("user")
        if m.user_id != change.requested_by_user_id
    )


def _tell_decision(change: TimescaleChange, action: Action) -> None:
    told = {user.pk: user for user in leads_of(action)}
    if change.requested_by_user is not None:
        told.setdefault(change.requested_by_user.pk, change.requested_by_user)
    told.pop(change.decided_by_user_id, None)  # not the person who decided
    title = one_line(action.plan.title)
    what = "revised timescale" if change.kind == TimescaleChange.Kind.RETIME else "withdrawal"
    post(
        Letter(
            f"{Kind.CHANGE_DECIDED}:{change.pk}:{user.pk}",
            Kind.CHANGE_DECIDED,
            action.plan_id,
            user,
            f"{title}: the {what} of action {action.action_id} is {change.state}",
            "change_decided",
            _context(change, action),
            f"action {action.action_id}: {change.state}, {_asked(change)}",
        )
        for user in told.values()
    )


def withdraw_left(actions: list[Action], reason: str, actor: Actor, today: date) -> list[TimescaleChange]:
    """Withdraws actions a plan file no longer lists, as decided by an officer: each an approved
    withdrawal in force from today's month, so that earlier months still count them."""
    if problem := _reason_problem(reason, "why these actions are no longer applicable"):
        raise ChangeRefused({"reason": problem})
    if not actions:
        raise ChangeRefused({"actions": "Choose the actions that are withdrawn"})
    month = month_of(today)
    done = []
    with transaction.atomic():
        lock_plan(actions[0].plan_id)
        for action in Action.objects.select_for_update().filter(
            pk__in=[a.pk for a in actions], in_plan=False, withdrawn_from__isnull=True
        ):
            change = approved_change(
                action,
                TimescaleChange.Kind.WITHDRAW,
                reason.strip(),
                actor,
                month,
                "no longer in the plan file",
            )
            change.save()
            action.withdrawn_from = month
            action.save(update_fields=["withdrawn_from"])
            why = f"from {month_name(month)}: {change.reason} (no longer in the plan file)"
            trail.record(
                action.plan_id, actor, SOURCE, Change.Kind.CHANGED, "withdrawn", "", why, action_id=action.pk
            )
            done.append(change)
    return done


def approved_change(
    action: Action,
    kind: str,
    reason: str,
    actor: Actor,
    month: date,
    source: str,
    new: tuple[str, date, date] | None = None,
) -> TimescaleChange:
    """An unsaved change asked for and approved at once by `actor` (an officer withdrawing what a plan
    file dropped, a plan file revising a timescale), in force from `month`."""
    return TimescaleChange(
        action=action,
        kind=kind,
        state=TimescaleChange.State.APPROVED,
        reason=reason,
        old_timescale=action.timescale,
        old_first_month=action.first_month,
        old_last_month=action.last_month,
        new_timescale=new[0] if new else "",
        new_first_month=new[1] if new else None,
        new_last_month=new[2] if new else None,
        requested_by=actor.name,
        requested_by_user_id=actor.user_id,
        decided_by=actor.name,
        decided_by_user_id=actor.user_id,
        decided=timezone.now(),
        in_force_from=month,
        source=source[:500],
    )
