"""The scorecard for a month as Word and Excel downloads: a table per service area, RAG against target
in words and shading, the previous months' values, and text that never becomes a formula."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from decimal import Decimal as D

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from oversight.audit.actors import Actor
from oversight.lib.months import add_months
from oversight.performance.models import Indicator
from oversight.performance.render.xlsx import number_format
from oversight.performance.scorecard import Unit
from oversight.performance.values import record_value
from tests.papers import check_paper
from tests.pdfs import read_pdf
from tests.performance.test_scorecard_queries import scorecard
from tests.plans.views.test_query_counts import queries

pytestmark = pytest.mark.django_db

OCTOBER = date(2026, 10, 1)
INJECTION = '=HYPERLINK("https://evil.example/","Click for the figures")'


def _values(indicator: Indicator, values: list[D | None]) -> None:
    """Values for the months up to October 2026, the last one October's."""
    for back, value in enumerate(reversed(values)):
        record_value(indicator, add_months(OCTOBER, -back), value, Actor("Ana"), "test")


@pytest.fixture
def indicators(plan) -> None:
    icpcs = Indicator.objects.create(
        plan=plan, name="ICPCs in timescale", service_area="Safeguarding", polarity="higher",
        target=D(90), tolerance=D(5),
    )  # fmt: skip
    _values(icpcs, [D(70), D(92), D(88), D(80), D("86.5")])  # Amber: 3.5 points short, within 5
    court = Indicator.objects.create(
        plan=plan, name="Average days to a final hearing", service_area="Safeguarding", unit="days",
        polarity="lower", target=D(26), tolerance=D(4),
    )  # fmt: skip
    _values(court, [D(31), D(24)])  # Green
    Indicator.objects.create(
        plan=plan, name=INJECTION, service_area="Safeguarding", unit="number", polarity="higher", target=D(3)
    )  # no value: No data
    cancelled = Indicator.objects.create(
        plan=plan, name="Contact sessions cancelled for service reasons", service_area="Children in care",
        polarity="lower", target=D(0), tolerance=D(2),
    )  # fmt: skip
    _values(cancelled, [D(4), None, D(9)])  # Red: 9% against nil


def _download(client, fmt: str, month: str = "2026-10") -> bytes:
    response = client.get(f"/plans/demo/scorecard/{month}.{fmt}")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="demo-scorecard-{month}.{fmt}"'
    return response.content


def _fill(cell) -> str:
    return cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill"))


def test_the_word_scorecard_has_a_table_per_service_area_with_rag_in_words_and_shading(
    signed_in, indicators
) -> None:
    doc = check_paper(_download(signed_in("vic"), "docx")).doc
    assert doc.paragraphs[0].text == "Improvement plan: performance scorecard, October 2026"
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == [
        "Children in care",
        "Safeguarding",
    ]
    care, safeguarding = doc.tables
    assert [c.text for c in care.rows[0].cells] == [
        "Indicator", "Target", "October 2026", "Against target", "Trend", "Jul 26", "Aug 26", "Sep 26",
    ]  # fmt: skip
    assert [c.text for c in care.rows[1].cells] == [
        "Contact sessions cancelled for service reasons", "0%", "9%", "Red", "Worsening", "No data", "4%",
        "No data",
    ]  # fmt: skip
    rows = {row.cells[0].text: row.cells for row in safeguarding.rows[1:]}
    assert [c.text for c in rows["ICPCs in timescale"][1:]] == [
        "90%", "86.5%", "Amber", "Improving", "92%", "88%", "80%",
    ]  # fmt: skip
    assert [c.text for c in rows["Average days to a final hearing"][1:5]] == [
        "26 days",
        "24 days",
        "Green",
        "Improving",
    ]
    assert [c.text for c in rows[INJECTION][1:5]] == ["3", "No data", "No data", "No data"]
    assert _fill(care.rows[1].cells[3]) == "F4CDC6"  # the website's Red tag
    assert _fill(rows["ICPCs in timescale"][3]) == "FCD6C3"
    assert _fill(rows["Average days to a final hearing"][3]) == "CCE2D8"
    assert _fill(rows[INJECTION][3]) == "E5E6E7"


def test_the_pdf_scorecard_is_landscape_a4_with_each_rating_in_words(signed_in, indicators) -> None:
    pdf = read_pdf(_download(signed_in("vic"), "pdf"))
    assert pdf.info["Tagged"] == "yes" and pdf.info["Page size"].startswith("841.89 x 595.276")
    assert pdf.info["Title"] == "Improvement plan: performance scorecard, October 2026"
    assert re.search(r"Contact sessions cancelled for service reasons\s+0%\s+9%\s+Red\s+Worsening", pdf.text)
    assert re.search(r"ICPCs in timescale\s+90%\s+86\.5%\s+Amber\s+Improving\s+92%\s+88%\s+80%", pdf.text)
    assert pdf.text.index("Children in care") < pdf.text.index("Safeguarding")
    assert {font["emb"] for font in pdf.fonts} == {"yes"}


def test_the_excel_scorecard_holds_a_year_of_numbers_in_their_units_format(signed_in, indicators) -> None:
    book = load_workbook(io.BytesIO(_download(signed_in("vic"), "xlsx")))
    assert book.sheetnames == ["Scorecard", "Children in care", "Safeguarding"]
    summary = list(book["Scorecard"].iter_rows(values_only=True))
    assert summary[0][0] == "Improvement plan: performance scorecard, October 2026"
    assert summary[1:] == [
        ("Service area", "Indicators", "Green", "Amber", "Red", "No data"),
        ("Children in care", 1, 0, 0, 1, 0),
        ("Safeguarding", 3, 1, 1, 0, 1),
        ("Total", 4, 1, 1, 1, 1),
    ]
    sheet = book["Safeguarding"]
    headers = [c.value for c in sheet[2]]
    assert headers[:5] == ["Indicator", "Target", "October 2026", "Against target", "Trend"]
    assert headers[5:] == [
        "Nov 25",
        "Dec 25",
        *[f"{m} 26" for m in "Jan Feb Mar Apr May Jun Jul Aug Sep Oct".split()],
    ]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=3)}
    icpcs = rows["ICPCs in timescale"]
    assert [c.value for c in icpcs[1:5]] == [0.9, 0.865, "Amber", "Improving"]  # 90%, 86.5%
    assert (icpcs[1].number_format, icpcs[2].number_format) == ("0%", "0.0%")
    assert [c.value for c in icpcs[5:]] == [None] * 7 + [0.7, 0.92, 0.88, 0.8, 0.865]
    assert icpcs[3].fill.fgColor.rgb.endswith("FCD6C3")
    court = rows["Average days to a final hearing"]
    assert (court[2].value, court[2].number_format, court[3].value) == (24, '#,##0 "days"', "Green")
    assert court[3].fill.fgColor.rgb.endswith("CCE2D8")
    empty = rows[INJECTION]
    assert [c.value for c in empty[2:5]] == [None, "No data", "No data"]
    assert empty[3].fill.fgColor.rgb.endswith("E5E6E7")
    cancelled = next(book["Children in care"].iter_rows(min_row=3))
    assert (cancelled[3].value, cancelled[2].value) == ("Red", 0.09)
    assert cancelled[3].fill.fgColor.rgb.endswith("F4CDC6")


def test_an_indicator_named_like_a_formula_stays_text_in_excel(signed_in, indicators) -> None:
    data = _download(signed_in("vic"), "xlsx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in archive.read(n) for n in sheets)
    names = [row[0] for row in load_workbook(io.BytesIO(data))["Safeguarding"].iter_rows(min_row=3)]
    assert [(c.value, c.data_type) for c in names if c.value.startswith("=")] == [(INJECTION, "s")]


def test_a_plan_without_indicators_downloads_an_empty_scorecard(signed_in) -> None:
    doc = Document(io.BytesIO(_download(signed_in("vic"), "docx")))
    assert "No indicators have been set up for this plan yet." in [p.text for p in doc.paragraphs]
    book = load_workbook(io.BytesIO(_download(signed_in("vic"), "xlsx")))
    assert book.sheetnames == ["Scorecard"]


@pytest.mark.parametrize("url", ["2026-13.docx", "2026-10.odt", "0001-01.xlsx", "october.xlsx"])
def test_a_month_or_format_that_does_not_exist_is_not_found(signed_in, url: str) -> None:
    assert signed_in("vic").get(f"/plans/demo/scorecard/{url}").status_code == 404


def test_the_scorecard_page_links_to_its_downloads_for_the_month_shown(signed_in) -> None:
    page = signed_in("vic").get("/plans/demo/scorecard/?month=2026-10").content.decode()
    assert 'href="/plans/demo/scorecard/2026-10.docx"' in page
    assert 'href="/plans/demo/scorecard/2026-10.xlsx"' in page


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_the_downloads_make_as_many_queries_for_60_indicators_over_36_months_as_for_3_over_2(
    signed_in, plan, fmt: str
) -> None:
    scorecard(plan, indicators=3, months=2)
    client = signed_in("olivia")
    url = f"/plans/demo/scorecard/{date.today():%Y-%m}.{fmt}"
    small = (queries(client, url, cold=True), queries(client, url, cold=False))
    scorecard(plan, indicators=60, months=36)
    large = (queries(client, url, cold=True), queries(client, url, cold=False))
    assert large == small
    if fmt == "xlsx":
        book = load_workbook(io.BytesIO(client.get(url).content))
        assert sum(sheet.max_row - 2 for sheet in book.worksheets[1:]) == 60


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (D("86.00"), Unit.PERCENTAGE, "0%"),
        (D("86.5"), Unit.PERCENTAGE, "0.0%"),
        (D("100"), Unit.PERCENTAGE, "0%"),
        (D("0.25"), Unit.PERCENTAGE, "0.00%"),
        (D("1234"), Unit.NUMBER, "#,##0"),
        (D("12.5"), Unit.DAYS, '#,##0.0 "days"'),
        (D("14"), Unit.RATIO, '"1:"0'),
        (None, Unit.PERCENTAGE, "0%"),
    ],
)
def test_number_formats_show_as_many_decimal_places_as_the_value_has(value, unit, expected) -> None:
    assert number_format(value, unit) == expected


def test_the_story_behind_a_figure_is_a_column_of_the_word_excel_and_pdf_scorecards(
    signed_in, indicators
) -> None:
    icpcs = Indicator.objects.get(name="ICPCs in timescale")
    record_value(icpcs, OCTOBER, D("86.5"), Actor("Ana"), "test", "Two social workers left in September.")
    client = signed_in("vic")
    doc = Document(io.BytesIO(_download(client, "docx")))
    safeguarding = doc.tables[1]
    assert safeguarding.rows[0].cells[-1].text == "The story behind the figure"
    rows = {row.cells[0].text: row.cells for row in safeguarding.rows}
    assert rows["ICPCs in timescale"][-1].text == "Two social workers left in September."
    assert rows["Average days to a final hearing"][-1].text == ""
    book = load_workbook(io.BytesIO(_download(client, "xlsx")))
    sheet = book["Safeguarding"]
    assert [c.value for c in sheet[2]][-1] == "The story behind the figure"
    assert next(r for r in sheet.iter_rows(values_only=True) if r[0] == "ICPCs in timescale")[-1] == (
        "Two social workers left in September."
    )
    pdf = read_pdf(_download(client, "pdf")).text  # laid out in a narrow column: the words wrap
    assert "The story behind" in pdf and "Two social" in pdf and "left in September." in pdf
