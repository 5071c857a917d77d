"""Indicators computed from Annex A: each loaded extract's measure recorded as the indicator's value."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from oversight.annex_a.engine import Engine
from oversight.annex_a.extracts import LoadedExtract, loaded_extracts
from oversight.annex_a.measures import Measure, MeasureDefinition, compute_measures, definitions
from oversight.audit.actors import Actor
from oversight.performance.models import Indicator
from oversight.performance.periods import period_name, period_of
from oversight.performance.scorecard import Unit, formatted
from oversight.performance.values import record_value
from oversight.plans.models import Plan


@dataclass
class Refresh:
    """What a refresh did: each value recorded, how many were already up to date, and why any
    indicator or extract gave no value."""

    plan: str
    indicators: int = 0
    recorded: list[str] = field(default_factory=list)
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)
    latest: date | None = None  # the newest period given a value, recorded or unchanged

    def summary(self) -> str:
        if not self.indicators:
            return f"No indicator of {self.plan} is computed from Annex A."
        recorded = len(self.recorded)
        return (
            f"Annex A values for {self.plan}: {recorded} recorded, {self.unchanged} unchanged"
            + (f", {len(self.problems)} not recorded" if self.problems else "")
            + "."
        )

    def lines(self) -> list[str]:
        return [
            self.summary(),
            *(f"  recorded: {line}" for line in self.recorded),
            *(f"  not recorded: {line}" for line in self.problems),
        ]


def refresh_from_annex_a(engine: Engine, plan: Plan, actor: Actor) -> Refresh:
    """Records, for every Annex A indicator of the plan, its measure's percentage in each extract
    loaded for the plan's council, as the value of the period the extract's date falls in. When a
    period has several extracts, the newest gives its value; unchanged values are not recorded again."""
    indicators = list(Indicator.objects.filter(plan=plan, source=Indicator.Source.ANNEX_A))
    result = Refresh(plan.title, len(indicators))
    if not indicators:
        return result
    extracts = loaded_extracts(engine, plan.council)
    if not extracts:
        result.problems.append(
            f"no Annex A extract is loaded for {plan.council}"
            if plan.council
            else "the plan names no council, so no Annex A extract is matched to it"
        )
        return result
    known = {d.key: d for d in definitions(engine.settings.cp_visit_working_days)}
    wanted: dict[date, list[tuple[Indicator, date]]] = defaultdict(list)
    for indicator in indicators:
        if indicator.measure not in known:
            result.problems.append(f"{indicator.name}: {_unknown(indicator.measure)}")
            continue
        newest: dict[date, date] = {}
        for extract in extracts:  # newest first
            newest.setdefault(period_of(indicator.frequency, extract.as_at), extract.as_at)
        for period, as_at in newest.items():
            wanted[as_at].append((indicator, period))
    for extract in reversed(extracts):  # oldest first, so that the audit log reads in order
        if extract.as_at in wanted:
            _record_extract(engine, plan.council, extract, wanted[extract.as_at], known, actor, result)
    return result


def _unknown(measure: str) -> str:
    return f"'{measure}' is not an Annex A measure" if measure else "it names no Annex A measure"


def _record_extract(
    engine: Engine,
    council: str,
    extract: LoadedExtract,
    indicators: list[tuple[Indicator, date]],
    known: dict[str, MeasureDefinition],
    actor: Actor,
    result: Refresh,
) -> None:
    keys = {indicator.measure for indicator, _ in indicators}
    measures = {m.key: m for m in compute_measures(engine, council, extract.as_at, only=keys)}
    source = f"Annex A as at {extract.as_at:%Y-%m-%d}"
    for indicator, period in indicators:
        measure = measures.get(indicator.measure)
        if measure is None or measure.exact_percent is None:
            result.problems.append(f"{indicator.name}: {no_rows(known[indicator.measure], extract, measure)}")
            continue
        value = measure.exact_percent
        result.latest = max(result.latest or period, period)
        if record_value(indicator, period, value, actor, source):
            result.recorded.append(
                f"{indicator.name}, {period_name(indicator.frequency, period)}:"
                f" {formatted(value, Unit(indicator.unit))} ({source})"
            )
        else:
            result.unchanged += 1


def no_rows(definition: MeasureDefinition, extract: LoadedExtract, measure: Measure | None = None) -> str:
    """Why a measure has no figure in an extract: its list is missing, no record is in scope, or
    every record in scope was left out (and why)."""
    number = definition.list_number
    where = f"the extract as at {extract.as_at:%d %B %Y}"
    if number not in extract.lists:
        return f"List {number}, which '{definition.key}' needs, is not in {where}"
    if measure is not None and measure.left_out:
        reasons = "; ".join(f"{why} ({count:,})" for why, count in measure.left_out)
        return f"every record in scope for '{definition.key}' in {where} was left out: {reasons}"
    return f"no records are in scope for '{definition.key}' in {where}"
