"""The Word, Excel, Markdown and HTML reports are real files whose tables hold the computed figures."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import pytest
from docx import Document
from lxml import html
from openpyxl import load_workbook

from oversight.plans.exception_report import ExceptionReport, ReportAction, compute
from oversight.plans.render import FORMATS, renderer

JAN, FEB, MAR = date(2017, 1, 1), date(2017, 2, 1), date(2017, 3, 1)
AUDITS_RED = "Audits rated good or better: 40% in March 2017 against a target of 75% (Red)"
INJECTIONS = ['=HYPERLINK("http://evil.example","click")', "+44 20 7946 0000", "-1+2", "@SUM(A1:A2)"]


def make_report() -> ExceptionReport:
    def act(
        action_id: str, last: date, rags: dict, commentary: str = "Delayed by recruitment", **more
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
            **more,
        )

    actions = [
        act("1.1", JAN, {JAN: "R", FEB: "R", MAR: "R"}, red_since=date(2016, 11, 30)),
        act("1.2", FEB, {JAN: "A", FEB: "R", MAR: "A"}),
        act(
            "2.1",
            MAR,
            {JAN: "W", FEB: "A", MAR: "R"},
            commentary="Line one\nLine two <script>alert(1)</script>",
        ),
        act("2.2", MAR, {MAR: "G"}, completion="verified", red_measures=(AUDITS_RED,)),
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
        "Complete, measure Red",
        "Warnings",
        "Slippage",
        "Re-timed",
        "Withdrawn",
    ]
    rows = list(book["Table 1"].iter_rows(min_row=2, values_only=True))
    assert rows[0] == (
        "Priority",
        "Actions due Jan 17 - Mar 17",
        "Actions not progressed (Red)",
        "Red as % of due",
    )
    assert rows[1:] == [  # a percentage is a number, shown as one
        ("Priority 1 - Leadership", 2, 1, 0.5),
        ("Priority 2 - Safeguarding", 6, 5, 0.83),
        ("Total", 8, 6, 0.75),
    ]
    assert {c.number_format for c in next(book["Table 1"].iter_cols(min_col=4, min_row=3))} == {"0%"}
    red = list(book["Red actions"].iter_rows(min_row=3, values_only=True))
    assert [r[2] for r in red] == ["1.1", "2.1", "2.3", "2.4", "2.5", "2.6"]


def test_text_that_looks_like_a_formula_is_written_as_text(report) -> None:
    data = renderer("xlsx")(report)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in archive.read(n) for n in sheets)
    sheet = load_workbook(io.BytesIO(data))["Red actions"]
    header = [cell.value for cell in next(sheet.iter_rows(min_row=2, max_row=2))]
    commentary = {
        row[header.index("Action ID")].value: row[header.index("Commentary")]
        for row in sheet.iter_rows(min_row=3)
    }
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
    sentences = [
        line for line in analysis.splitlines() if "evil.example" in line and not line.startswith("|")
    ]
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


def rows_of(name: str, data: bytes, first_header: str) -> list[dict[str, str]]:
    """The rows, as header: value, of the tables in a rendering whose first column is `first_header`
    (a spreadsheet's tables start on its second row, under their caption)."""
    if name == "docx":
        found = [[[c.text for c in row.cells] for row in t.rows] for t in Document(io.BytesIO(data)).tables]
    elif name == "xlsx":
        book = load_workbook(io.BytesIO(data))
        found = [
            [
                ["" if v is None else str(v) for v in row]
                for row in sheet.iter_rows(min_row=2, values_only=True)
            ]
            for sheet in book
        ]
    elif name == "html":
        page = html.fromstring(data.decode())
        found = [
            [[c.text_content() for c in row.xpath("th|td")] for row in table.xpath(".//tr")]
            for table in page.xpath("//table")
        ]
    else:
        found = [
            [[cell.strip().replace("<br>", "\n") for cell in line.strip("|").split(" | ")] for line in block]
            for block in _markdown_tables(data.decode())
        ]
    return [
        dict(zip(table[0], row, strict=True))
        for table in found
        if table and table[0][:1] == [first_header]
        for row in table[1:]
    ]


def _markdown_tables(text: str) -> list[list[str]]:
    tables, current = [], []
    for line in text.splitlines():
        if line.startswith("|"):
            if not set(line) <= set("|-: "):  # the line under the header
                current.append(line)
        elif current:
            tables.append(current)
            current = []
    return [*tables, current] if current else tables


@pytest.mark.parametrize("name", ["docx", "xlsx", "html", "md"])
def test_each_rendering_says_since_when_each_red_action_has_been_red(report, name) -> None:
    rows = rows_of(name, renderer(name)(report), "Priority" if name == "xlsx" else "Timescale")
    since = {row["Action ID"]: row["Red since"] for row in rows if "Red since" in row}
    assert since["1.1"] == "30 November 2016" and since["2.1"] == ""


@pytest.mark.parametrize("name", ["docx", "xlsx", "html", "md"])
def test_each_rendering_flags_a_completion_whose_measure_is_red(report, name) -> None:
    rows = rows_of(name, renderer(name)(report), "Action ID")
    flagged = [row for row in rows if "Measure rated Red" in row]
    assert [(row["Action ID"], row["Completion"], row["Measure rated Red"]) for row in flagged] == [
        ("2.2", "Verified", AUDITS_RED)
    ]


def test_the_json_report_gives_red_since_and_the_completions_whose_measure_is_red(report) -> None:
    data = json.loads(renderer("json")(report))
    assert {a["action_id"]: a["red_since"] for a in data["red_actions"]}["1.1"] == "2016-11-30"
    assert data["complete_but_measure_red"] == [
        {"action_id": "2.2", "priority": 2, "completion": "verified", "red_measures": [AUDITS_RED]}
    ]
