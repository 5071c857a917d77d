"""Audit tools: made and changed by the quality assurance lead. A change makes a new version, so the
audits done on the one before keep the form they were done on."""

from __future__ import annotations

from django.db import transaction

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.quality.models import AuditTool, ToolVersion
from oversight.quality.scales import Domain, domains_text
from oversight.quality.trail import record


class ToolChanged(Exception):
    """Another version was saved after the one a change was made from."""

    def __init__(self, latest: int) -> None:
        super().__init__(f"version {latest} was saved since")
        self.latest = latest


def _described(grades: tuple[str, ...], good_or_better: int, domains: tuple[Domain, ...]) -> str:
    good = ", ".join(grades[:good_or_better])
    return f"grades: {', '.join(grades)} (good or better: {good}); domains:\n{domains_text(domains)}"


@transaction.atomic
def save_tool(
    plan_id: int,
    name: str,
    grades: tuple[str, ...],
    good_or_better: int,
    domains: tuple[Domain, ...],
    actor: Actor,
    tool: AuditTool | None = None,
    seen_version: int | None = None,
) -> ToolVersion:
    """A new tool, or a new version of `tool` made from its version `seen_version`; an unchanged tool
    gets no new version."""
    new = _described(grades, good_or_better, domains)
    if tool is None:
        tool = AuditTool.objects.create(plan_id=plan_id, name=name)
        record(plan_id, actor, Change.Kind.ADDED, f"audit tool {name}", new)
        number, old = 1, ""
    else:
        latest = AuditTool.objects.select_for_update().get(pk=tool.pk).latest
        if seen_version is not None and latest.number != seen_version:
            raise ToolChanged(latest.number)
        old = _described(tuple(latest.grades), latest.good_or_better, latest.domain_list)
        if tool.name != name:
            record(plan_id, actor, Change.Kind.CHANGED, f"audit tool {tool.name}: name", name, tool.name)
            tool.name = name
            tool.save(update_fields=["name"])
        if old == new:
            return latest
        number = latest.number + 1
        record(plan_id, actor, Change.Kind.CHANGED, f"audit tool {name}: version {number}", new, old)
    return ToolVersion.objects.create(
        tool=tool,
        number=number,
        grades=list(grades),
        good_or_better=good_or_better,
        domains=[{"name": d.name, "guidance": d.guidance} for d in domains],
        created_by=actor.name,
    )
