"""The work the website hands to the worker process (`oversight db_worker`), queued in the database."""

from __future__ import annotations

from django_tasks import task

from oversight.performance import extract_uploads


@task()
def load_extract_upload(upload_id: int) -> None:
    """An uploaded Annex A extract, loaded (extract_uploads.load)."""
    extract_uploads.load(upload_id)
