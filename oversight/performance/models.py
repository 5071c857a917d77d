"""Performance indicators with their targets, and their values period by period."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from oversight.performance.scorecard import Polarity, Unit


class Indicator(models.Model):
    class Frequency(models.TextChoices):
        WEEKLY = "weekly", "Weekly"
        MONTHLY = "monthly", "Monthly"
        QUARTERLY = "quarterly", "Quarterly"

    class Source(models.TextChoices):
        ENTERED = "entered", "Entered on the website"
        IMPORTED = "imported", "Imported from a file"
        ANNEX_A = "annex_a", "Computed from Annex A"
        CASE_AUDITS = "audits", "Computed from case audits or workforce returns"

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(max_length=300)
    definition = models.TextField(blank=True)
    service_area = models.CharField(max_length=200)
    unit = models.CharField(
        max_length=20, choices=[(u.value, u.value.title()) for u in Unit], default=Unit.PERCENTAGE
    )
    polarity = models.CharField(
        max_length=10,
        choices=[(Polarity.HIGHER.value, "Higher is better"), (Polarity.LOWER.value, "Lower is better")],
    )
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    tolerance = models.DecimalField("Amber tolerance", max_digits=12, decimal_places=2, default=0)
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.ENTERED)
    measure = models.CharField(
        max_length=250,
        blank=True,
        help_text="The Annex A measure, or the case audit or workforce figure, for computed indicators",
    )
    england = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    statistical_neighbours = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    region = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    comparators_year = models.CharField(max_length=20, blank=True, help_text="e.g. 2022-23")
    actions = models.ManyToManyField("plans.Action", blank=True, related_name="indicators")
    recommendations = models.ManyToManyField(
        "governance.Recommendation", blank=True, related_name="indicators"
    )

    class Meta:
        ordering = ["service_area", "name"]
        constraints = [models.UniqueConstraint(fields=["plan", "name"], name="unique_indicator_name")]

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    """An indicator's value for one period (the first day of its week, month or quarter)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period = models.DateField()
    value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    # "the story behind the figure": entered with the value or imported beside it
    commentary = models.TextField(blank=True, db_default="")
    actor = models.CharField(max_length=150)
    recorded = models.DateTimeField(auto_now=True)
    source = models.CharField(max_length=200)

    class Meta:
        ordering = ["indicator", "period"]
        constraints = [models.UniqueConstraint(fields=["indicator", "period"], name="one_value_a_period")]

    def __str__(self) -> str:
        return f"{self.indicator} {self.period}: {self.value}"


class ServiceAreaManager(models.Model):
    """A manager of one service area: they receive the weekly performance summary for it."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="service_area_managers")
    service_area = models.CharField(max_length=200)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)

    class Meta:
        ordering = ["service_area", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "service_area", "user"], name="one_manager_an_area")
        ]

    def __str__(self) -> str:
        return f"{self.user} manages {self.service_area}"


class CaseloadBand(models.Model):
    """The caseload policy: the band of open cases a worker in a type of team should carry."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="caseload_bands")
    team_type = models.CharField(max_length=100)
    low = models.PositiveIntegerField(null=True, blank=True)
    high = models.PositiveIntegerField()

    class Meta:
        ordering = ["team_type"]
        constraints = [models.UniqueConstraint(fields=["plan", "team_type"], name="one_band_a_team_type")]

    def __str__(self) -> str:
        return f"{self.team_type}: {self.low or 0}–{self.high}"


class CaseloadTeam(models.Model):
    """A team's type named by the council, where its name does not tell it (see annex_a.caseloads)."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="caseload_teams")
    team = models.CharField(max_length=200)
    team_type = models.CharField(max_length=100)

    class Meta:
        ordering = ["team"]
        constraints = [models.UniqueConstraint(fields=["plan", "team"], name="one_type_a_team")]

    def __str__(self) -> str:
        return f"{self.team} is {self.team_type}"


class ScorecardVersion(models.Model):
    """Which version of a plan's indicators and values the scorecard shows: a new token with every
    change to them (performance/versions.py), so that what is kept of the scorecard lasts until its
    own data changes, not until any action of the plan is saved."""

    plan = models.OneToOneField("plans.Plan", primary_key=True, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=32)


class ExtractUpload(models.Model):
    """An Annex A extract uploaded on the website for the plan's council, loaded by the worker into a
    draft of the Annex A database (extract_uploads.py): its progress, its data-quality report, and —
    when it replaces lists already loaded — waiting for someone to confirm before it takes their place."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting for the worker"
        LOADING = "loading", "Loading"
        CHECKED = "checked", "Checked: waiting for you to confirm"
        LOADED = "loaded", "Loaded"
        REFUSED = "refused", "Not loaded"
        CANCELLED = "cancelled", "Cancelled"

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="extract_uploads")
    council = models.CharField(max_length=200)
    as_at = models.DateField()
    file_name = models.CharField(max_length=255)
    folder = models.CharField(max_length=32)  # the private folder holding the file until it is loaded
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    uploaded = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    lists_loaded = models.PositiveIntegerField(default=0)
    lists = models.PositiveIntegerField(default=0)
    rows_loaded = models.PositiveIntegerField(default=0)
    latest = models.CharField(max_length=300, blank=True)  # where the list last loaded came from
    report = models.JSONField(default=dict, blank=True)  # the data-quality report (extract_uploads.summary)
    problems = models.JSONField(default=list, blank=True)  # why it was not loaded, each problem in words
    replaces = models.JSONField(default=list, blank=True)  # the lists loaded before that it replaces
    based_on = models.JSONField(null=True, blank=True)  # which database the draft was copied from
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_name} for {self.council} as at {self.as_at:%d/%m/%Y}"

    @property
    def in_progress(self) -> bool:
        return self.status in {self.Status.WAITING, self.Status.LOADING}


class Region(models.Model):
    """A regional improvement alliance or a group of statistical neighbours: councils that pool their
    Annex A figures. Its councils' exports (`oversight annex-a export`) are collected in a folder of its
    own under ANNEX_A_REGIONS_DIR, named by its slug; its members see their figures side by side, and
    only those: no council's plan and no child's row."""

    slug = models.SlugField(max_length=50, unique=True)
    name = models.CharField(max_length=200)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="regions", blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
