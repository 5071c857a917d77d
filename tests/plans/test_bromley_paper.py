"""Bromley's January 2017 exception report as the paper its board received (Appendix 1 of
../shared/reports/bromley-2017-03-care-services-pds.md): the same sections in the same order and the
same tables, in Word and in PDF, on A4, with page numbers, the PDF tagged and its fonts embedded."""

from __future__ import annotations

import io
import json
import re
from datetime import date

import pytest
from docx import Document

from oversight.audit.actors import Actor
from oversight.lib.numbers import percent
from oversight.plans.plan_import import import_plan
from oversight.plans.render import docx, html
from oversight.plans.report_data import exception_report
from oversight.plans.status_import import import_statuses
from tests.conftest import BROMLEY, accepting_statuses_without_commentary
from tests.papers import check_paper
from tests.pdfs import Pdf, read_pdf

EXPECTED = json.loads((BROMLEY / "expected-2017-01-31.json").read_text())
# the published paper's sections, in order (its section 5 gives each Red action's latest commentary)
PUBLISHED_SECTIONS = [
    "1. Purpose of the report",
    "2. Recommendations",
    "3. Background",
    "4. Analysis",
    "5. Current status on Red actions (see Appendix 1)",
    "Appendix 1: actions not progressed up to 31 January 2017",
]


MADE: list[tuple[bytes, Pdf]] = []  # the papers, made by the first test that asks: a PDF takes seconds


@pytest.fixture
def papers(db) -> tuple[bytes, Pdf]:  # type: ignore[no-untyped-def]
    if not MADE:
        import_plan(BROMLEY / "plan.csv", "bromley", Actor("officer"), started=date(2016, 5, 1))
        accepting_statuses_without_commentary("bromley")
        import_statuses(BROMLEY / "status-2017-01-31.csv", "bromley", date(2017, 1, 31), Actor("officer"))
        report = exception_report("bromley", date(2017, 1, 31))
        MADE.append((docx.render(report), read_pdf(html.render_pdf(report))))
    return MADE[0]


def test_the_word_paper_has_the_published_sections_in_order(papers) -> None:
    paper = check_paper(papers[0])
    headings = [p.text for p in paper.doc.paragraphs if p.style.name == "Heading 1"]
    assert [h for h in headings if h in PUBLISHED_SECTIONS] == PUBLISHED_SECTIONS
    # Oversight's own section, after the published ones: the statuses that contradict their dates
    assert [h for h in headings if h not in PUBLISHED_SECTIONS] == ["6. Statuses to check"]


def test_the_pdf_has_the_published_sections_in_order_on_a4_with_page_x_of_y(papers) -> None:
    pdf = papers[1]
    positions = [pdf.text.index(heading) for heading in PUBLISHED_SECTIONS]
    assert positions == sorted(positions)
    assert pdf.info["Page size"].endswith("(A4)")
    assert pdf.info["Tagged"] == "yes"
    pages = int(pdf.info["Pages"])
    assert [f"Page {n} of {pages}" in page for n, page in enumerate(pdf.pages, start=1)] == [True] * pages
    assert all("31 January 2017" in page for page in pdf.pages)  # the running header names the date


def test_the_pdf_embeds_every_font_and_sets_its_header_and_footer_in_the_papers_font(papers) -> None:
    fonts = papers[1].fonts
    assert fonts and all(font["emb"] == "yes" for font in fonts)
    # the page's margin boxes inherit from the root: a font set on the body alone left them in a serif
    assert {font["name"].split("+")[1] for font in fonts} == {"Liberation-Sans", "Liberation-Sans-Bold"}


def test_the_pdf_holds_table_1_as_published(papers) -> None:
    text = papers[1].text
    for p in EXPECTED["by_priority"]:
        figures = rf"\s{p['due']}\s+{p['red']}\s+{percent(p['red'], p['due'])}%"
        assert re.search(rf"Priority {p['priority']} - [^\n]*{figures}\n", text), p["title"]
    assert re.search(r"Total\s+200\s+20\s+10%", text)


def test_the_appendix_is_on_landscape_pages_and_lists_every_red_action(papers) -> None:
    pdf = papers[1]
    first = next(n for n, page in enumerate(pdf.pages) if "Appendix 1:" in page)
    assert all(size == "landscape" for size in pdf.orientations[first:])
    assert all(size == "portrait" for size in pdf.orientations[:first])
    appendix = "\n".join(pdf.pages[first:])
    assert all(action_id in appendix for action_id in EXPECTED["red_actions"])


def test_the_word_paper_puts_the_appendix_on_a_landscape_section(papers) -> None:
    doc = Document(io.BytesIO(papers[0]))
    assert [s.page_width > s.page_height for s in doc.sections] == [False, True]
