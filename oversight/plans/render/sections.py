"""The exception report's sections after the current status of Red actions, each there only when it
has something to say: slippage, withdrawn actions, completions whose measure is Red, statuses to check.
Every paper numbers them from 6 in this order."""

from __future__ import annotations

from dataclasses import dataclass

from oversight.lib.tables import Table
from oversight.plans import exception_narrative as narrative
from oversight.plans.exception_report import ExceptionReport
from oversight.plans.render import tables

FIRST_NUMBER = 6


@dataclass(frozen=True)
class Section:
    number: int
    heading: str
    text: str
    tables: tuple[Table, ...]


def later_sections(report: ExceptionReport) -> list[Section]:
    found: list[tuple[str, str, tuple[Table, ...]]] = []
    if report.retimed:
        found.append(
            (tables.SLIPPAGE, narrative.slippage(report), (tables.slippage(report), tables.retimed(report)))
        )
    if report.withdrawn:
        found.append((tables.WITHDRAWN, narrative.withdrawn(report), (tables.withdrawn(report),)))
    if report.complete_but_red:
        found.append((tables.MEASURE_RED, narrative.MEASURE_RED_MEANS, (tables.complete_but_red(report),)))
    if report.warnings:
        found.append(("Statuses to check", narrative.statuses_to_check(report), (tables.warnings(report),)))
    return [Section(n, *parts) for n, parts in enumerate(found, start=FIRST_NUMBER)]
