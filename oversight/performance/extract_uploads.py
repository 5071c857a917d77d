"""Annex A extracts uploaded on the website. The upload answers at once: the file is kept privately and
the worker (tasks.py) loads it into a draft of the Annex A database, saying on the upload how far it has
come, list by list. An extract that replaces nothing already loaded then takes its place at once; one
that replaces lists in use waits, with its data-quality report, for someone to confirm (or cancel).
The pages that read Annex A read the database as it was throughout. Every upload, and every change it
makes to what is loaded, is in the audit log; the file itself is deleted once it is loaded or refused."""

from __future__ import annotations

import secrets
import shutil
from dataclasses import asdict
from datetime import date, timedelta
from pathlib import Path, PurePath
from typing import Any

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from oversight.accounts.people import name_of
from oversight.annex_a.engine import Draft
from oversight.annex_a.load import LoadReport, Progress, prepare_extract
from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.problems import ImportFailed, Problem
from oversight.performance.annex_a_engine import annex_a_engine
from oversight.performance.models import ExtractUpload
from oversight.plans.models import Plan
from oversight.plans.uploads import safe_name

ACCEPTED = (".xlsx", ".xlsm", ".csv")
UNCONFIRMED_DAYS = 7  # an extract checked but neither loaded nor cancelled: its draft is thrown away
PROBLEMS_KEPT = 20  # of each list's, in the report kept on the upload (the counts are all there)
WHAT = "Annex A extract"


def folder(upload: ExtractUpload) -> Path:
    return Path(settings.PRIVATE_FILES_DIR) / "annex-a" / upload.folder


def draft_path(upload: ExtractUpload) -> Path:
    database = annex_a_engine().database
    return database.with_name(f"{database.name}.upload-{upload.pk}")


def receive(plan: Plan, file: File, as_at: date, actor: Actor) -> ExtractUpload:
    """Keeps the file privately and queues its load; ImportFailed (nothing kept) for a file that is not
    a workbook or CSV, or larger than allowed."""
    name = safe_name(file.name or "")
    if not plan.council:
        raise ImportFailed([Problem(name, "the plan does not name its council, so no extract can be loaded")])
    if PurePath(name).suffix.lower() not in ACCEPTED:
        raise ImportFailed(
            [Problem(name, "upload Ofsted's Annex A workbook (.xlsx) or a list as a CSV file")]
        )
    if file.size is not None and file.size > settings.ANNEX_A_UPLOAD_MAX_BYTES:
        limit = settings.ANNEX_A_UPLOAD_MAX_BYTES // (1024 * 1024)
        raise ImportFailed([Problem(name, f"the file is larger than the {limit:,} MB allowed")])
    upload = ExtractUpload(
        plan=plan,
        council=plan.council,
        as_at=as_at,
        file_name=name,
        folder=secrets.token_hex(16),
        uploaded_by_id=actor.user_id,
    )
    folder(upload).mkdir(parents=True)
    with (folder(upload) / name).open("wb") as out:
        for chunk in file.chunks():
            out.write(chunk)
    forget_unconfirmed(plan, actor)
    with transaction.atomic():
        upload.save()
        trail.record(plan.pk, actor, _source(upload), Change.Kind.ADDED, WHAT, "", _described(upload))
        transaction.on_commit(lambda: _queue(upload.pk))
    return upload


def _queue(upload_id: int) -> None:
    from oversight.performance.tasks import load_extract_upload  # the task names this module

    load_extract_upload.enqueue(upload_id)


def _source(upload: ExtractUpload) -> str:
    return f"Annex A upload: {upload.file_name}"


def _described(upload: ExtractUpload) -> str:
    return f"{upload.file_name}, for {upload.council} as at {upload.as_at:%d/%m/%Y}"


def _actor(upload: ExtractUpload) -> Actor:
    user = upload.uploaded_by
    return Actor(name_of(user), user.pk) if user is not None else Actor("an upload's worker")


def load(upload_id: int) -> None:
    """The worker's work: the upload loaded into a draft, then into place or waiting to be confirmed."""
    claimed = ExtractUpload.objects.filter(pk=upload_id, status=ExtractUpload.Status.WAITING).update(
        status=ExtractUpload.Status.LOADING
    )
    if not claimed:
        return  # done already, or cancelled
    upload = ExtractUpload.objects.select_related("uploaded_by").get(pk=upload_id)
    engine = annex_a_engine()
    try:
        prepared = prepare_extract(
            engine,
            [folder(upload) / upload.file_name],
            upload.council,
            upload.as_at,
            draft_path(upload),
            progress=lambda step: _advance(upload.pk, step),
        )
    except ImportFailed as failed:
        _refused(upload, [str(p) for p in failed.problems])
        return
    except Exception as error:
        _refused(upload, [f"{upload.file_name}: the load stopped unexpectedly ({type(error).__name__})"])
        raise
    finally:
        shutil.rmtree(folder(upload), ignore_errors=True)
    upload.report = summary(prepared.report)
    upload.replaces = [part.describe() for part in prepared.plan.replaced]
    upload.based_on = list(prepared.draft.based_on) if prepared.draft.based_on else None
    if upload.replaces:
        upload.status = ExtractUpload.Status.CHECKED
        upload.save(update_fields=["report", "replaces", "based_on", "status"])
        return
    upload.save(update_fields=["report", "replaces", "based_on"])
    _switch(upload, _actor(upload))


def _advance(upload_id: int, step: Progress) -> None:
    ExtractUpload.objects.filter(pk=upload_id).update(
        lists_loaded=step.lists_loaded, lists=step.lists, rows_loaded=step.rows, latest=step.latest[:300]
    )


def _refused(upload: ExtractUpload, problems: list[str]) -> None:
    upload.status = ExtractUpload.Status.REFUSED
    upload.problems = problems
    upload.finished = timezone.now()
    upload.save(update_fields=["status", "problems", "finished"])


def confirm(upload: ExtractUpload, actor: Actor) -> bool:
    """The checked extract put in place of the lists it replaces; False if it was no longer waiting (the
    page was out of date). Refused (and its draft thrown away) if another load came first."""
    taken = ExtractUpload.objects.filter(pk=upload.pk, status=ExtractUpload.Status.CHECKED).update(
        status=ExtractUpload.Status.LOADING
    )
    if not taken:
        return False
    upload.refresh_from_db()
    _switch(upload, actor)
    return True


def _switch(upload: ExtractUpload, actor: Actor) -> None:
    engine = annex_a_engine()
    based_on = tuple(upload.based_on) if upload.based_on else None
    try:
        engine.switch(Draft(draft_path(upload), based_on))  # type: ignore[arg-type]
    except ImportFailed as failed:
        _refused(upload, [str(p) for p in failed.problems])
        return
    except Exception as error:  # never left "loading" for ever
        _refused(upload, [f"{upload.file_name}: it could not be put in place ({type(error).__name__})"])
        raise
    with transaction.atomic():
        upload.status = ExtractUpload.Status.LOADED
        upload.finished = timezone.now()
        upload.save(update_fields=["status", "finished"])
        lists = ", ".join(str(part["number"]) for part in upload.report.get("lists", []))
        trail.record(
            upload.plan_id,
            actor,
            _source(upload),
            Change.Kind.CHANGED,
            f"{WHAT} for {upload.council} as at {upload.as_at:%d/%m/%Y}",
            "; ".join(upload.replaces) or "nothing loaded",
            f"Lists {lists} from {upload.file_name}",
        )


def cancel(upload: ExtractUpload, actor: Actor) -> bool:
    """A checked extract thrown away; False if it was no longer waiting."""
    taken = ExtractUpload.objects.filter(pk=upload.pk, status=ExtractUpload.Status.CHECKED).update(
        status=ExtractUpload.Status.CANCELLED, finished=timezone.now()
    )
    if taken:
        annex_a_engine().discard(Draft(draft_path(upload), None))
        trail.record(
            upload.plan_id, actor, _source(upload), Change.Kind.REMOVED, WHAT, _described(upload), ""
        )
    return bool(taken)


def forget_unconfirmed(plan: Plan, actor: Actor) -> int:
    """The plan's extracts checked more than UNCONFIRMED_DAYS ago and never confirmed, cancelled: each
    holds a copy of the Annex A database on disk. How many."""
    stale = ExtractUpload.objects.filter(
        plan=plan,
        status=ExtractUpload.Status.CHECKED,
        uploaded__lt=timezone.now() - timedelta(days=UNCONFIRMED_DAYS),
    )
    return sum(1 for upload in stale if cancel(upload, actor))


def summary(report: LoadReport) -> dict[str, Any]:
    """The data-quality report as the upload keeps it: every list's rows, columns missing or not
    recognised, notes, problems of each kind counted, and the first of them by row and column."""
    return {
        "warnings": list(report.warnings),
        "kept": [part.describe() for part in report.kept],
        "lists": [
            {
                "number": part.number,
                "name": part.name,
                "where": part.where,
                "rows": part.rows,
                "missing_columns": list(part.missing_columns),
                "unrecognised_columns": list(part.unrecognised_columns),
                "notes": dict(part.notes),
                "counts": dict(part.counts),
                "problems": [asdict(p) for p in part.problems[:PROBLEMS_KEPT]],
                "problems_left": max(0, len(part.problems) - PROBLEMS_KEPT),
                "duplicate_sets": len(part.duplicate_rows),
            }
            for part in report.lists
        ],
    }
