"""A plan's caseload policy: its bands per team type (the default policy until it sets its own) and
the team types it names, checked when typed on the website and changed with every change audited."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from oversight.annex_a.bands import DEFAULT_POLICY, Band
from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.performance.models import CaseloadBand, CaseloadTeam
from oversight.plans.models import Plan

SOURCE = "website"
TEAM_TYPE_LENGTH = 100  # CaseloadBand.team_type and CaseloadTeam.team_type


def as_bands(rows: Iterable[CaseloadBand]) -> tuple[Band, ...]:
    return tuple(Band(row.team_type, row.low, row.high) for row in rows)


def plan_policy(plan: Plan) -> tuple[Band, ...]:
    """The plan's own bands; DEFAULT_POLICY itself (the same object) while it has none."""
    return as_bands(CaseloadBand.objects.filter(plan=plan)) or DEFAULT_POLICY


def named_team_types(plan: Plan) -> dict[str, str]:
    """The types the council has named for teams whose names do not tell them."""
    return dict(CaseloadTeam.objects.filter(plan=plan).values_list("team", "team_type"))


@dataclass(frozen=True)
class BandFields:
    """The ids of a band form's fields, which its problems are keyed by."""

    team_type: str = "team_type"
    low: str = "low"
    high: str = "high"


def _whole(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() else None


def read_band(team_type: str, low: str, high: str, fields: BandFields) -> tuple[Band | None, dict[str, str]]:
    """The band typed in a form, or what is wrong with it: whole numbers (the fewest cases may be
    left empty), the most at least 1 and at least the fewest, and a team type."""
    team_type, low, high = " ".join(team_type.split()), low.strip(), high.strip()
    problems = {}
    of = f" for {team_type}" if team_type else ""
    if not team_type:
        problems[fields.team_type] = "Enter the team type, for example Safeguarding"
    elif len(team_type) > TEAM_TYPE_LENGTH:
        problems[fields.team_type] = f"Enter a team type of {TEAM_TYPE_LENGTH} characters or fewer"
    fewest = _whole(low) if low else None
    if low and fewest is None:
        problems[fields.low] = f"Enter the fewest cases{of} as a whole number, for example 12, or nothing"
    most = _whole(high)
    if most is None or most < 1:
        problems[fields.high] = f"Enter the most cases{of} as a whole number of 1 or more, for example 15"
    elif fewest is not None and most < fewest:
        problems[fields.high] = f"The most cases{of} must be at least the fewest ({fewest})"
    if problems or most is None:
        return None, problems
    return Band(team_type, fewest, most), {}


def _own_bands(plan: Plan, actor: Actor) -> dict[str, CaseloadBand]:
    """The plan's bands by team type, locked for the change; a plan still on the default policy
    takes it as its own first, so that changing one band keeps the others."""
    rows = {row.team_type: row for row in CaseloadBand.objects.select_for_update().filter(plan=plan)}
    if rows:
        return rows
    CaseloadBand.objects.bulk_create(
        CaseloadBand(plan=plan, team_type=b.team_type, low=b.low, high=b.high) for b in DEFAULT_POLICY
    )
    adopted = "; ".join(f"{b.team_type} {b.label}" for b in DEFAULT_POLICY)
    trail.record(
        plan.pk, actor, SOURCE, Change.Kind.ADDED, "caseload policy", new=f"default bands: {adopted}"
    )
    return {row.team_type: row for row in CaseloadBand.objects.select_for_update().filter(plan=plan)}


def _field(team_type: str) -> str:
    return f"caseload band: {team_type}"


def add_band(plan: Plan, band: Band, actor: Actor) -> bool:
    """Adds a band; False when the policy already has one for that team type (in any case)."""
    with transaction.atomic():
        rows = _own_bands(plan, actor)
        if band.team_type.casefold() in {kind.casefold() for kind in rows}:
            return False
        CaseloadBand.objects.create(plan=plan, team_type=band.team_type, low=band.low, high=band.high)
        trail.record(plan.pk, actor, SOURCE, Change.Kind.ADDED, _field(band.team_type), new=band.label)
    return True


def change_band(plan: Plan, band: Band, actor: Actor) -> bool:
    """Sets the fewest and most cases of the policy's band for `band.team_type`; False when the
    policy has no such band."""
    with transaction.atomic():
        row = _own_bands(plan, actor).get(band.team_type)
        if row is None:
            return False
        old = as_bands([row])[0]
        if (old.low, old.high) != (band.low, band.high):
            row.low, row.high = band.low, band.high
            row.save(update_fields=["low", "high"])
            trail.record(
                plan.pk, actor, SOURCE, Change.Kind.CHANGED, _field(band.team_type), old.label, band.label
            )
    return True


def remove_band(plan: Plan, team_type: str, actor: Actor) -> str | None:
    """Removes a band, or says why not: the policy keeps at least one band (a plan without any
    would quietly go back to the default policy)."""
    with transaction.atomic():
        rows = _own_bands(plan, actor)
        row = rows.get(team_type)
        if row is None:
            return f"The policy has no band for {team_type}"
        if len(rows) == 1:
            return "The policy needs at least one band: change this one instead of removing it"
        old = as_bands([row])[0].label
        row.delete()
        trail.record(plan.pk, actor, SOURCE, Change.Kind.REMOVED, _field(team_type), old=old)
    return None


def name_team_type(plan: Plan, team: str, kind: str, actor: Actor) -> None:
    """Names a team's type; an empty `kind` goes back to reading the type from the team's name."""
    field = f"caseload team type: {team[:250]}"
    with transaction.atomic():
        row = CaseloadTeam.objects.select_for_update().filter(plan=plan, team=team).first()
        old = row.team_type if row else ""
        if old == kind:
            return
        if not kind and row is not None:
            row.delete()
            trail.record(plan.pk, actor, SOURCE, Change.Kind.REMOVED, field, old=old)
            return
        CaseloadTeam.objects.update_or_create(plan=plan, team=team, defaults={"team_type": kind})
        trail.record(
            plan.pk, actor, SOURCE, Change.Kind.CHANGED if row else Change.Kind.ADDED, field, old, kind
        )
