"""An action's timescales over time: the original, each approved revision from the month it was
approved, and its withdrawal. A month's report counts the action against the timescale in force in that
month, and not at all from the month it is withdrawn. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from oversight.lib.months import months_between


@dataclass(frozen=True)
class InForce:
    since: date  # the first month it is in force (date.min for the original)
    timescale: str  # as written
    first: date
    last: date


@dataclass(frozen=True)
class TimescaleHistory:
    original: InForce
    revisions: tuple[InForce, ...] = ()  # approved, in the order they took effect
    withdrawn_from: date | None = None

    def in_force(self, month: date) -> InForce:
        found = self.original
        for revision in self.revisions:
            if revision.since <= month:
                found = revision
        return found

    def withdrawn_in(self, month: date) -> bool:
        return self.withdrawn_from is not None and self.withdrawn_from <= month

    def revisions_by(self, month: date) -> tuple[InForce, ...]:
        return tuple(r for r in self.revisions if r.since <= month)

    def retimed_in(self, month: date) -> bool:
        return any(r.since == month for r in self.revisions)

    def slippage(self, month: date) -> int:
        """Months the deadline in force in `month` is later than the original one (negative: earlier)."""
        return months_between(self.original.last, self.in_force(month).last)


def unchanged(timescale: str, first: date, last: date) -> TimescaleHistory:
    return TimescaleHistory(InForce(date.min, timescale, first, last))


def history_of(
    current: tuple[str, date, date],
    approved: list[tuple[date, str, date, date, str, date, date]],
    withdrawn_from: date | None = None,
) -> TimescaleHistory:
    """From the action's current timescale and its approved revisions in the order they were approved,
    each (in force from, old timescale, old first, old last, new timescale, new first, new last)."""
    if not approved:
        return TimescaleHistory(InForce(date.min, *current), (), withdrawn_from)
    _, old_text, old_first, old_last, *_ = approved[0]
    revisions = tuple(InForce(since, text, first, last) for since, _, _, _, text, first, last in approved)
    return TimescaleHistory(InForce(date.min, old_text, old_first, old_last), revisions, withdrawn_from)
