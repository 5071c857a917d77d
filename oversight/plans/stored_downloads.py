"""Downloads made once per version of the data they show and served from the private files directory
until that data changes: a scorecard's Excel file for 200 indicators takes seconds to make, and a board
downloads the same file many times. Each plan's files of one kind sit in a folder per version; making
the file of a new version removes the versions before it, so the folder holds one version's files."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

from oversight.plans.models import Plan


def _folder(plan: Plan, kind: str) -> Path:
    # the plan's creation too: a database restored from a backup, or a test's, reuses primary keys
    return Path(settings.PRIVATE_FILES_DIR) / "downloads" / f"{plan.pk}-{plan.created:%Y%m%d%H%M%S%f}" / kind


def stored_download(plan: Plan, kind: str, version: str, name: str, produce: Callable[[], bytes]) -> bytes:
    """The file `name` of this version of the plan's `kind` of download: read from storage when it was
    made before, else made by `produce` and stored. `name` is made by the caller from known parts."""
    folder = _folder(plan, kind)
    path = folder / hashlib.sha256(version.encode()).hexdigest()[:20] / name
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    content = produce()
    path.parent.mkdir(parents=True, exist_ok=True)
    # written whole under another name and then renamed, so that nobody reads half a file
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".making-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    for other in folder.iterdir():
        if other != path.parent:
            shutil.rmtree(other, ignore_errors=True)  # a reader that has it open still reads it whole
    return content
