"""Evidence for an action: files kept in the private files folder under random names, and links."""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.lengths import shortened_file_name
from oversight.plans.evidence_types import EvidenceRefused, identify
from oversight.plans.models import Action, Evidence
from oversight.plans.revisions import plan_changed
from oversight.plans.updates import evidence_change

TITLE_FROM_LINK = 200  # a link with no title is titled by its address, cut to fit


def evidence_dir() -> Path:
    path = Path(settings.PRIVATE_FILES_DIR) / "evidence"
    path.mkdir(parents=True, exist_ok=True)
    return path


def stored_path(evidence: Evidence) -> Path:
    assert evidence.stored_name, "links have no stored file"
    return evidence_dir() / evidence.stored_name


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def add_file(action: Action, upload: UploadedFile, title: str, actor: Actor) -> Evidence:
    name = shortened_file_name(Path(upload.name or "").name)
    if upload.size is not None and upload.size > settings.EVIDENCE_MAX_BYTES:
        limit = human_size(settings.EVIDENCE_MAX_BYTES)
        raise EvidenceRefused(f"{name} is {human_size(upload.size)}: the largest file allowed is {limit}")
    content = b"".join(upload.chunks())
    if len(content) > settings.EVIDENCE_MAX_BYTES:
        raise EvidenceRefused(f"{name} is larger than {human_size(settings.EVIDENCE_MAX_BYTES)}")
    kind = identify(name, content)
    stored_name = secrets.token_hex(16)
    path = evidence_dir() / stored_name
    path.write_bytes(content)
    try:
        with transaction.atomic():
            evidence = Evidence.objects.create(
                action=action,
                kind=Evidence.Kind.FILE,
                title=title.strip() or name,
                file_name=name,
                stored_name=stored_name,
                content_type=kind.content_type,
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
                actor=actor.name,
                user_id=actor.user_id,
            )
            trail.save([evidence_change(evidence, actor, Change.Kind.ADDED)])
            plan_changed(action.plan_id)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return evidence


def add_link(action: Action, url: str, title: str, actor: Actor) -> Evidence:
    if urlsplit(url).scheme not in {"https", "http"}:
        raise EvidenceRefused("Enter a link that starts with https:// or http://")
    with transaction.atomic():
        evidence = Evidence.objects.create(
            action=action,
            kind=Evidence.Kind.LINK,
            title=title.strip() or shortened_file_name(url, TITLE_FROM_LINK),
            url=url,
            actor=actor.name,
            user_id=actor.user_id,
        )
        trail.save([evidence_change(evidence, actor, Change.Kind.ADDED)])
        plan_changed(action.plan_id)
    return evidence


def verify(evidence: Evidence, actor: Actor) -> None:
    """A board member (or officer) has checked the evidence shows what it claims."""
    with transaction.atomic():
        evidence.verified_by, evidence.verified = actor.name, timezone.now()
        evidence.save(update_fields=["verified_by", "verified"])
        trail.save([evidence_change(evidence, actor, Change.Kind.CHANGED, field="evidence verified")])
        plan_changed(evidence.action.plan_id)


def remove(evidence: Evidence, actor: Actor) -> None:
    with transaction.atomic():
        trail.save([evidence_change(evidence, actor, Change.Kind.REMOVED)])
        plan_changed(evidence.action.plan_id)
        evidence.delete()
        if evidence.stored_name:
            transaction.on_commit(lambda: stored_path(evidence).unlink(missing_ok=True))
