"""Loads a meeting's pack: live for a meeting today or to come; for a past meeting, its record.

A past meeting's pack is kept as it was. The record is made the first time the pack is needed after the
meeting's day (its page, its Word download), and shows the plan as it stood at the end of that day:
statuses, commentary, verifications, evidence and decisions recorded by then, remedial tasks not yet
done then, and the measures' latest values for periods up to the meeting. Made from the dated history
rather than at the moment someone presses a button, the record is the same whether the meeting was
minuted on the day or a week later; once made, it is stored as JSON and never recomputed, so nothing
changed afterwards (evidence removed, a value corrected, an action's text reworded) reaches it."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from oversight.governance.meeting_pack import (
    MeetingPack,
    OpenTask,
    PackAction,
    compute,
    from_record,
    to_record,
)
from oversight.governance.models import Meeting, RemedialTask
from oversight.lib.months import last_day, month_of
from oversight.plans.completion import RecordedStatus, completion
from oversight.plans.completion_cases import completion_cases
from oversight.plans.models import Action, StatusRecord, Verification
from oversight.plans.status_runs import red_since


def end_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def is_past(meeting: Meeting, now: datetime | None = None) -> bool:
    return meeting.held < timezone.localdate(now or timezone.now())


def meeting_pack(meeting: Meeting, now: datetime | None = None) -> MeetingPack:
    now = now or timezone.now()
    if not is_past(meeting, now):
        return build(meeting)
    if meeting.pack_record is None:
        with transaction.atomic():
            locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
            if locked.pack_record is None:
                locked.pack_record = to_record(build(meeting, end_of_day(meeting.held)))
                locked.pack_recorded = now
                locked.save(update_fields=["pack_record", "pack_recorded"])
        meeting.pack_record, meeting.pack_recorded = locked.pack_record, locked.pack_recorded
    return from_record(meeting.pack_record, meeting.pack_recorded)


def build(meeting: Meeting, moment: datetime | None = None) -> MeetingPack:
    """The pack computed from the database: as it stands now, or with `moment`, as it stood then."""
    board = meeting.board
    earlier = board.meetings.filter(held__lt=meeting.held).order_by("-held", "-id").first()
    tasks = RemedialTask.objects.filter(meeting__board=board, meeting__held__lt=meeting.held)
    if moment is None:
        tasks = tasks.filter(status=RemedialTask.Status.OPEN)
    else:
        tasks = tasks.filter(Q(status=RemedialTask.Status.OPEN) | Q(done__gt=meeting.held))
    decisions = earlier.decisions.all() if earlier else None
    if decisions is not None and moment is not None:
        decisions = decisions.filter(recorded__lte=moment)
    priorities = list(meeting.priorities.values_list("number", "title"))
    return compute(
        board=board.name,
        held=meeting.held,
        priorities=priorities,
        actions=pack_actions(meeting, [n for n, _ in priorities], moment),
        open_tasks=[
            OpenTask(t.description, t.action.action_id if t.action else "", t.owner, t.due)
            for t in tasks.select_related("action")
        ],
        last_meeting=earlier.held if earlier else None,
        last_decisions=list(decisions.values_list("text", flat=True)) if decisions is not None else [],
        as_it_stood=moment,
    )


def pack_actions(meeting: Meeting, priorities: list[int], moment: datetime | None) -> list[PackAction]:
    """The actions of the priorities in focus with their status in the meeting's month (as recorded by
    `moment`, when given), since when each Red one has been Red, and each completion's case."""
    day = last_day(month_of(meeting.held))
    rows = list(
        Action.objects.filter(plan_id=meeting.board.plan_id, in_plan=True, priority__number__in=priorities)
        .order_by("sort_key")
        .values_list("pk", "action_id", "sort_key", "priority__number", "key_action", "lead", "timescale")
    )
    pks = [row[0] for row in rows]
    statuses = StatusRecord.objects.filter(action_id__in=pks, as_at__lte=day)
    verifications = Verification.objects.filter(action_id__in=pks, outcome=Verification.Outcome.VERIFIED)
    if moment is not None:
        statuses = statuses.filter(recorded__lte=moment)
        verifications = verifications.filter(recorded__lte=moment)
    history: dict[int, list[tuple[int, date, str, str]]] = defaultdict(list)
    for pk, record_id, as_at, rag, commentary in statuses.order_by("action_id", "as_at", "id").values_list(
        "action_id", "id", "as_at", "rag", "commentary"
    ):
        history[pk].append((record_id, as_at, rag, commentary))
    verified = {
        status_id: timezone.localdate(when)
        for status_id, when in verifications.values_list("status_id", "recorded")
    }
    completions = {
        pk: completion([RecordedStatus(i, as_at, rag) for i, as_at, rag, _ in records], verified, day)
        for pk, records in history.items()
    }
    cases = completion_cases([pk for pk, state in completions.items() if state], meeting.held, moment)
    actions = []
    for pk, action_id, sort_key, priority, key_action, lead, timescale in rows:
        records = history.get(pk, [])
        latest = records[-1] if records else None
        actions.append(
            PackAction(
                action_id,
                sort_key,
                priority,
                key_action,
                lead,
                timescale,
                rag=latest[2] if latest else None,
                commentary=latest[3] if latest else "",
                red_since=red_since([(as_at, rag) for _, as_at, rag, _ in records], day),
                completion=completions.get(pk),
                case=cases.get(pk),
            )
        )
    return actions
