"""How a plan's papers look: the font of every Word and PDF paper, the council's logo in their header,
and the council's own Word document or template that they are made from. Its administrators change
it; each change moves the plan's revision (so that no stored paper keeps the old look) and is in the
audit log with its old and new value."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.word import Look
from oversight.plans import revisions
from oversight.plans.models import PaperStyle, Plan

# fonts that Word has on every council's computers, and their look-alike that the server embeds in PDFs
FONTS = ["Arial", "Calibri", "Verdana", "Tahoma", "Trebuchet MS", "Georgia", "Times New Roman"]
SOURCE = "paper style"


class StyleChanged(Exception):
    """Someone else changed the style since this form was opened."""


@dataclass(frozen=True)
class WantedStyle:
    font: str
    logo: tuple[str, bytes] | None = None  # a new logo: its file name and content, already checked
    remove_logo: bool = False
    template: tuple[str, bytes] | None = None
    remove_template: bool = False


def style_of(plan: Plan) -> PaperStyle:
    return PaperStyle.objects.filter(plan=plan).first() or PaperStyle(plan=plan)


def look_of(plan: Plan) -> Look:
    style = style_of(plan)
    return Look(style.font, bytes(style.logo) or None, bytes(style.template) or None)


def change_paper_style(plan: Plan, wanted: WantedStyle, seen_revision: int, actor: Actor) -> list[str]:
    """Saves what changed; returns what changed, in words. StyleChanged if the style moved on since
    `seen_revision`."""
    with transaction.atomic():
        revisions.lock_plan(plan.pk)
        style = PaperStyle.objects.select_for_update().filter(plan=plan).first() or PaperStyle(plan=plan)
        if style.revision != seen_revision:
            raise StyleChanged
        changes: list[tuple[str, str, str]] = []
        if wanted.font != style.font:
            changes.append(("font", style.font, wanted.font))
            style.font = wanted.font
        for part, new, remove in (
            ("logo", wanted.logo, wanted.remove_logo),
            ("template", wanted.template, wanted.remove_template),
        ):
            before = _described(getattr(style, f"{part}_name"), bytes(getattr(style, part)))
            if new is not None:
                setattr(style, f"{part}_name", new[0])
                setattr(style, part, new[1])
            elif remove and before != "none":
                setattr(style, f"{part}_name", "")
                setattr(style, part, b"")
            after = _described(getattr(style, f"{part}_name"), bytes(getattr(style, part)))
            if after != before or new is not None:
                changes.append((part, before, after))
        if not changes:
            return []
        style.revision += 1
        style.save()
        Change.objects.bulk_create(
            trail.change(plan.pk, actor, SOURCE, Change.Kind.CHANGED, f"paper {field}", old, new)
            for field, old, new in changes
        )
        revisions.plan_changed(plan.pk)
    return [f"the {field}" for field, _, _ in changes]


def _described(name: str, content: bytes) -> str:
    return f"{name} ({max(1, len(content) // 1024):,} KB)" if content else "none"
