"""Length limits on what people type and import, checked before anything reaches the database (where
PostgreSQL refuses an over-long value with an error and SQLite keeps it whole), and the words that say
so, as the GOV.UK Design System words them."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

# commentary, key actions, decisions, findings: text no database limits, kept to what a person writes
LONG_TEXT = 20_000
# a file's name as stored: file systems allow 255 bytes, and the records keep it with words around it
FILE_NAME_BYTES = 200


def too_long(label: str, limit: int) -> str:
    """'Title must be 300 characters or less'."""
    return f"{label} must be {limit:,} characters or less"


def length_problems(values: Mapping[str, str], limits: Mapping[str, tuple[str, int]]) -> dict[str, str]:
    """The message for each field longer than its limit: `limits` gives each field's label and limit."""
    return {
        name: too_long(label, limit)
        for name, (label, limit) in limits.items()
        if len(values.get(name) or "") > limit
    }


def limit_of(model: Any, field: str) -> int:
    """The most characters a model's field takes: its max_length, or LONG_TEXT for a text field."""
    return model._meta.get_field(field).max_length or LONG_TEXT


def shortened_file_name(name: str, limit: int = FILE_NAME_BYTES) -> str:
    """A file's name cut to `limit` bytes of UTF-8, keeping its extension: names are labels, and a long
    one is not a reason to refuse a file."""
    if len(name.encode()) <= limit:
        return name
    path = PurePath(name)
    suffix = path.suffix if len(path.suffix.encode()) < limit // 2 else ""
    stem = name[: len(name) - len(suffix)] if suffix else name
    room = limit - len(suffix.encode()) - len("…".encode())
    cut = stem.encode()[:room].decode(errors="ignore").rstrip()
    return f"{cut}…{suffix}"


def shortened(text: str, limit: int, tail: int = 60) -> str:
    """`text` cut to `limit` characters in its middle, keeping its start and its last `tail` characters
    ('funding line Additional fund…ers and caseloads: 2017/18 committed'): what a record is about is
    named by a person, and a long name is not a reason to lose the record."""
    if len(text) <= limit:
        return text
    head = limit - tail - 1
    return text[:head] + "…" + text[-tail:]
