"""Files uploaded on the website to import, checked and imported by the worker (tasks.py).

The upload's request only keeps the file (uploads.keep) and queues its check, so it answers at once
however large the file. The worker makes the preview exactly as before (the real import, rolled back)
and keeps it on the FileImport; its uploader reads it and confirms, and the worker then imports the
file, unless the plan changed after the preview was made: then the worker makes the preview again,
and the uploader confirms what it now shows.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from oversight.accounts.people import name_of
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.problems import ImportFailed, Problem
from oversight.plans import uploads
from oversight.plans.models import FileImport, Plan

Status = FileImport.Status
CHANGED_SINCE = "The plan changed after the preview was made, so this preview was made again."
KEEP_FINISHED_DAYS = 7
SHOWN_LENGTH = 400  # of an old or new value in a preview's list of changes (the page shows 300)


def receive(plan: Plan, pending: uploads.PendingImport, user: Any) -> FileImport:
    """The kept upload, queued for the worker to check."""
    _forget_abandoned()
    with transaction.atomic():
        record = FileImport.objects.create(
            plan=plan,
            token=pending.token,
            kind=pending.kind,
            pending=pending.to_session(),
            file_names=pending.file_names[:520],
            uploaded_by=user,
        )
        _queue("check_file_import", record.pk)
    return record


def pending_of(record: FileImport) -> uploads.PendingImport:
    return uploads.PendingImport.from_session(record.pending)


def check(record_id: int) -> None:
    """The worker's work: the upload's preview, kept on its record, or every problem that stops it."""
    claimed = _claim(record_id, Status.WAITING, Status.CHECKING)
    if claimed is None:
        return
    record, pending = claimed
    try:
        result = uploads.preview(pending, record.plan.slug, _actor(record))
    except ImportFailed as failed:
        _refuse(record, failed.problems)
        return
    except Exception as error:
        _refuse(record, [_stopped(pending, error)])
        raise
    FileImport.objects.filter(pk=record_id, status=Status.CHECKING).update(
        status=Status.CHECKED,
        revision=result.revision,
        lines=result.summary.lines(done=False),
        changes=[_shown(change) for change in result.changes],
        change_count=result.change_count,
    )


def confirm(record: FileImport, revision_seen: str) -> bool:
    """Queues the import of a checked upload; False, with a new preview queued instead, when the plan
    changed after the preview its uploader saw was made."""
    current = Plan.objects.values_list("revision", flat=True).get(pk=record.plan_id)
    with transaction.atomic():
        if revision_seen != str(record.revision) or current != record.revision:
            if FileImport.objects.filter(pk=record.pk, status=Status.CHECKED).update(
                status=Status.WAITING, note=CHANGED_SINCE
            ):
                _queue("check_file_import", record.pk)
            return False
        if FileImport.objects.filter(pk=record.pk, status=Status.CHECKED).update(status=Status.CONFIRMED):
            _queue("import_file", record.pk)
    return True


def import_confirmed(record_id: int) -> None:
    """The worker's work: the confirmed upload imported, if the plan is as its preview saw it."""
    claimed = _claim(record_id, Status.CONFIRMED, Status.IMPORTING)
    if claimed is None:
        return
    record, pending = claimed
    try:
        with transaction.atomic():
            plan = Plan.objects.select_for_update().get(pk=record.plan_id)
            summary = (
                None if plan.revision != record.revision else uploads.run(pending, plan.slug, _actor(record))
            )
    except ImportFailed as failed:
        _refuse(record, failed.problems)
        return
    except Exception as error:
        _refuse(record, [_stopped(pending, error)])
        raise
    if summary is None:
        FileImport.objects.filter(pk=record_id).update(status=Status.WAITING, note=CHANGED_SINCE)
        check(record_id)
        return
    uploads.discard(pending)
    FileImport.objects.filter(pk=record_id).update(
        status=Status.IMPORTED, done_lines=summary.lines(), finished=timezone.now()
    )


def cancel(record: FileImport) -> None:
    """The upload thrown away, unless the worker has begun to import it."""
    FileImport.objects.filter(
        pk=record.pk, status__in=[Status.WAITING, Status.CHECKING, Status.CHECKED, Status.REFUSED]
    ).update(status=Status.CANCELLED, finished=timezone.now())
    uploads.discard(pending_of(record))


def _forget_abandoned() -> None:
    """Uploads left unconfirmed for a day, whose files uploads.discard_abandoned deletes, are cancelled;
    a week after an upload is done with, its preview goes too (what an import did is in the audit log)."""
    now = timezone.now()
    left = FileImport.objects.filter(
        uploaded__lt=now - timedelta(seconds=uploads.KEEP_PENDING_SECONDS),
        status__in=[Status.WAITING, Status.CHECKED, Status.REFUSED],
    )
    for record in left:
        cancel(record)
    FileImport.objects.filter(finished__lt=now - timedelta(days=KEEP_FINISHED_DAYS)).delete()


def _claim(record_id: int, waiting: str, working: str) -> tuple[FileImport, uploads.PendingImport] | None:
    """The upload and its file, now the worker's to work on; None when it was not waiting (done already,
    or cancelled) or its file is gone (it is then refused, saying so)."""
    if not FileImport.objects.filter(pk=record_id, status=waiting).update(status=working):
        return None
    record = FileImport.objects.select_related("plan", "uploaded_by").get(pk=record_id)
    pending = pending_of(record)
    if not uploads.unchanged(pending):
        _refuse(record, [Problem(pending.file_names, "the uploaded file is no longer kept: upload it again")])
        return None
    return record, pending


def _refuse(record: FileImport, problems: list[Problem]) -> None:
    uploads.discard(pending_of(record))
    FileImport.objects.filter(pk=record.pk, status__in=[Status.CHECKING, Status.IMPORTING]).update(
        status=Status.REFUSED, problems=[asdict(problem) for problem in problems], finished=timezone.now()
    )


def _stopped(pending: uploads.PendingImport, error: Exception) -> Problem:
    return Problem(
        pending.file_names, f"the check stopped unexpectedly ({type(error).__name__}); nothing was saved"
    )


def _shown(change: Change) -> dict[str, str]:
    """A change as the preview lists it: where in the plan, what changed, the old and new values."""
    if change.action is not None:
        where = change.action.action_id
    elif change.priority is not None:
        where = f"Priority {change.priority.number}"
    else:
        where = "Plan"
    return {
        "where": where,
        "what": change.get_kind_display() + (f": {change.field}" if change.field else ""),
        "old": change.old_value[:SHOWN_LENGTH],
        "new": change.new_value[:SHOWN_LENGTH],
    }


def _actor(record: FileImport) -> Actor:
    return Actor(name_of(record.uploaded_by), record.uploaded_by_id)


def _queue(name: str, record_id: int) -> None:
    from oversight.plans import tasks  # the tasks name this module

    getattr(tasks, name).enqueue(record_id)
