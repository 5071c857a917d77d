"""Plan and status files uploaded on the website: kept privately until imported, previewed first.

A preview runs the real import inside a transaction and rolls it back, so it shows exactly the changes
the import will make (or every error), and nothing is saved until the officer confirms.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePath
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.lengths import shortened_file_name
from oversight.lib.problems import ImportFailed, Problem
from oversight.lib.spreadsheets import MissingColumns
from oversight.plans import file_kinds
from oversight.plans.models import Plan
from oversight.plans.plan_import import import_plan
from oversight.plans.plan_links import Recommendations
from oversight.plans.status_import import import_statuses

IMPORTABLE = (".csv", ".xlsx")
KEEP_PENDING_SECONDS = 24 * 3600  # an upload never confirmed is deleted a day later
TOKEN = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class PendingImport:
    token: str
    kind: str  # "plan", "status", "recommendations", "indicators" or "indicator-values"
    file_name: str
    sha256: str
    as_at: date | None  # statuses: the day they are as at; recommendations: the inspection's date
    sheet: str | None
    # a plan's inspection recommendations, uploaded with it (as_at is then the inspection's date)
    recommendations_file: str = ""

    @property
    def path(self) -> Path:
        return pending_dir(self.token) / self.file_name

    @property
    def recommendations(self) -> Recommendations | None:
        if not self.recommendations_file or self.as_at is None:
            return None
        return Recommendations(pending_dir(self.token) / self.recommendations_file, self.as_at)

    @property
    def file_names(self) -> str:
        """The file, or both files, as a preview names them."""
        return self.file_name + (f" and {self.recommendations_file}" if self.recommendations_file else "")

    def to_session(self) -> dict[str, str]:
        return {
            "token": self.token,
            "kind": self.kind,
            "file_name": self.file_name,
            "sha256": self.sha256,
            "as_at": self.as_at.isoformat() if self.as_at else "",
            "sheet": self.sheet or "",
            "recommendations_file": self.recommendations_file,
        }

    @classmethod
    def from_session(cls, data: dict[str, str]) -> PendingImport:
        return cls(
            data["token"],
            data["kind"],
            data["file_name"],
            data["sha256"],
            date.fromisoformat(data["as_at"]) if data["as_at"] else None,
            data["sheet"] or None,
            data.get("recommendations_file", ""),
        )


def pending_dir(token: str) -> Path:
    if not TOKEN.match(token):
        raise ValueError("not an upload token")
    return Path(settings.PRIVATE_FILES_DIR) / "imports" / token


def safe_name(name: str) -> str:
    """The uploaded file's own name without any folders or odd characters, for messages and records."""
    base = PurePath(name.replace("\\", "/")).name
    return shortened_file_name(re.sub(r"[^\w. ()-]", "_", base).strip(" .") or "upload")


def _refusal(upload: UploadedFile) -> Problem | None:
    name = safe_name(upload.name or "")
    if PurePath(name).suffix.lower() not in IMPORTABLE:
        return Problem(name, "upload a CSV file (.csv) or an Excel workbook (.xlsx)")
    if upload.size is not None and upload.size > settings.IMPORT_MAX_BYTES:
        limit = settings.IMPORT_MAX_BYTES // (1024 * 1024)
        return Problem(name, f"the file is larger than the {limit} MB allowed")
    return None


def _save(upload: UploadedFile, path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("wb") as out:
        for chunk in upload.chunks():
            digest.update(chunk)
            out.write(chunk)
    return digest.hexdigest()


def keep(
    upload: UploadedFile,
    kind: str,
    as_at: date | None,
    sheet: str | None,
    recommendations: UploadedFile | None = None,
) -> PendingImport:
    """Keeps the upload (and, for a plan, its inspection's recommendations) until it is imported."""
    refused = [r for r in (_refusal(upload), _refusal(recommendations) if recommendations else None) if r]
    if refused:
        raise ImportFailed(refused)
    discard_abandoned()
    token = secrets.token_hex(16)
    folder = pending_dir(token)
    folder.mkdir(parents=True)
    name = safe_name(upload.name or "")
    sha256 = _save(upload, folder / name)
    extra = ""
    if recommendations is not None:
        extra = safe_name(recommendations.name or "")
        if extra == name:
            extra = f"recommendations-{extra}"
        _save(recommendations, folder / extra)
    return PendingImport(token, kind, name, sha256, as_at, sheet, extra)


def discard(pending: PendingImport) -> None:
    shutil.rmtree(pending_dir(pending.token), ignore_errors=True)


def discard_abandoned(now: float | None = None) -> list[str]:
    """Deletes uploads left unconfirmed for a day: they hold council data no one is using."""
    root = Path(settings.PRIVATE_FILES_DIR) / "imports"
    cutoff = (now or time.time()) - KEEP_PENDING_SECONDS
    removed = []
    for folder in root.glob("*") if root.exists() else ():
        if TOKEN.match(folder.name) and folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
    return removed


def unchanged(pending: PendingImport) -> bool:
    return pending.path.exists() and hashlib.sha256(pending.path.read_bytes()).hexdigest() == pending.sha256


Summary = Any  # the summary of a plan, status, recommendation, indicator or value import: each has lines()
Importer = Callable[[PendingImport, str, Actor], Summary]


def _plan(pending: PendingImport, slug: str, actor: Actor) -> Summary:
    return import_plan(
        pending.path, slug, actor, sheet=pending.sheet, recommendations=pending.recommendations
    )


def _statuses(pending: PendingImport, slug: str, actor: Actor) -> Summary:
    assert pending.as_at is not None
    return import_statuses(pending.path, slug, pending.as_at, actor, sheet=pending.sheet)


_importers: dict[str, Importer] = {"plan": _plan, "status": _statuses}


def register_importer(kind: str, importer: Importer) -> None:
    """Called by an app whose files are uploaded here too (governance's recommendations, performance's
    indicators and values, in their AppConfig.ready): plans never imports them."""
    _importers[kind] = importer


def run(pending: PendingImport, slug: str, actor: Actor) -> Summary:
    return _importers[pending.kind](pending, slug, actor)


SHOWN_CHANGES = 1000  # of a preview's changes, listed one by one; all are counted


@dataclass(frozen=True)
class Preview:
    summary: Summary
    changes: list[Change]  # the first SHOWN_CHANGES
    change_count: int
    revision: int  # the plan's, as the preview saw it


def preview(pending: PendingImport, slug: str, actor: Actor) -> Preview:
    """The import's outcome and its changes, with nothing saved. ImportFailed lists every error."""
    with transaction.atomic():
        revision = Plan.objects.values_list("revision", flat=True).get(slug=slug)
        before = Change.objects.order_by("-id").values_list("id", flat=True).first() or 0
        try:
            summary = run(pending, slug, actor)
        except MissingColumns:
            wrong = file_kinds.wrong_kind(pending.path, pending.sheet, pending.kind)
            if wrong is None:
                raise
            raise ImportFailed([wrong]) from None
        made = Change.objects.filter(plan__slug=slug, id__gt=before)
        changes = list(made.select_related("action", "priority").order_by("id")[:SHOWN_CHANGES])
        count = len(changes) if len(changes) < SHOWN_CHANGES else made.count()
        transaction.set_rollback(True)
    return Preview(summary, changes, count, revision)
