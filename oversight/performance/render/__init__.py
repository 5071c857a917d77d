"""The scorecard for a month as downloads: Word or Excel."""

from __future__ import annotations

from collections.abc import Callable

from oversight.performance.render import docx, xlsx
from oversight.performance.render.shared import Scorecard

DOWNLOADS = {
    "docx": ("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def renderer(fmt: str) -> Callable[[Scorecard], bytes]:
    """The renderer for a download's format: docx or xlsx."""
    return {"docx": docx.render, "xlsx": xlsx.render}[fmt]


__all__ = ["DOWNLOADS", "Scorecard", "renderer"]
