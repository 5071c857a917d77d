"""The action list's filters and search, read from a query string and applied to plain rows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from oversight.accounts.roles import lead_names, lead_parts
from oversight.plans.action_rows import ActionRow
from oversight.plans.completion import AWAITING
from oversight.plans.models import RAG

RAG_CHOICES = [*RAG.choices, ("none", "No status")]


@dataclass(frozen=True)
class ActionFilter:
    priority: int | None = None
    rags: tuple[str, ...] = ()
    lead: str = ""
    overdue: bool = False
    stale: bool = False
    search: str = ""
    awaiting: bool = False
    agency: str = ""

    @classmethod
    def from_query(cls, query: Mapping[str, str], rags: list[str]) -> ActionFilter:
        priority = query.get("priority", "")
        return cls(
            priority=int(priority) if priority.isdigit() else None,
            rags=tuple(r for r in rags if r in {code for code, _ in RAG_CHOICES}),
            lead=query.get("lead", "").strip(),
            overdue=query.get("overdue") == "1",
            stale=query.get("stale") == "1",
            search=query.get("q", "").strip(),
            awaiting=query.get("awaiting") == "1",
            agency=query.get("agency", "").strip(),
        )

    @property
    def active(self) -> bool:
        return bool(
            self.priority
            or self.rags
            or self.lead
            or self.overdue
            or self.stale
            or self.search
            or self.awaiting
            or self.agency
        )

    def matches(self, action: ActionRow, month: date) -> bool:
        if self.priority is not None and action.priority != self.priority:
            return False
        if self.rags and (action.rag or "none") not in self.rags:
            return False
        if self.lead and self.lead.casefold() not in lead_names(action.lead):
            return False
        if self.overdue and not action.overdue(month):
            return False
        if self.stale and action.updated_in(month):
            return False
        if self.awaiting and action.completion != AWAITING:
            return False
        if self.agency and self.agency.casefold() not in lead_names(action.agencies):
            return False
        if self.search:
            words = (action.action_id, action.key_action, action.lead, action.agencies, action.commentary)
            text = " ".join(words).casefold()
            return all(word in text for word in self.search.casefold().split())
        return True

    def apply(self, actions: Iterable[ActionRow], month: date) -> list[ActionRow]:
        return [a for a in actions if self.matches(a, month)]


def names_in(columns: Iterable[str]) -> list[str]:
    """Every name a column's cells list (separated by commas, semicolons, slashes or new lines), once,
    as the plan writes it, whatever its case."""
    names: dict[str, str] = {}
    for text in columns:
        for name in lead_parts(text):
            names.setdefault(name.casefold(), name)
    return sorted(names.values(), key=str.casefold)


def lead_choices(actions: Iterable[ActionRow]) -> list[str]:
    """Every name in the plan's Lead column."""
    return names_in(action.lead for action in actions)


def agency_choices(actions: Iterable[ActionRow]) -> list[str]:
    """Every partner agency the plan's Agency involvement column names."""
    return names_in(action.agencies for action in actions)
