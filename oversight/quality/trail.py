"""Changes to the quality assurance programme go in the plan's audit trail like every other change.
An audit is named there by its number, never by the child's ID: the audit log is read by people whose
role does not let them see case detail."""

from __future__ import annotations

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change

SOURCE = "quality assurance"


def record(plan_id: int, actor: Actor, kind: str, field: str, new: str = "", old: str = "") -> None:
    trail.record(plan_id, actor, SOURCE, kind, field, old, new)


def audit_viewed(plan_id: int, actor: Actor, audit_id: int) -> None:
    """Case detail is personal data: each viewing of an audit is logged, as child records are."""
    record(plan_id, actor, Change.Kind.VIEWED, "case audit", f"case audit {audit_id}")
