"""The Word, Excel, Markdown and HTML reports are real files whose tables hold the computed figures."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook

from oversight.plans.exception_report import ExceptionReport, ReportAction, compute
from oversight.plans.render import FORMATS, renderer

JAN, FEB, MAR = date(2017, 1, 1), date(2017, 2, 1), date(2017, 3, 1)
INJECTIONS = ['=HYPERLINK("http://evil.example","click")', "+44 20 7946 0000", "-1+2", "@SUM(A1:A2)"]


def make_report() -> ExceptionReport:
    def act(
        action_id: str, last: date, rags: dict, commentary: str = "Delayed by recruitment"
    ) -> ReportAction:
        return ReportAction(
            action_id,
            int(action_id.split(".")[0]),
            f"Do {action_id} | with a pipe",
            "DCS",
            "Health, Police",
            f"{last:%b-%y}",
            last,
            last,
            rags,
            commentary,
            MAR,
        )

    actions = [
        act("1.1", JAN, {JAN: "R", FEB: "R", MAR: "R"}),
        act("1.2", FEB, {JAN: "A", FEB: "R", MAR: "A"}),
        act(
            "2.1",
            MAR,
            {JAN: "W", FEB: "A", MAR: "R"},
            commentary="Line one\nLine two <script>alert(1)</script>",
        ),
        act("2.2", MAR, {MAR: "G"}),
    ]
    actions += [act(f"2.{i}", MAR, {MAR: "R"}, commentary=text) for i, text in enumerate(INJECTIONS, start=3)]
    return compute(
        plan="demo",
        title="Improvement Plan",
        council="Example Council",
        as_at=date(2017, 3, 31),
        priorities={1: "Leadership", 2: "Safeguarding"},
        actions=actions,
        months=3,
    )


@pytest.fixture(scope="module")
def report() -> ExceptionReport:
    return make_report()


def test_the_word_report_has_tables_1_to_3_and_the_red_actions(report) -> None:
    doc = Document(io.BytesIO(renderer("docx")(report)))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    table1 = next(t for t in tables if t[0][0] == "Priority" and "Red as % of due" in t[0])
    assert table1[1:] == [
        ["Priority 1 - Leadership", "2", "1", "50%"],
        ["Priority 2 - Safeguarding", "6", "5", "83%"],
        ["Total", "8", "6", "75%"],
    ]
    table2 = next(t for t in tables if t[0][-1] == "Difference")
    assert table2[0] == ["Priority", "Jan 17", "Feb 17", "Mar 17", "Difference"]
    assert table2[-1] == ["Total", "1", "2", "6", "+4"]
    table3 = next(t for t in tables if t[0][0] == "Action deadline")
    assert table3[1][:3] == ["March 2017", "5", "83%"] and table3[2][:3] == ["January 2017", "1", "17%"]
    red = [t for t in tables if t[0][:2] == ["Timescale", "Action ID"]]
    assert [row[1] for t in red for row in t[1:]] == ["1.1", "2.1", "2.3", "2.4", "2.5", "2.6"]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "1. Purpose of the report" in text and "3. Background" in text
    assert "there have been a total of 8 actions that needed to be started or completed" in text
    assert "Priority 2 - Safeguarding, where 5 of the 6 actions due (83%) are Red" in text
    assert doc.sections[-1].page_width > doc.sections[-1].page_height  # the appendix is landscape


def test_the_excel_workbook_holds_the_tables_and_the_red_list(report) -> None:
    book = load_workbook(io.BytesIO(renderer("xlsx")(report)))
    assert book.sheetnames == [
        "Summary",
        "Table 1",
        "Table 2",
        "Table 3",
        "Red actions",
        "Changes",
        "Warnings",
    ]
    rows = list(book["Table 1"].iter_rows(min_row=2, values_only=True))
    assert rows[0] == (
        "Priority",
        "Actions due Jan 17 - Mar 17",
        "Actions not progressed (Red)",
        "Red as % of due",
    )
    assert rows[1:] == [
        ("Priority 1 - Leadership", 2, 1, "50%"),
        ("Priority 2 - Safeguarding", 6, 5, "83%"),
        ("Total", 8, 6, "75%"),
    ]
    red = list(book["Red actions"].iter_rows(min_row=3, values_only=True))
    assert [r[2] for r in red] == ["1.1", "2.1", "2.3", "2.4", "2.5", "2.6"]


def test_text_that_looks_like_a_formula_is_written_as_text(report) -> None:
    data = renderer("xlsx")(report)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in archive.read(n) for n in sheets)
    sheet = load_workbook(io.BytesIO(data))["Red actions"]
    commentary = {row[2].value: row[6] for row in sheet.iter_rows(min_row=3)}
    for number, text in enumerate(INJECTIONS, start=3):
        assert commentary[f"2.{number}"].value == text
        assert commentary[f"2.{number}"].data_type == "s"


def test_the_markdown_report_escapes_table_cells(report) -> None:
    text = renderer("md")(report).decode()
    assert "| Priority 2 - Safeguarding | 6 | 5 | 83% |" in text
    assert "Do 1.1 \\| with a pipe" in text and "Line one<br>Line two" in text
    assert "<script" not in text and "&lt;script&gt;" in text


def test_the_markdown_reports_sentences_show_priority_titles_as_written(report) -> None:
    hostile = "**Safe**guarding [click](https://evil.example) <img src=x>\n# Heading"
    report = compute(
        plan="demo",
        title="Improvement Plan",
        council="Example Council",
        as_at=date(2017, 3, 31),
        priorities={1: "Leadership", 2: hostile},
        actions=[
            ReportAction("2.1", 2, "Audit.", "DCS", "", "Mar-17", MAR, MAR, {MAR: "R"}, "Late", MAR),
            ReportAction("1.1", 1, "Publish.", "DCS", "", "Mar-17", MAR, MAR, {MAR: "G"}, "", MAR),
        ],
        months=3,
    )
    text = renderer("md")(report).decode()
    analysis = text[text.index("## Analysis") : text.index("## Red actions by priority")]
    sentences = [line for line in analysis.splitlines() if "guarding" in line and not line.startswith("|")]
    assert sentences  # the analysis names the slowest priority
    for line in sentences:
        assert (
            "\\*\\*Safe\\*\\*guarding \\[click\\](https://evil.example) &lt;img src=x&gt; \\# Heading" in line
        )
    assert "<img" not in text and "[click](" not in text and "**Safe**" not in text
    assert "\n# Heading" not in text


def test_the_html_report_is_a_standalone_accessible_page(report) -> None:
    html = renderer("html")(report).decode()
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en-GB">' in html
    assert "<caption>Table 1: actions due" in html and '<th scope="col">Priority</th>' in html
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Do 1.1 | with a pipe" in html and "Line one<br>Line two" in html


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_renders(report, name) -> None:
    assert len(renderer(name)(report)) > 500
