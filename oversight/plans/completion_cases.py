"""What a board looks at before it verifies a completion: the action's evidence and its linked measures'
latest values, read for many actions in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from oversight.plans.linked_measures import Measure, linked_measures
from oversight.plans.models import Evidence


@dataclass(frozen=True)
class EvidenceItem:
    evidence_id: int
    title: str
    kind: str  # "file" or "link"
    file_name: str
    url: str
    added: date
    added_by: str
    verified_by: str
    verified: date | None

    @property
    def described(self) -> str:
        """'link to https://…' or the file's name, to follow the title."""
        return f"link to {self.url}" if self.kind == Evidence.Kind.LINK else self.file_name


@dataclass(frozen=True)
class CompletionCase:
    evidence: tuple[EvidenceItem, ...] = ()
    measures: tuple[Measure, ...] = ()

    @property
    def red_measures(self) -> list[Measure]:
        return [m for m in self.measures if m.red]

    @property
    def verified_evidence(self) -> bool:
        return any(e.verified is not None for e in self.evidence)


def completion_cases(
    action_pks: Collection[int], day: date, moment: datetime | None = None
) -> dict[int, CompletionCase]:
    """Each action's evidence and its linked measures as at `day`. With `moment`, only the evidence
    added by then, verified only if it had been by then: the case as it stood at a past meeting."""
    if not action_pks:
        return {}
    found = Evidence.objects.filter(action_id__in=list(action_pks))
    if moment is not None:
        found = found.filter(added__lte=moment)
    evidence: dict[int, list[EvidenceItem]] = defaultdict(list)
    for row in found.order_by("added", "id").values_list(
        "action_id", "pk", "title", "kind", "file_name", "url", "added", "actor", "verified_by", "verified"
    ):
        action_pk, pk, title, kind, file_name, url, added, added_by, verified_by, verified = row
        if verified is not None and moment is not None and verified > moment:
            verified, verified_by = None, ""
        evidence[action_pk].append(
            EvidenceItem(
                pk,
                title,
                kind,
                file_name,
                url,
                timezone.localdate(added),
                added_by,
                verified_by,
                timezone.localdate(verified) if verified else None,
            )
        )
    measures = linked_measures(action_pks, day)
    return {pk: CompletionCase(tuple(evidence.get(pk, ())), tuple(measures.get(pk, ()))) for pk in action_pks}
