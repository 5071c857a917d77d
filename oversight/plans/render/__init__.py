"""Renderings of the exception report: each formats the one computation, none recomputes it."""

from __future__ import annotations

import json
from typing import Protocol

from oversight.lib.word import DEFAULT_LOOK, Look
from oversight.plans.exception_report import ExceptionReport, to_json
from oversight.plans.render import docx, html, markdown, xlsx


class Renderer(Protocol):
    def __call__(self, report: ExceptionReport, look: Look = ..., /) -> bytes: ...


# the papers (Word, PDF, HTML) take the plan's look; the data formats have none
def render_json(report: ExceptionReport, look: Look = DEFAULT_LOOK) -> bytes:
    return (json.dumps(to_json(report), indent=1, ensure_ascii=False) + "\n").encode()


def render_markdown(report: ExceptionReport, look: Look = DEFAULT_LOOK) -> bytes:
    return markdown.render(report)


def render_xlsx(report: ExceptionReport, look: Look = DEFAULT_LOOK) -> bytes:
    return xlsx.render(report)


RENDERERS: dict[str, Renderer] = {
    "json": render_json,
    "md": render_markdown,
    "html": html.render,
    "pdf": html.render_pdf,
    "docx": docx.render,
    "xlsx": render_xlsx,
}
FORMATS = tuple(RENDERERS)


def renderer(name: str) -> Renderer:
    """The renderer for a format name: json, md, html, pdf, docx or xlsx."""
    return RENDERERS[name]
