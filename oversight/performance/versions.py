"""The version of a plan's indicators and their values, which names what is kept of its scorecard: the
tables on the page (in the shared cache) and its downloads (in storage). Every write to an indicator or
a value calls `indicators_changed` in its transaction, which also moves the plan's revision."""

from __future__ import annotations

from uuid import uuid4

from oversight.performance.models import ScorecardVersion
from oversight.plans import revisions


def indicators_changed(plan_id: int) -> None:
    ScorecardVersion.objects.update_or_create(plan_id=plan_id, defaults={"token": uuid4().hex})
    revisions.plan_changed(plan_id)


def indicators_version(plan_id: int) -> str:
    """'' for a plan whose indicators have not changed since versions were kept."""
    return ScorecardVersion.objects.filter(plan_id=plan_id).values_list("token", flat=True).first() or ""
