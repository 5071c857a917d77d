"""A plan's own rules, which its administrators set: each change is in the audit log."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.plans import paper_appendices, revisions
from oversight.plans.models import Plan

# each setting: what it means when on, in the council's words
SETTINGS = {
    "require_verified_evidence": (
        "Completions are verified only on evidence already marked as verified",
        "Without this, a completion is verified when it has evidence, or with a written reason why none is"
        " needed.",
    ),
    "accept_red_without_commentary": (
        "Imported Red and Amber statuses without commentary are recorded, with a warning",
        "Without this, a status file with a Red or Amber status and no commentary is refused, as the"
        " website's form refuses it.",
    ),
    "officers_load_annex_a": (
        "Improvement officers may load Annex A extracts",
        "Without this, only performance analysts upload the council's Annex A lists on the website.",
    ),
    "send_reminders": (
        "Email the monthly return's reminders",
        "Each lead gets the actions they still have to update on the reminder day and before the return"
        ' date; after it, the improvement officers get the list of who is missing (README, "Email").',
    ),
}
# the monthly return's days (plans/return_calendar.py): label, hint, least and most
DAYS = {
    "reminder_day": ("Day of the month of the first reminder", "For example, 20", 1, 28),
    "return_day": (
        "Day of the month updates are due",
        "The return date; when it is not a working day, the working day before. For example, 25",
        1,
        31,
    ),
    "second_reminder_days": (
        "Working days before the return date of the second reminder",
        "0 for no second reminder",
        0,
        10,
    ),
}


def change_settings(plan: Plan, wanted: Mapping[str, bool | int | list[str]], actor: Actor) -> list[str]:
    """Saves the settings that changed, each with its old and new value in the audit log; returns
    what changed."""
    labels = {name: label for name, (label, _) in SETTINGS.items()}
    labels |= {name: label for name, (label, *_) in DAYS.items()}
    labels["appendices"] = "Appendices of the board's papers"
    changed = [name for name in labels if name in wanted and getattr(plan, name) != wanted[name]]
    if not changed:
        return []
    with transaction.atomic():
        for name in changed:
            old = getattr(plan, name)
            setattr(plan, name, wanted[name])
            trail.change(
                plan.pk, actor, "plan settings", Change.Kind.CHANGED, f"setting: {labels[name]}",
                _word(old), _word(wanted[name]),
            ).save()  # fmt: skip
        plan.save(update_fields=changed)
        revisions.plan_changed(plan.pk)
    return [labels[name] for name in changed]


def _word(value: bool | int | list[str]) -> str:
    if isinstance(value, list):
        return ", ".join(paper_appendices.label_of(key) for key in value) or "None"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)
