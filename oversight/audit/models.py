"""The audit trail's one record: a change to a plan's data."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Change(models.Model):
    """One change to plan data: what, who, when, the old and the new value. The records it is about are
    named by the apps that keep them (a string, never an import): plans, and performance's indicators."""

    class Kind(models.TextChoices):
        ADDED = "added", "Added"
        CHANGED = "changed", "Changed"
        LEFT_PLAN = "left", "No longer in the plan"
        RETURNED = "returned", "Back in the plan"
        REMOVED = "removed", "Removed"
        VIEWED = "viewed", "Viewed"  # personal data looked at, e.g. Annex A child records
        EMAILED = "emailed", "Emailed"  # an email sent (oversight/notices): to whom, about what

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="changes")
    action = models.ForeignKey(
        "plans.Action", null=True, blank=True, on_delete=models.CASCADE, related_name="changes"
    )
    priority = models.ForeignKey(
        "plans.Priority", null=True, blank=True, on_delete=models.CASCADE, related_name="changes"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    field = models.CharField(max_length=300, blank=True)
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor = models.CharField(max_length=150)
    changed = models.DateTimeField(auto_now_add=True)
    source = models.CharField(max_length=500)
    import_run = models.ForeignKey("plans.ImportRun", null=True, blank=True, on_delete=models.SET_NULL)
    # the scorecard indicator a change is about: its value history follows it through renames
    indicator = models.ForeignKey(
        "performance.Indicator", null=True, blank=True, on_delete=models.SET_NULL, related_name="changes"
    )

    class Meta:
        # the table the plans app made for it, kept with every record when the model moved here
        db_table = "plans_change"
        ordering = ["-changed", "-id"]
        indexes = [models.Index(fields=["plan", "changed"], name="plans_chang_plan_id_8e3749_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.field}: {self.old_value!r} -> {self.new_value!r}"
