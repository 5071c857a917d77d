"""The workforce: the plan's teams as the HR system names them, each team's monthly return, the staff
records of each month (a worker by staff ID: last supervision, caseload, courses done), and the courses
plan actions require."""

from __future__ import annotations

from django.db import models

NAME = 200


class Team(models.Model):
    class Kind(models.TextChoices):
        SOCIAL_WORK = "social_work", "Social work team"
        IRO = "iro", "Independent reviewing officers"
        OTHER = "other", "Other team"

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="workforce_teams")
    name = models.CharField(max_length=NAME, help_text="As the HR system and Annex A name it")
    service = models.CharField(max_length=NAME)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.SOCIAL_WORK)
    caseload_policy = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Independent reviewing officers: the most children each should have"
    )
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["service", "name"]
        constraints = [models.UniqueConstraint(fields=["plan", "name"], name="one_workforce_team_per_name")]

    def __str__(self) -> str:
        return self.name


class TeamReturn(models.Model):
    """One team's return for one month: posts and staff as full-time equivalents, people as counts."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="returns")
    month = models.DateField(help_text="The first day of the month")
    funded = models.DecimalField(max_digits=7, decimal_places=2)
    permanent = models.DecimalField(max_digits=7, decimal_places=2)
    agency = models.DecimalField(max_digits=7, decimal_places=2)
    vacancies = models.DecimalField(max_digits=7, decimal_places=2)
    starters = models.PositiveIntegerField()
    leavers = models.PositiveIntegerField()
    sickness_days = models.DecimalField(max_digits=8, decimal_places=1)
    offers_made = models.PositiveIntegerField()
    offers_accepted = models.PositiveIntegerField()
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["team", "month"]
        constraints = [models.UniqueConstraint(fields=["team", "month"], name="one_return_per_team_month")]


class StaffRecord(models.Model):
    """One worker in one month: personal data, seen only by officers and analysts."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="staff_records")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="staff_records")
    month = models.DateField()
    staff_id = models.CharField(max_length=50)
    supervised = models.DateField(
        null=True, blank=True, help_text="The last supervision on or before the month's end"
    )
    caseload = models.PositiveIntegerField(null=True, blank=True)
    courses = models.JSONField(default=list, help_text="The courses done, as the records name them")

    class Meta:
        ordering = ["month", "team", "staff_id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "month", "staff_id"], name="one_staff_record_a_month")
        ]
        indexes = [models.Index(fields=["plan", "month"], name="staff_records_of_month")]


class Course(models.Model):
    """A course the plan's actions require staff to do ("all staff … received a briefing")."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="courses")
    name = models.CharField(max_length=NAME)
    actions = models.ManyToManyField("plans.Action", blank=True, related_name="courses")
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["plan", "name"], name="one_course_per_name")]

    def __str__(self) -> str:
        return self.name
