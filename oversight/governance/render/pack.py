"""The meeting pack as a Word paper and as a PDF; the meeting's page shows the same pack as HTML."""

from __future__ import annotations

from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils import timezone

from oversight.governance.meeting_pack import MeetingPack, PackAction
from oversight.lib.months import day_name
from oversight.lib.pdf import pdf_from_html
from oversight.lib.tables import Table, rating
from oversight.lib.word import DEFAULT_LOOK, Look, Paper, add_heading, add_table, landscape, new_paper, saved
from oversight.plans.completion_cases import CompletionCase
from oversight.plans.render.paper import paper_context
from oversight.plans.templatetags.oversight import rag_label

AWAITING = "Completions awaiting verification"
MEASURE_RED = "Complete, but the measure it was meant to move is Red"
RED_AMBER = "Red and Amber actions"
TASKS = "Remedial tasks due"
DECISIONS = "Decisions from the last meeting"
NO_DECISIONS = "No decisions were recorded at a previous meeting."

EvidenceHref = Callable[[str, int], str]  # (Action ID, evidence id): the address of a piece of evidence


def red_amber(pack: MeetingPack) -> Table:
    return Table(
        "Red and Amber",
        "Red and Amber actions in the priorities in focus, with their commentary",
        ["Action", "Status", "Red since", "Key action", "Lead", "Timescale", "Commentary"],
        [
            [
                a.action_id,
                rating(a.rag, rag_label(a.rag)),
                day_name(a.red_since),
                a.key_action,
                a.lead,
                a.timescale,
                a.commentary,
            ]
            for a in pack.red_amber
        ],
    )


def tasks_due(pack: MeetingPack) -> Table:
    return Table(
        "Tasks due",
        "Remedial tasks due by this meeting or within the week after it",
        ["Task", "Action", "Owner", "Due", "Overdue"],
        [
            [t.description, t.action_id or "-", t.owner, f"{t.due:%d %B %Y}", "Overdue" if t.overdue else ""]
            for t in pack.tasks_due
        ],
    )


def tables(pack: MeetingPack) -> list[tuple[str, Table, str]]:
    """The sections the page shows as plain tables: heading, table, and what to say when it is empty."""
    return [
        (RED_AMBER, red_amber(pack), "No action in these priorities is Red or Amber."),
        (TASKS, tasks_due(pack), "No remedial task is due."),
    ]


def evidence_lines(case: CompletionCase | None, href: EvidenceHref | None, action_id: str) -> list[str]:
    if case is None or not case.evidence:
        return ["No evidence has been added."]
    lines = []
    for e in case.evidence:
        where = e.url if e.kind == "link" else e.file_name
        if href is not None and e.kind != "link":
            where = f"{e.file_name}, {href(action_id, e.evidence_id)}"
        checked = f"verified by {e.verified_by} on {day_name(e.verified)}" if e.verified else "not verified"
        lines.append(f"{e.title} ({where}; {checked})")
    return lines


def measure_lines(case: CompletionCase | None) -> list[str]:
    if case is None or not case.measures:
        return ["No performance indicator is linked to it."]
    lines = [f"{MEASURE_RED}."] if case.red_measures else []
    return lines + [m.sentence for m in case.measures]


def completions(actions: list[PackAction], href: EvidenceHref | None) -> Table:
    return Table(
        "Completions",
        "Each completion with its evidence and the latest value of each measure linked to it",
        ["Action", "Key action", "Lead", "Commentary", "Evidence", "Measures"],
        [
            [
                a.action_id,
                a.key_action,
                a.lead,
                a.commentary,
                "\n".join(evidence_lines(a.case, href, a.action_id)),
                "\n".join(measure_lines(a.case)),
            ]
            for a in actions
        ],
    )


def heading(pack: MeetingPack) -> str:
    return f"{pack.board}: meeting pack, {pack.held:%d %B %Y}"


def focus(pack: MeetingPack) -> str:
    names = [f"Priority {n}" + (f" – {t}" if t else "") for n, t in pack.priorities]
    return "Priorities in focus: " + ("; ".join(names) if names else "none chosen") + "."


def standing(pack: MeetingPack) -> str:
    """Whether the pack is the record of a past meeting, or live."""
    if pack.as_it_stood is None:
        return "This pack is live: it shows the plan as it stands now, for the meeting to come."
    made = f", recorded on {timezone.localtime(pack.recorded):%-d %B %Y}" if pack.recorded else ""
    return (
        f"The record of the pack as it stood at the end of {pack.held:%-d %B %Y}, the day of the meeting"
        f"{made}. Changes made since are not in it."
    )


def sections(pack: MeetingPack, href: EvidenceHref | None) -> list[tuple[str, Table, str]]:
    """The pack's tables in order: heading, table, and what to say when it is empty."""
    found = [
        (RED_AMBER, red_amber(pack), "No action in these priorities is Red or Amber."),
        (
            AWAITING,
            completions(pack.awaiting_verification, href),
            "No completion in these priorities is awaiting verification.",
        ),
    ]
    if pack.complete_but_red:
        found.append((MEASURE_RED, completions(pack.complete_but_red, href), ""))
    found.append((TASKS, tasks_due(pack), "No remedial task is due."))
    return found


def paper(pack: MeetingPack, council: str, look: Look) -> Paper:
    return Paper(council, heading(pack), f"{pack.held:%-d %B %Y}", look)


def render_docx(
    pack: MeetingPack, council: str = "", href: EvidenceHref | None = None, look: Look = DEFAULT_LOOK
) -> bytes:
    doc = new_paper(paper(pack, council, look))
    doc.add_heading(heading(pack), 0)
    doc.add_paragraph(standing(pack))
    doc.add_paragraph(focus(pack))
    landscape(doc)  # the actions' tables have seven columns, three of them long text
    for title, table, empty in sections(pack, href):
        add_heading(doc, title, 1)
        if table.rows:
            add_table(doc, table)
        else:
            doc.add_paragraph(empty)
    add_heading(doc, DECISIONS, 1)
    if pack.last_decisions and pack.last_meeting:
        doc.add_paragraph(f"Meeting of {pack.last_meeting:%d %B %Y}:")
        for text in pack.last_decisions:
            doc.add_paragraph(text, style="List Bullet")
    else:
        doc.add_paragraph(NO_DECISIONS)
    return saved(doc)


def render_pdf(
    pack: MeetingPack, council: str = "", href: EvidenceHref | None = None, look: Look = DEFAULT_LOOK
) -> bytes:
    html = render_to_string(
        "governance/meeting_pack_paper.html",
        {
            **paper_context(paper(pack, council, look)),
            "pack": pack,
            "heading": heading(pack),
            "standing": standing(pack),
            "focus": focus(pack),
            "sections": sections(pack, href),
            "decisions_heading": DECISIONS,
            "no_decisions": NO_DECISIONS,
        },
    )
    return pdf_from_html(html)
