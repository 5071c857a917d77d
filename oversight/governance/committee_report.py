"""The committee progress report: for each of Ofsted's recommendations, the update at a date, the
impact seen and the state of the actions that answer it, grouped by theme or by pillar; and the table
of recommendations aligned to the Putting Children First pillars. Pure: computed from plain rows."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from oversight.governance.pillars import PILLAR_LABELS, Pillar
from oversight.lib.tables import Table
from oversight.plans.linked_measures import Measure
from oversight.plans.paper_appendices import Appendix

GROUPINGS = ("theme", "pillar")
RAG_WORDS = {"R": "Red", "A": "Amber", "G": "Green", "W": "White", "none": "no status"}


@dataclass(frozen=True)
class LinkedAction:
    action_id: str
    rag: str | None
    overdue: bool


@dataclass(frozen=True)
class RecommendationProgress:
    number: int
    text: str
    theme: str
    pillars: tuple[Pillar, ...]
    actions: tuple[LinkedAction, ...]
    update_as_at: date | None
    progress: str
    impact: str
    indicators: tuple[Measure, ...] = ()  # the performance indicators linked to it

    @property
    def rag_counts(self) -> Counter[str]:
        return Counter(action.rag or "none" for action in self.actions)

    @property
    def overdue(self) -> list[str]:
        return [action.action_id for action in self.actions if action.overdue]

    def actions_summary(self) -> str:
        """'5.1.1, 5.1.2: 1 Green, 1 Amber; overdue: 5.1.2', or 'None linked'."""
        if not self.actions:
            return "None linked"
        counts = self.rag_counts
        states = ", ".join(f"{counts[code]} {word}" for code, word in RAG_WORDS.items() if counts[code])
        text = f"{', '.join(a.action_id for a in self.actions)}: {states}"
        return text + (f"; overdue: {', '.join(self.overdue)}" if self.overdue else "")


@dataclass(frozen=True)
class CommitteeReport:
    title: str
    council: str
    inspection: str
    as_at: date
    grouping: str
    groups: list[tuple[str, list[RecommendationProgress]]]
    recommendations: list[RecommendationProgress]
    appendices: list[Appendix] = field(default_factory=list)  # those the plan's papers carry


def compute(
    title: str,
    council: str,
    inspection: str,
    as_at: date,
    recommendations: list[RecommendationProgress],
    grouping: str = "theme",
) -> CommitteeReport:
    if grouping not in GROUPINGS:
        raise ValueError(f"group by one of {', '.join(GROUPINGS)}, not '{grouping}'")
    ordered = sorted(recommendations, key=lambda r: r.number)
    groups: dict[str, list[RecommendationProgress]] = {}
    if grouping == "theme":
        for rec in ordered:
            groups.setdefault(rec.theme or "No theme given", []).append(rec)
    else:
        for pillar in Pillar:  # a recommendation appears under each of its pillars, as councils show them
            members = [rec for rec in ordered if pillar in rec.pillars]
            if members:
                groups[pillar.label] = members
        unaligned = [rec for rec in ordered if not rec.pillars]
        if unaligned:
            groups["Not aligned to a pillar"] = unaligned
    return CommitteeReport(title, council, inspection, as_at, grouping, list(groups.items()), ordered)


def update_heading(report: CommitteeReport) -> str:
    """'Update at 31.12.2017', as the councils head the column."""
    dates = {rec.update_as_at for rec in report.recommendations if rec.update_as_at}
    latest = max(dates) if dates else report.as_at
    return f"Update at {latest:%d.%m.%Y}"


def progress_table(report: CommitteeReport, name: str, members: list[RecommendationProgress]) -> Table:
    return Table(
        name=name[:31],
        caption=f"{name}: progress against Ofsted's recommendations",
        headers=["No", "Recommendation", update_heading(report), "Impact / Performance", "Plan actions"],
        rows=[[rec.number, rec.text, _dated(rec), impact(rec), rec.actions_summary()] for rec in members],
        wide={1, 2, 3},
    )


def impact(rec: RecommendationProgress) -> str:
    """The impact reported, then a line quoting each linked indicator: 'Return interviews within 72
    hours: 64% in March 2018 against a target of 80% (Red)'."""
    lines = [rec.impact] if rec.impact else []
    lines += [indicator.sentence for indicator in rec.indicators]
    return "\n".join(lines) or "None reported yet"


def _dated(rec: RecommendationProgress) -> str:
    if not rec.progress:
        return "No update reported yet"
    return rec.progress


def pillar_table(report: CommitteeReport) -> Table:
    """Recommendations aligned to 'Putting Children First' pillars."""
    return Table(
        name="Pillars",
        caption="Recommendations aligned to 'Putting Children First' pillars",
        headers=["No", "Recommendation", "Putting Children First Pillars"],
        rows=[
            [rec.number, rec.text, "; ".join(PILLAR_LABELS[p] for p in rec.pillars) or "None given"]
            for rec in report.recommendations
        ],
        wide={1},
    )


def pillar_counts(report: CommitteeReport) -> dict[Pillar, int]:
    return {pillar: sum(1 for rec in report.recommendations if pillar in rec.pillars) for pillar in Pillar}
