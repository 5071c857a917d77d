"""The site's limits on reading one spreadsheet, as its administrator has set them in the environment:
lib/spreadsheets.py takes them as a value, so it knows nothing of Django's settings."""

from __future__ import annotations

from django.conf import settings

from oversight.lib.spreadsheet_limits import Limits


def reading_limits() -> Limits:
    """What the site reads from one spreadsheet."""
    return Limits(
        unpacked_bytes=settings.SPREADSHEET_MAX_UNPACKED_BYTES,
        cells=settings.SPREADSHEET_MAX_CELLS,
        compression_ratio=settings.SPREADSHEET_MAX_COMPRESSION_RATIO,
        reader_memory=settings.SPREADSHEET_READER_MEMORY_BYTES,
    )
