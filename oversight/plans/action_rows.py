"""An action as the website's pages read it: its details and its current status, as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from oversight.lib.months import month_of
from oversight.plans.models import RAG


@dataclass(frozen=True)
class ActionRow:
    pk: int
    action_id: str
    sort_key: str
    priority: int
    key_action: str
    lead: str
    agencies: str
    timescale: str
    first_month: date
    last_month: date
    rag: str | None
    commentary: str
    updated: date | None
    completion: str | None = None  # for a Green action: "awaiting" or "verified" (plans/completion.py)
    withdrawn_from: date | None = None  # the month from which it is withdrawn

    def withdrawn(self, month: date) -> bool:
        return self.withdrawn_from is not None and self.withdrawn_from <= month

    def due(self, month: date) -> bool:
        return self.last_month <= month and not self.withdrawn(month)

    def overdue(self, month: date) -> bool:
        """Its timescale ended before this month and it is not complete."""
        return self.last_month < month and self.rag != RAG.GREEN and not self.withdrawn(month)

    def updated_in(self, month: date) -> bool:
        return self.updated is not None and month_of(self.updated) == month

    def needs_update(self, month: date) -> bool:
        """Still to be updated this month: every action is, but one verified as complete or withdrawn."""
        complete = self.rag == RAG.GREEN and self.completion == "verified"
        return not self.updated_in(month) and not complete and not self.withdrawn(month)
