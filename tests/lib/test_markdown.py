"""Text in Markdown is shown as written: HTML shown as text, Markdown's marks escaped, a table's pipes and
lines kept inside its cells."""

from __future__ import annotations

from oversight.lib.markdown import cell, inline, paragraph, table
from oversight.lib.tables import Table


def test_markdowns_marks_and_html_are_shown_as_written() -> None:
    assert inline("**Safe**guarding [click](x) <img src=x> & #1") == (
        "\\*\\*Safe\\*\\*guarding \\[click\\](x) &lt;img src=x&gt; &amp; \\#1"
    )


def test_a_cell_keeps_its_pipes_and_lines_inside_the_table() -> None:
    assert cell("Do 1.1 | with a pipe\r\nLine two") == "Do 1.1 \\| with a pipe<br>Line two"


def test_a_paragraph_is_one_line() -> None:
    assert paragraph("Priority 5\n# Heading  and   more") == "Priority 5 \\# Heading and more\n"


def test_a_table_has_its_caption_numbers_aligned_right_and_its_total_in_bold() -> None:
    lines = table(Table("Table 1", "Table 1: due", ["Priority", "Due"], [["Priority 1", 3]], ["Total", 3]))
    assert lines == [
        "**Table 1: due**",
        "",
        "| Priority | Due |",
        "| --- | ---: |",
        "| Priority 1 | 3 |",
        "| **Total** | **3** |",
        "",
    ]
