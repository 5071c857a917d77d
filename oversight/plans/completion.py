"""Whether an action's completion has been verified: a Green status is "complete, awaiting
verification" until a board member verifies the evidence, and stays verified while it stays Green."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

AWAITING = "awaiting"
VERIFIED = "verified"


@dataclass(frozen=True)
class RecordedStatus:
    record_id: int
    as_at: date
    rag: str


def completion(statuses: Sequence[RecordedStatus], verified: dict[int, date], day: date) -> str | None:
    """None unless the latest status on or before `day` is Green; then VERIFIED if any Green status
    of the current run of Greens was verified on or before `day`, else AWAITING. `statuses` are in
    the order they were recorded; `verified` maps a status record to the day it was verified."""
    run: list[RecordedStatus] = []
    for status in statuses:
        if status.as_at > day:
            break
        if status.rag == "G":
            run.append(status)
        else:
            run.clear()
    if not run:
        return None
    if any(s.record_id in verified and verified[s.record_id] <= day for s in run):
        return VERIFIED
    return AWAITING


@dataclass(frozen=True)
class EvidenceSeen:
    title: str
    verified: bool


def verification_problem(
    action_id: str, evidence: Sequence[EvidenceSeen], reason: str, require_verified: bool
) -> str | None:
    """Why a completion cannot be verified yet, or None. It needs evidence, or a written reason why
    none is needed; a plan that requires verified evidence takes no reason instead."""
    if require_verified:
        if any(e.verified for e in evidence):
            return None
        if evidence:
            return (
                f"action {action_id}'s evidence has not been marked as verified yet: "
                "this plan requires verified evidence"
            )
        return f"action {action_id} has no evidence: this plan requires verified evidence of a completion"
    if evidence or reason.strip():
        return None
    return f"action {action_id} has no evidence: add its evidence, or give the reason none is needed"


def verified_words(evidence: Sequence[EvidenceSeen], reason: str) -> str:
    """The audit log's record of what a verification rested on."""
    if evidence:
        return "Complete, verified (evidence: " + "; ".join(e.title for e in evidence) + ")"
    return f"Complete, verified with no evidence: {reason.strip()}"
