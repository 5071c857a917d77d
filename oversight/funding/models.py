"""Improvement funding: the lines of the programme's money (grouped by phase, each with the decision that
approved it), and each line's figures for each financial year, in £'000."""

from __future__ import annotations

from django.db import models


class FundingLine(models.Model):
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="funding_lines")
    title = models.CharField(max_length=300)
    phase = models.CharField(max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0, help_text="Its place in the table")
    body = models.CharField("Approved by", max_length=300, blank=True)
    decided = models.DateField("Decision date", null=True, blank=True)
    reference = models.CharField("Decision reference", max_length=300, blank=True)
    comment = models.TextField(blank=True)
    actions = models.ManyToManyField("plans.Action", blank=True, related_name="funding_lines")
    revision = models.PositiveIntegerField(default=0, help_text="Goes up with every change to the line")

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "title"], name="one_funding_line_title_per_plan")
        ]

    def __str__(self) -> str:
        return self.title


class FundingYear(models.Model):
    line = models.ForeignKey(FundingLine, on_delete=models.CASCADE, related_name="years")
    year = models.CharField(max_length=7, help_text="The financial year, e.g. 2016/17")
    budget = models.BigIntegerField(help_text="£'000")
    spend = models.BigIntegerField(null=True, blank=True, help_text="£'000")
    committed = models.BigIntegerField(null=True, blank=True, help_text="£'000")
    posts_funded = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    posts_filled = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["line", "year"]
        constraints = [models.UniqueConstraint(fields=["line", "year"], name="one_figure_per_line_year")]
