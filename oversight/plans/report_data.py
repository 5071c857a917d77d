"""Loads what the exception report needs from the register, in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date

from django.conf import settings
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from oversight.lib.months import last_day
from oversight.plans import paper_appendices
from oversight.plans.completion import AWAITING, RecordedStatus, completion
from oversight.plans.exception_report import ExceptionReport, ReportAction, compute, report_months
from oversight.plans.linked_measures import linked_measures, red_measures
from oversight.plans.models import Action, Plan, StatusRecord, TimescaleChange, Verification
from oversight.plans.status_runs import red_since
from oversight.plans.timescale_history import TimescaleHistory, history_of


class UnknownPlan(LookupError):
    pass


def latest_status_on(day: date, field: str) -> Subquery:
    """The given field of an action's latest status recorded on or before `day`."""
    return Subquery(
        StatusRecord.objects.filter(action=OuterRef("pk"), as_at__lte=day)
        .order_by("-as_at", "-id")
        .values(field)[:1]
    )


def latest_status(month: date, field: str) -> Subquery:
    """The given field of an action's latest status recorded in or before `month`."""
    return latest_status_on(last_day(month), field)


def verifications(plan_id: int, action_ids: set[int] | None = None) -> dict[int, tuple[int, date]]:
    """Each verified status record of the plan: its action, and the day it was verified."""
    found = Verification.objects.filter(action__plan_id=plan_id, outcome=Verification.Outcome.VERIFIED)
    if action_ids is not None:
        found = found.filter(action_id__in=action_ids)
    return {
        status_id: (action_id, timezone.localdate(when))
        for status_id, action_id, when in found.values_list("status_id", "action_id", "recorded")
    }


def verified_days(plan_id: int, action_ids: set[int] | None = None) -> dict[int, date]:
    """Each verified status record of the plan (or of the actions given), with the day it was verified."""
    return {status_id: day for status_id, (_, day) in verifications(plan_id, action_ids).items()}


def completions(plan_id: int, day: date, green: set[int]) -> dict[int, str | None]:
    """The completion on `day` of each action Green then: awaiting or verified verification.
    Verifications are few, so only the actions that have one need their history read."""
    verified = verifications(plan_id, green)
    checked = {action_id for action_id, _ in verified.values()}
    history: dict[int, list[RecordedStatus]] = defaultdict(list)
    if checked:
        for action_pk, record_id, as_at, rag in (
            StatusRecord.objects.filter(action_id__in=checked, as_at__lte=day)
            .order_by("action_id", "as_at", "id")
            .values_list("action_id", "id", "as_at", "rag")
        ):
            history[action_pk].append(RecordedStatus(record_id, as_at, rag))
    days = {status_id: when for status_id, (_, when) in verified.items()}
    return {pk: completion(history[pk], days, day) if pk in checked else AWAITING for pk in green}


def report_actions(plan: Plan, as_at: date, months: int) -> list[ReportAction]:
    month = as_at.replace(day=1)
    needed = report_months(month, months)
    annotations = {f"rag_{i}": latest_status(m, "rag") for i, m in enumerate(needed)}
    rows = (
        # an action withdrawn stays in the months before its withdrawal, even once the plan file drops it
        Action.objects.filter(Q(in_plan=True) | Q(withdrawn_from__isnull=False), plan=plan)
        .annotate(
            **annotations,
            commentary=latest_status(month, "commentary"),
            latest_update=latest_status(month, "month"),
            safeguarding_risk=latest_status(month, "safeguarding_risk"),
            risk_response=latest_status(month, "risk_response"),
        )
        .values(
            "pk",
            "action_id",
            "priority__number",
            "key_action",
            "lead",
            "agencies",
            "timescale",
            "first_month",
            "last_month",
            "withdrawn_from",
            "commentary",
            "latest_update",
            "safeguarding_risk",
            "risk_response",
            *annotations,
        )
    )
    rows = list(rows)
    current = {row["pk"]: tuple(row[f] for f in TIMESCALE_FIELDS) for row in rows}
    histories, withdrawals = timescale_histories(plan.pk, current)
    now = f"rag_{needed.index(month)}"
    green = {row["pk"] for row in rows if row[now] == "G"}
    completed = completions(plan.pk, last_day(month), green)
    since = red_since_by_action({row["pk"] for row in rows if row[now] == "R"}, last_day(month))
    measures = linked_measures(green, last_day(month))
    return [
        ReportAction(
            action_id=row["action_id"],
            priority=row["priority__number"],
            key_action=row["key_action"],
            lead=row["lead"],
            agencies=row["agencies"],
            timescale=row["timescale"],
            first_month=row["first_month"],
            last_month=row["last_month"],
            rag_by_month={m: row[f"rag_{i}"] for i, m in enumerate(needed)},
            commentary=row["commentary"] or "",
            latest_update=row["latest_update"],
            completion=completed.get(row["pk"]),
            red_since=since.get(row["pk"]),
            red_measures=tuple(m.sentence for m in red_measures(measures.get(row["pk"], []))),
            safeguarding_risk=row["safeguarding_risk"],
            risk_response=row["risk_response"] or "",
            history=histories.get(row["pk"]),
            withdrawal=withdrawals.get(row["pk"], ""),
        )
        for row in rows
    ]


TIMESCALE_FIELDS = ("timescale", "first_month", "last_month", "withdrawn_from")


def timescale_histories(
    plan_id: int, current: Mapping[int, tuple[str, date, date, date | None]]
) -> tuple[dict[int, TimescaleHistory], dict[int, str]]:
    """The timescale history of each of these actions (pk: timescale, first month, last month, withdrawn
    from) re-timed or withdrawn (the others have none), and why each withdrawn one was withdrawn, in one
    query."""
    approved: dict[int, list] = defaultdict(list)
    withdrawals: dict[int, str] = {}
    changes = TimescaleChange.objects.filter(action__plan_id=plan_id, state=TimescaleChange.State.APPROVED)
    for change in changes.order_by("decided", "id"):
        if change.action_id not in current:
            continue
        if change.kind == TimescaleChange.Kind.WITHDRAW:
            withdrawals[change.action_id] = f"{change.reason} (approved by {change.decided_by})"
            continue
        approved[change.action_id].append(change.as_revision())
    found = {}
    for pk in set(approved) | {pk for pk, (*_, withdrawn_from) in current.items() if withdrawn_from}:
        timescale, first, last, withdrawn_from = current[pk]
        found[pk] = history_of((timescale, first, last), approved.get(pk, []), withdrawn_from)
    return found, withdrawals


def red_since_by_action(red: set[int], day: date) -> dict[int, date]:
    """When each of these actions' unbroken run of Red began, as at `day`, in one query."""
    history: dict[int, list[tuple[date, str]]] = defaultdict(list)
    if red:
        for action_pk, as_at, rag in (
            StatusRecord.objects.filter(action_id__in=red, as_at__lte=day)
            .order_by("action_id", "as_at", "id")
            .values_list("action_id", "as_at", "rag")
        ):
            history[action_pk].append((as_at, rag))
    found = {pk: red_since(records, day) for pk, records in history.items()}
    return {pk: when for pk, when in found.items() if when is not None}


def exception_report(slug: str, as_at: date, months: int = 3) -> ExceptionReport:
    plan = Plan.objects.filter(slug=slug).first()
    if plan is None:
        raise UnknownPlan(f"there is no plan '{slug}'")
    priorities = dict(plan.priorities.values_list("number", "title"))
    report = compute(
        plan=plan.slug,
        title=plan.title,
        council=plan.council,
        as_at=as_at,
        priorities=priorities,
        actions=report_actions(plan, as_at, months),
        months=months,
        period_start=plan.started,
        unverified_count_as_green=settings.UNVERIFIED_COMPLETIONS_COUNT_AS_GREEN,
    )
    report.appendices = paper_appendices.appendices(plan.pk, plan.appendices, as_at)
    return report
