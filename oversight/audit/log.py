"""The audit log as people read it: how a viewing of child records is described, and that description
with the worker's name withheld from those who may not see workers' names."""

from __future__ import annotations

import re

from oversight.audit.models import Change

CHILD_RECORDS = "child records"
WORKER_WITHHELD = "worker (name withheld)"
# the worker named in a viewing's description runs from its "worker " part to the count at the end; a
# team whose name holds "; worker " makes more than the name withheld, never less
_WORKER_PART = re.compile(r"(^|; )worker .*(?=; \d+ records, page \d+ of \d+$)", re.DOTALL)


def child_records_viewed(what: str, team: str, worker: str, records: int, page: int, pages: int) -> str:
    """The description of one viewing of child records: what, whose, how many, which page."""
    whose = "; ".join(
        part for part in (f"team {team}" if team else "", f"worker {worker}" if worker else "") if part
    )
    return f"{what}; {whose or 'every team'}; {records} records, page {page} of {pages}"


def without_worker_names(change: Change) -> str:
    """A change's new value as someone who may not see workers' names reads it."""
    if change.kind != Change.Kind.VIEWED or change.field != CHILD_RECORDS:
        return change.new_value
    return _WORKER_PART.sub(lambda match: match.group(1) + WORKER_WITHHELD, change.new_value, count=1)
