"""The measures linked to plan actions, as the plan register needs them (beside a completion, and in the
exception report's "complete, but the measure it was meant to move is Red"), and to Ofsted's
recommendations, as governance's committee report quotes them.

The performance app keeps the measures and their links, and builds on plans, so neither plans nor
governance (its sibling) imports it: performance registers a reader of each here when it starts
(PerformanceConfig.ready), and the others ask through this module. With no reader registered an action
or a recommendation simply has no linked measures."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date

RED = "R"


@dataclass(frozen=True)
class Measure:
    """A linked indicator's latest value on or before a day, rated against its target."""

    indicator_id: int
    name: str
    rag: str  # "G", "A", "R", or "none" when there is no value or no target
    value_text: str  # "64%", "No data"
    period_text: str  # "March 2018", "" when there is no value
    target_text: str  # "80%", "None set"
    sentence: str  # "Return interviews within 72 hours: 64% in March 2018 against a target of 80% (Red)"

    @property
    def red(self) -> bool:
        return self.rag == RED


Reader = Callable[[Collection[int], date], dict[int, list[Measure]]]
ACTION, RECOMMENDATION = "action", "recommendation"
_readers: dict[str, list[Reader]] = {ACTION: [], RECOMMENDATION: []}


def register_reader(reader: Reader, about: str = ACTION) -> None:
    """Called by an app that links measures to actions (or recommendations): `reader(primary keys,
    day)` gives each one's measures as at the day, in a fixed number of queries."""
    if reader not in _readers[about]:
        _readers[about].append(reader)


def linked_measures(pks: Collection[int], day: date, about: str = ACTION) -> dict[int, list[Measure]]:
    """Each of these actions' (or recommendations') linked measures as at `day` (those with none are
    left out)."""
    found: dict[int, list[Measure]] = defaultdict(list)
    if pks:
        for reader in _readers[about]:
            for pk, measures in reader(pks, day).items():
                found[pk] += measures
    return dict(found)


def red_measures(measures: list[Measure]) -> list[Measure]:
    return [m for m in measures if m.red]
