"""Renderings of the exception report: each formats the one computation, none recomputes it."""

from __future__ import annotations

import json
from collections.abc import Callable

from oversight.plans.exception_report import ExceptionReport, to_json
from oversight.plans.render import docx, html, markdown, xlsx


def render_json(report: ExceptionReport) -> bytes:
    return (json.dumps(to_json(report), indent=1, ensure_ascii=False) + "\n").encode()


def renderer(name: str) -> Callable[[ExceptionReport], bytes]:
    """The renderer for a format name: json, md, html, pdf, docx or xlsx."""
    if name == "json":
        return render_json
    return {
        "md": markdown.render,
        "html": html.render,
        "pdf": html.render_pdf,
        "docx": docx.render,
        "xlsx": xlsx.render,
    }[name]


FORMATS = ("json", "md", "html", "pdf", "docx", "xlsx")
