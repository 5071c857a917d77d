"""The meeting pack as a Word document; the meeting's page shows the same pack as HTML."""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Pt

from oversight.governance.meeting_pack import MeetingPack
from oversight.plans.render.docx import add_table
from oversight.plans.render.tables import Table
from oversight.plans.templatetags.oversight import rag_label

AWAITING = "Completions awaiting verification"


def tables(pack: MeetingPack) -> list[tuple[str, Table, str]]:
    """Each section of the pack: its heading, its table, and what to say when it is empty."""
    return [
        (
            "Red and Amber actions",
            Table(
                "Red and Amber",
                "Red and Amber actions in the priorities in focus, with their commentary",
                ["Action", "Status", "Key action", "Lead", "Timescale", "Commentary"],
                [
                    [a.action_id, rag_label(a.rag), a.key_action, a.lead, a.timescale, a.commentary]
                    for a in pack.red_amber
                ],
            ),
            "No action in these priorities is Red or Amber.",
        ),
        (
            AWAITING,
            Table(
                "Awaiting verification",
                "Actions marked Green whose evidence the board has not yet verified",
                ["Action", "Key action", "Lead", "Commentary"],
                [[a.action_id, a.key_action, a.lead, a.commentary] for a in pack.awaiting_verification],
            ),
            "No completion in these priorities is awaiting verification.",
        ),
        (
            "Remedial tasks due",
            Table(
                "Tasks due",
                "Remedial tasks due by this meeting or within the week after it",
                ["Task", "Action", "Owner", "Due", "Overdue"],
                [
                    [
                        t.description,
                        t.action_id or "-",
                        t.owner,
                        f"{t.due:%d %B %Y}",
                        "Overdue" if t.overdue else "",
                    ]
                    for t in pack.tasks_due
                ],
            ),
            "No remedial task is due.",
        ),
    ]


def heading(pack: MeetingPack) -> str:
    return f"{pack.board}: meeting pack, {pack.held:%d %B %Y}"


def focus(pack: MeetingPack) -> str:
    names = [f"Priority {n}" + (f" – {t}" if t else "") for n, t in pack.priorities]
    return "Priorities in focus: " + ("; ".join(names) if names else "none chosen") + "."


def render_docx(pack: MeetingPack) -> bytes:
    doc = Document()
    doc.styles["Normal"].font.name, doc.styles["Normal"].font.size = "Arial", Pt(11)
    doc.add_heading(heading(pack), level=1)
    doc.add_paragraph(focus(pack))
    for title, table, empty in tables(pack):
        doc.add_heading(title, level=2)
        if table.rows:
            add_table(doc, table)
        else:
            doc.add_paragraph(empty)
    doc.add_heading("Decisions from the last meeting", level=2)
    if pack.last_decisions and pack.last_meeting:
        doc.add_paragraph(f"Meeting of {pack.last_meeting:%d %B %Y}:")
        for text in pack.last_decisions:
            doc.add_paragraph(text, style="List Bullet")
    else:
        doc.add_paragraph("No decisions were recorded at a previous meeting.")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
