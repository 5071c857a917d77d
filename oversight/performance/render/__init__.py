"""The scorecard for a month as downloads: Word, PDF or Excel."""

from __future__ import annotations

from collections.abc import Callable

from oversight.lib.word import Look
from oversight.performance.render import docx, pdf, xlsx
from oversight.performance.render.shared import Scorecard

DOWNLOADS = {
    "docx": ("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": ("PDF", "application/pdf"),
    "xlsx": ("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def renderer(fmt: str) -> Callable[[Scorecard, Look], bytes]:
    """The renderer for a download's format: docx, pdf or xlsx (a spreadsheet has no look)."""
    return {"docx": docx.render, "pdf": pdf.render, "xlsx": lambda scorecard, look: xlsx.render(scorecard)}[
        fmt
    ]


__all__ = ["DOWNLOADS", "Scorecard", "renderer"]
