"""The plan's work that the website hands to the worker process (`oversight db-worker`)."""

from __future__ import annotations

from django_tasks import task

from oversight.plans import file_imports


@task()
def check_file_import(record_id: int) -> None:
    """An uploaded file checked and its preview kept (file_imports.check)."""
    file_imports.check(record_id)


@task()
def import_file(record_id: int) -> None:
    """A checked upload, once confirmed, imported (file_imports.import_confirmed)."""
    file_imports.import_confirmed(record_id)
