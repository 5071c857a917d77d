"""The action list as the filters show it, as a table for a CSV or Excel download: every action found,
not only the page on screen."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from openpyxl import Workbook

from oversight.lib.csv_tables import table_csv
from oversight.lib.excel import add_sheet
from oversight.lib.tables import Table, rating
from oversight.plans.action_rows import ActionRow
from oversight.plans.models import RAG

COMPLETION = {"awaiting": "Awaiting verification", "verified": "Verified"}
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def actions_table(actions: Sequence[ActionRow], month: date, described: str) -> Table:
    return Table(
        "Actions",
        f"Actions{f' ({described})' if described else ''}, as at {month:%B %Y}",
        [
            "Action ID",
            "Priority",
            "Key Action",
            "Lead",
            "Agency Involvement",
            "Timescale",
            "RAG",
            "Last update",
            "Commentary",
            "Completion",
            "Overdue",
        ],
        [
            [
                a.action_id,
                a.priority,
                a.key_action,
                a.lead,
                a.agencies,
                a.timescale,
                rating(a.rag, RAG(a.rag).label) if a.rag else "No status",
                f"{a.updated:%d/%m/%Y}" if a.updated else "Never",
                a.commentary,
                COMPLETION.get(a.completion or "", ""),
                "Yes" if a.overdue(month) else "No",
            ]
            for a in actions
        ],
        wide={2, 8},
    )


def render(table: Table, fmt: str) -> bytes:
    if fmt == "csv":
        return table_csv(table)
    book = Workbook()
    book.remove(book.active)
    add_sheet(book, table)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
