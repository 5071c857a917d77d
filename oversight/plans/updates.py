"""Updates to an action on the website: a new status, refused if it is based on a stale page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import F

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.audit.trail import change
from oversight.lib.lengths import LONG_TEXT, too_long
from oversight.lib.months import last_day, month_of
from oversight.plans.models import RAG, Action, Evidence, StatusRecord
from oversight.plans.revisions import lock_plan, plan_changed
from oversight.plans.summaries import statuses_changed

NEEDS_COMMENTARY = {RAG.RED, RAG.AMBER}


def risk_problems(rag: str, risk: str, response: str) -> dict[str, str]:
    """A Red status says whether the delay poses an immediate safeguarding risk, and if so what is done."""
    if rag != RAG.RED:
        return {}
    if risk not in {"yes", "no"}:
        return {"safeguarding_risk": "Say whether the delay poses an immediate safeguarding risk"}
    if risk == "yes" and not response.strip():
        return {"risk_response": "Enter what is being done about the risk"}
    if len(response.strip()) > LONG_TEXT:
        return {"risk_response": too_long("What is being done", LONG_TEXT)}
    return {}


def update_problems(rag: str, commentary: str) -> dict[str, str]:
    """What is wrong with an update, by field; empty when it can be saved."""
    problems = {}
    if rag not in RAG.values:
        problems["rag"] = "Select a RAG status"
    elif rag in NEEDS_COMMENTARY and not commentary.strip():
        problems["commentary"] = f"Enter commentary: it is needed for a {RAG(rag).label} status"
    if len(commentary.strip()) > LONG_TEXT:
        problems["commentary"] = too_long("Commentary", LONG_TEXT)
    return problems


class Conflict(Exception):
    """Someone else changed the action after this person's page was loaded."""

    def __init__(self, action: Action, since: list[Change]):
        super().__init__(f"action {action.action_id} changed while you were editing it")
        self.action = action
        self.since = since


def latest_change_id(action: Action) -> int:
    """The newest audit record of the action, for an edit form to say what it has seen (0: none)."""
    return Change.objects.filter(action=action).order_by("-id").values_list("id", flat=True).first() or 0


def claim(action: Action, seen_revision: int, seen_change: int) -> None:
    """Moves the action's revision on, or raises Conflict if it moved since the page was loaded.
    The compare-and-set happens in one UPDATE, so two saves cannot both pass it."""
    claimed = Action.objects.filter(pk=action.pk, revision=seen_revision).update(revision=F("revision") + 1)
    if not claimed:
        since = list(Change.objects.filter(action=action, id__gt=seen_change).order_by("changed", "id"))
        action.refresh_from_db()
        raise Conflict(action, since)


def status_changes(
    plan_id: int,
    action_id: int,
    old: tuple[str, str] | None,
    new: tuple[str, str],
    actor: Actor,
    source: str,
    import_run_id: int | None = None,
) -> list[Change]:
    """The audit records for a new status: RAG and commentary, each with its old and new value."""
    old_rag, old_commentary = old or ("", "")
    changes = []
    for field, before, after in (
        ("RAG", RAG(old_rag).label if old_rag else "", RAG(new[0]).label),
        ("commentary", old_commentary, new[1]),
    ):
        if before != after:
            changes.append(
                change(
                    plan_id,
                    actor,
                    source,
                    Change.Kind.CHANGED,
                    field,
                    before,
                    after,
                    action_id=action_id,
                    import_run_id=import_run_id,
                )
            )
    return changes


@dataclass(frozen=True)
class StatusUpdate:
    rag: str
    commentary: str
    seen_revision: int
    seen_change: int
    safeguarding_risk: bool | None = None  # a Red status: does the delay pose an immediate risk
    risk_response: str = ""


def record_status(action: Action, update: StatusUpdate, actor: Actor, today: date) -> StatusRecord:
    """Records the status as at today, or as at a later day of this month if a status file has already
    been imported as at that day (e.g. the month end): the newest word must be the one that counts."""
    with transaction.atomic():
        lock_plan(action.plan_id)
        claim(action, update.seen_revision, update.seen_change)
        this_month = StatusRecord.objects.filter(action=action, as_at__lte=last_day(today))
        previous = this_month.order_by("-as_at", "-id").values_list("rag", "commentary", "as_at").first()
        as_at = max(today, previous[2]) if previous else today
        record = StatusRecord.objects.create(
            action=action,
            as_at=as_at,
            month=month_of(today),
            rag=update.rag,
            commentary=update.commentary.strip(),
            safeguarding_risk=update.safeguarding_risk if update.rag == RAG.RED else None,
            risk_response=update.risk_response.strip()
            if update.rag == RAG.RED and update.safeguarding_risk
            else "",
            actor=actor.name,
            user_id=actor.user_id,
            source="website",
        )
        before, after = (previous[:2] if previous else None), (record.rag, record.commentary)
        changes = status_changes(action.plan_id, action.pk, before, after, actor, "website")
        if record.safeguarding_risk is not None:
            said = f"Yes: {record.risk_response}" if record.safeguarding_risk else "No"
            changes.append(
                change(
                    action.plan_id,
                    actor,
                    "website",
                    Change.Kind.CHANGED,
                    "immediate safeguarding risk",
                    "",
                    said,
                    action_id=action.pk,
                )  # fmt: skip
            )
        Change.objects.bulk_create(changes)
        statuses_changed(action.plan_id, [action.pk], [record])
        plan_changed(action.plan_id)
    return record


def evidence_change(evidence: Evidence, actor: Actor, kind: str, field: str = "evidence") -> Change:
    description = evidence.url if evidence.kind == Evidence.Kind.LINK else evidence.file_name
    value = f"{evidence.title} ({description})"
    removed = kind == Change.Kind.REMOVED
    return change(
        evidence.action.plan_id,
        actor,
        "website",
        kind,
        field,
        value if removed else "",
        "" if removed else value,
        action_id=evidence.action_id,
    )


class NoChangeRefused(ValueError):
    pass


def confirm_no_change(actions: list[tuple[Action, int]], actor: Actor, today: date) -> list[StatusRecord]:
    """A lead's "no change this month" for several actions at once: each gets this month's status, the
    same RAG and commentary as its latest, recorded with who and when and in the audit log. All or none:
    Conflict if any action changed after the page was made (`actions` pairs each with the revision the
    page saw), NoChangeRefused if one has no status yet to keep."""
    with transaction.atomic():
        lock_plan(actions[0][0].plan_id)
        records = []
        for action, seen in actions:
            claim(action, seen, latest_change_id(action))
            previous = (
                StatusRecord.objects.filter(action=action, as_at__lte=last_day(today))
                .order_by("-as_at", "-id")
                .first()
            )
            if previous is None:
                raise NoChangeRefused(f"Action {action.action_id} has no status yet: update it instead")
            records.append(
                StatusRecord.objects.create(
                    action=action,
                    as_at=max(today, previous.as_at),
                    month=month_of(today),
                    rag=previous.rag,
                    commentary=previous.commentary,
                    actor=actor.name,
                    user_id=actor.user_id,
                    source="website: no change this month",
                )
            )
        Change.objects.bulk_create(
            change(
                action.plan_id,
                actor,
                "website",
                Change.Kind.CHANGED,
                "status",
                "",
                f"No change this month: {RAG(record.rag).label}, as at {record.as_at:%-d %B %Y}",
                action_id=action.pk,
            )  # fmt: skip
            for (action, _), record in zip(actions, records, strict=True)
        )
        plan_id = actions[0][0].plan_id
        statuses_changed(plan_id, [a.pk for a, _ in actions], records)
        plan_changed(plan_id)
    return records
