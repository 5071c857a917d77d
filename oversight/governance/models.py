"""Inspections and their recommendations, with the progress reported against each."""

from __future__ import annotations

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
