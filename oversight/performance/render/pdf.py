"""The scorecard as a PDF paper, laid out from its HTML on landscape A4 pages."""

from __future__ import annotations

from django.template.loader import render_to_string

from oversight.lib.pdf import pdf_from_html
from oversight.lib.word import DEFAULT_LOOK, Look, Paper
from oversight.performance.render.docx import area_tables
from oversight.performance.render.shared import Scorecard
from oversight.plans.render.paper import paper_context


def render_html(scorecard: Scorecard, look: Look = DEFAULT_LOOK) -> str:
    paper = Paper(scorecard.council, scorecard.title, "", look)  # the title names the month
    return render_to_string(
        "performance/scorecard_paper.html",
        {**paper_context(paper), "scorecard": scorecard, "tables": area_tables(scorecard)},
    )


def render(scorecard: Scorecard, look: Look = DEFAULT_LOOK) -> bytes:
    return pdf_from_html(render_html(scorecard, look))
