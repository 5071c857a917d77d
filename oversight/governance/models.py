"""Inspections and their recommendations, with the progress reported against each."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models


class Inspection(models.Model):
    class Framework(models.TextChoices):
        SIF = "SIF", "Single inspection framework (SIF)"
        ILACS = "ILACS", "Inspection of local authority children's services (ILACS)"
        JTAI = "JTAI", "Joint targeted area inspection (JTAI)"
        OTHER = "other", "Other"

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="inspections")
    published = models.DateField(help_text="The date the inspection report was published")
    framework = models.CharField(max_length=10, choices=Framework.choices, default=Framework.SIF)
    judgements = models.JSONField(default=dict, blank=True, help_text="Judgement per area, e.g. overall")
    report_url = models.URLField(blank=True)

    class Meta:
        ordering = ["-published"]
        constraints = [models.UniqueConstraint(fields=["plan", "published"], name="one_inspection_a_day")]

    def __str__(self) -> str:
        return f"{self.get_framework_display()} inspection published {self.published:%d %B %Y}"


class Recommendation(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveIntegerField()
    text = models.TextField()
    theme = models.CharField(max_length=200, blank=True)
    pillars = models.JSONField(default=list, blank=True, help_text="Putting Children First pillar codes")
    actions = models.ManyToManyField("plans.Action", blank=True, related_name="recommendations")

    class Meta:
        ordering = ["inspection", "number"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "number"], name="unique_recommendation_number")
        ]

    def __str__(self) -> str:
        return f"Recommendation {self.number}"


class ProgressUpdate(models.Model):
    """What was done against a recommendation, and the impact seen, as at a date."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="updates")
    as_at = models.DateField()
    progress = models.TextField(blank=True)
    impact = models.TextField("Impact / performance", blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor = models.CharField(max_length=150)
    recorded = models.DateTimeField(auto_now_add=True)
    source = models.CharField(max_length=500)

    class Meta:
        ordering = ["recommendation", "-as_at", "-id"]

    def __str__(self) -> str:
        return f"{self.recommendation} at {self.as_at}"


class Board(models.Model):
    """An improvement board, e.g. the weekly Improvement Team Board or the monthly governance board."""

    class Kind(models.TextChoices):
        TEAM = "team", "Improvement Team Board (weekly, two priorities a meeting)"
        GOVERNANCE = "governance", "Governance board (monthly, reads the exception report)"
        SCRUTINY = "scrutiny", "Scrutiny committee"
        OTHER = "other", "Other"

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="boards")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.TEAM)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="boards")
    priorities_per_meeting = models.PositiveSmallIntegerField(default=2)
    max_gap_weeks = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Most weeks a priority may wait (default: one more than a round-robin)",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def summary(self) -> str:
        """How the board works, in words that do not repeat its name (a board is usually named after
        its kind: "Improvement Team Board")."""
        if self.kind == self.Kind.TEAM:
            count = self.priorities_per_meeting
            return f"weekly, {count} priorit{'y' if count == 1 else 'ies'} a meeting"
        if self.kind == self.Kind.GOVERNANCE:
            return "monthly, reads the exception report"
        if self.kind == self.Kind.SCRUTINY:
            return "scrutiny committee"
        return ""


class Meeting(models.Model):
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="meetings")
    held = models.DateField()
    priorities = models.ManyToManyField("plans.Priority", blank=True, related_name="meetings")
    attended = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="meetings_attended")
    apologies = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    # a past meeting's pack, kept as it stood at the end of its day (governance/pack_data.py)
    pack_record = models.JSONField(null=True, blank=True, editable=False)
    pack_recorded = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-held", "-id"]

    def __str__(self) -> str:
        return f"{self.board} on {self.held:%d %B %Y}"


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField()
    actor = models.CharField(max_length=150)
    recorded = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text[:60]


class RemedialTask(models.Model):
    """A task a board sets when an action is slow: who does what by when."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="tasks")
    action = models.ForeignKey(
        "plans.Action", null=True, blank=True, on_delete=models.SET_NULL, related_name="remedial_tasks"
    )
    description = models.TextField()
    owner = models.CharField(max_length=200, help_text="The owner's name, as at the time")
    # the owner, when they have a role in the plan: they are emailed, and see it on My actions
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="remedial_tasks",
    )
    due = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    done = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return self.description[:60]

    def overdue_on(self, day: date) -> bool:
        return self.status == self.Status.OPEN and self.due < day


class MonitoringVisit(models.Model):
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="monitoring_visits")
    visited = models.DateField()
    inspectors = models.CharField(max_length=300)
    focus = models.TextField()
    findings = models.TextField(blank=True)
    letter_url = models.URLField("Published letter", blank=True)

    class Meta:
        ordering = ["-visited"]

    def __str__(self) -> str:
        return f"Monitoring visit on {self.visited:%d %B %Y}"
