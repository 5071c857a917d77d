"""Markdown, for email, wikis and version control: text shown as written, and tables."""

from __future__ import annotations

import re

from oversight.lib.tables import Table

# what Markdown reads as emphasis, code, links, headings, tables or strike-through
_ACTIVE = re.compile(r"([\\`*_\[\]|~#])")


def inline(value: object) -> str:
    """Text shown as written inside Markdown: HTML shown as text, Markdown's marks escaped."""
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _ACTIVE.sub(r"\\\1", text)


def cell(value: object) -> str:
    """Text safe inside a Markdown table: marks and pipes escaped, HTML shown as text, lines kept."""
    return inline(value).replace("\r", "").replace("\n", "<br>")


def paragraph(text: str) -> str:
    """A paragraph on one line, shown as written."""
    return " ".join(inline(text).split()) + "\n"


def table(t: Table) -> list[str]:
    """The table's lines: its caption in bold, then the table, numbers aligned right, the total in bold."""
    numeric = t.numeric
    lines = [
        f"**{cell(t.caption)}**",
        "",
        "| " + " | ".join(cell(h) for h in t.headers) + " |",
        "|" + "|".join(" ---: " if column in numeric else " --- " for column in range(len(t.headers))) + "|",
    ]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in t.rows]
    if t.total:
        lines.append("| " + " | ".join(f"**{cell(v)}**" if v != "" else "" for v in t.total) + " |")
    return [*lines, ""]
