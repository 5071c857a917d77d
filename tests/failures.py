"""A save that fails part of the way through, as a full disk or a dropped connection makes it fail, and
everything Oversight stores, to check that such a failure leaves it exactly as it was.

The failure is injected into the real database connection (Django's execute wrappers): the chosen
write is refused before it reaches the database, every write before it has been made. Nothing of the
database is replaced, so the importer's own transaction is what has to undo those writes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.utils import OperationalError

WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


class DiskFull(OperationalError):
    """The failure injected: what the database says when it cannot write."""


@contextmanager
def writes_fail_from(number: int) -> Iterator[list[str]]:
    """Within the block, the database's `number`th write (INSERT, UPDATE or DELETE; counted from 1)
    raises DiskFull, and so does every write after it. Gives the list of the writes that were made."""
    made: list[str] = []

    def refuse(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        if WRITE.match(sql):
            if len(made) + 1 >= number:
                raise DiskFull("database or disk is full")
            made.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse):
        yield made


def stored() -> dict[str, object]:
    """Every row of every Oversight table (many-to-many links included), in primary key order, and
    every file in the private files folder with its SHA-256."""
    tables: dict[str, object] = {
        model._meta.db_table: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_config.name.startswith("oversight.")
    }
    root = Path(settings.PRIVATE_FILES_DIR)
    files = sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []
    tables["private files"] = {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files
    }
    return tables


def fail_at_each_write_in_turn(save: Callable[[], object]) -> int:
    """Runs `save` with its first write failing, then its second, and so on, checking each time that
    the failure reaches the caller and leaves everything stored as it was; then lets it run to the end
    and checks that it did store something. Returns how many writes the whole save makes."""
    before = stored()
    number = 1
    while True:
        with writes_fail_from(number) as made:
            try:
                save()
            except DiskFull:
                assert len(made) == number - 1
                assert stored() == before, f"writes 1 to {number - 1} of the save were kept: {made}"
                number += 1
                continue
        assert stored() != before, "the save, once nothing failed, stored nothing"
        return len(made)
