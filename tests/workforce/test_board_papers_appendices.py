"""The funding table and the workforce as appendices of the board's papers, when the plan's
administrators choose them: the exception report (Word, PDF, HTML, Markdown, Excel, JSON) and the
committee progress report carry them after their own content, so the monthly paper is one document."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from openpyxl import load_workbook

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.funding.funding_import import import_funding
from oversight.governance.committee_data import committee_report
from oversight.governance.models import Inspection, Recommendation
from oversight.governance.render.committee import render_docx as committee_docx
from oversight.plans.models import Plan
from oversight.plans.render import renderer
from oversight.plans.report_data import exception_report
from tests.funding.test_funding_import import bromley_rows
from tests.papers import check_paper
from tests.pdfs import read_pdf

pytestmark = pytest.mark.django_db
AS_AT = date(2026, 11, 30)


@pytest.fixture
def with_both(a_year, write_csv):
    import_funding(write_csv("funding.csv", bromley_rows()), "demo", Actor("Olivia"))
    Plan.objects.filter(pk=a_year.pk).update(appendices=["funding", "workforce"])
    return a_year


def words(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    text = [p.text for p in doc.paragraphs]
    text += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join(text)


def test_without_the_choice_the_papers_carry_no_appendix_of_theirs(a_year, write_csv) -> None:
    import_funding(write_csv("funding.csv", bromley_rows()), "demo", Actor("Olivia"))
    report = exception_report("demo", AS_AT)
    assert report.appendices == []
    assert "Appendix 2" not in words(renderer("docx")(report))


def test_the_exception_reports_word_paper_ends_with_funding_and_workforce(with_both) -> None:
    data = renderer("docx")(exception_report("demo", AS_AT))
    check_paper(data)
    text = words(data)
    assert (
        "Appendix 1 lists every action RAG rated Red with its commentary; Appendix 2 sets out the "
        "improvement funding and Appendix 3 the workforce." in text
    )
    assert (
        text.index("Appendix 1:")
        < text.index("Appendix 2: Improvement funding")
        < text.index("Appendix 3: Workforce")
    )
    # as at November 2026 both years have begun: each one's spend beside its budget
    assert "2016/17: £1,090k of the £1,090k budget spent (100%); £0k left." in text
    assert "Vacancy rate: 19% (9.5 of 50 funded posts, FTE)." in text
    assert "1,090" in text and "5,157" in text  # the funding table's totals


def test_every_format_of_the_exception_report_carries_them(with_both) -> None:
    report = exception_report("demo", AS_AT)
    pdf = read_pdf(renderer("pdf")(report))
    assert "Appendix 2: Improvement funding" in pdf.text and "Appendix 3: Workforce" in pdf.text
    markdown = renderer("md")(report).decode()
    assert "## Appendix 3: Workforce" in markdown and "Vacancy rate: 19% (9.5 of 50 funded posts" in markdown
    book = load_workbook(io.BytesIO(renderer("xlsx")(report)))
    assert {"Teams", "Supervision"} <= set(book.sheetnames)
    found = json.loads(renderer("json")(report))
    assert [a["title"] for a in found["appendices"]] == ["Improvement funding", "Workforce"]


def test_the_committee_progress_report_carries_them(with_both) -> None:
    inspection = Inspection.objects.create(plan=with_both, published=date(2026, 6, 1))
    Recommendation.objects.create(inspection=inspection, number=1, text="Improve supervision.")
    data = committee_docx(committee_report("demo", AS_AT))
    check_paper(data)
    text = words(data)
    assert "Appendix 1: Improvement funding" in text and "Appendix 2: Workforce" in text


def test_an_administrator_chooses_the_appendices_on_the_settings_page(signed_in, plan) -> None:
    alice = signed_in("alice")
    page = alice.get("/plans/demo/settings/").content.decode()
    assert "The improvement funding table" in page and "The workforce" in page
    form = {
        "reminder_day": "20",
        "return_day": "25",
        "second_reminder_days": "2",
        "appendices": ["workforce"],
    }
    assert alice.post("/plans/demo/settings/", form).status_code == 302
    assert Plan.objects.get(pk=plan.pk).appendices == ["workforce"]
    change = Change.objects.get(field="setting: Appendices of the board's papers")
    assert (change.old_value, change.new_value) == ("None", "The workforce")
    refused = alice.post("/plans/demo/settings/", form | {"appendices": ["salaries"]})
    assert refused.status_code == 400
