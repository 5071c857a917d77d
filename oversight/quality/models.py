"""The quality assurance programme: audit tools (versioned), cohorts of cases to audit, the audits
with their grades and moderation, the concerns and case actions they raise, the themes that feed the
plan, teams with their managers, and practice weeks."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from oversight.quality.scales import Domain, Scale

TEXT = 5000  # an audit's strengths, areas for development, impact; a concern; a theme


class Team(models.Model):
    """A team whose cases are audited, and its manager, who hears of a safeguarding concern at once."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="qa_teams")
    name = models.CharField(max_length=200)
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["plan", "name"], name="one_team_name_per_plan")]

    def __str__(self) -> str:
        return self.name


class AuditTool(models.Model):
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="audit_tools")
    name = models.CharField(max_length=200)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["plan", "name"], name="one_tool_name_per_plan")]

    def __str__(self) -> str:
        return self.name

    @property
    def latest(self) -> ToolVersion:
        return self.versions.order_by("-number").first()  # type: ignore[return-value]


class ToolVersion(models.Model):
    """A tool as it was: never changed once made, so that an audit keeps the form it was done on."""

    tool = models.ForeignKey(AuditTool, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    grades = models.JSONField(help_text="The grades, best first")
    good_or_better = models.PositiveSmallIntegerField(
        help_text="How many of the best grades are good or better"
    )
    domains = models.JSONField(help_text="Each domain's name and guidance, in order")
    created = models.DateTimeField(auto_now_add=True)
    created_by = models.CharField(max_length=150)

    class Meta:
        ordering = ["tool", "number"]
        constraints = [models.UniqueConstraint(fields=["tool", "number"], name="one_version_number_per_tool")]

    def __str__(self) -> str:
        return f"{self.tool.name}, version {self.number}"

    @property
    def scale(self) -> Scale:
        return Scale(tuple(self.grades), self.good_or_better)

    @property
    def domain_list(self) -> tuple[Domain, ...]:
        return tuple(Domain(d["name"], d.get("guidance", "")) for d in self.domains)


class Cohort(models.Model):
    """A set of cases chosen to audit in a month, of one kind, on one tool."""

    class Kind(models.TextChoices):
        MONTHLY = "monthly", "Monthly case audit"
        DEEP_DIVE = "deep_dive", "Thematic deep dive"
        DIP_SAMPLE = "dip_sample", "Dip sample"
        LIVE = "live", "Live audit (Triple Lock)"
        MULTI_AGENCY = "multi_agency", "Multi-agency audit"

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="cohorts")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.MONTHLY)
    month = models.DateField(help_text="The first day of the month it belongs to")
    title = models.CharField(max_length=200)
    question = models.TextField(blank=True, help_text="A deep dive's own question")
    report = models.TextField(blank=True, help_text="A deep dive's findings, written when it is done")
    tool_version = models.ForeignKey(ToolVersion, on_delete=models.PROTECT, related_name="cohorts")
    chosen = models.CharField(max_length=500, blank=True, help_text="How the cases were chosen")
    seed = models.BigIntegerField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-month", "title", "id"]
        indexes = [models.Index(fields=["plan", "month"], name="quality_cohort_plan_month")]

    def __str__(self) -> str:
        return self.title


class CaseAudit(models.Model):
    """One case's audit: who audits it by when, the grades given, and the moderated grade beside the
    auditor's. The case is named by the child's ID or Annex A pseudonym, never by name."""

    class State(models.TextChoices):
        ASSIGNED = "assigned", "Assigned"
        COMPLETED = "completed", "Completed"

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="audits")
    case_ref = models.CharField("Child's ID", max_length=50)
    team = models.CharField(max_length=200)
    worker = models.CharField(max_length=200, blank=True)
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="case_audits"
    )
    auditor_name = models.CharField(
        max_length=150, help_text="As at the time, or as an imported log names them"
    )
    agency = models.CharField(max_length=200, blank=True, help_text="A multi-agency auditor's agency")
    due = models.DateField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.ASSIGNED)
    completed = models.DateField(null=True, blank=True)
    overall_rank = models.PositiveSmallIntegerField(null=True, blank=True, help_text="0 is the best grade")
    overall_good = models.BooleanField(
        null=True, blank=True, help_text="The grade in force is good or better"
    )
    strengths = models.TextField(blank=True)
    development = models.TextField("Areas for development", blank=True)
    impact = models.TextField("Impact for the child", blank=True)
    concern = models.TextField(blank=True, help_text="An immediate safeguarding concern, if one was raised")
    concern_raised = models.DateTimeField(null=True, blank=True)
    # moderation: a second auditor's agreed grade replaces the auditor's, which is kept in overall_rank
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="moderations"
    )
    moderator_name = models.CharField(max_length=150, blank=True)
    moderated = models.DateField(null=True, blank=True)
    agreed_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    moderation_note = models.TextField(blank=True)
    revision = models.PositiveIntegerField(default=0, help_text="Goes up with every change to the audit")

    class Meta:
        ordering = ["due", "case_ref", "id"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "case_ref"], name="one_audit_per_case_per_cohort")
        ]
        indexes = [models.Index(fields=["auditor", "state"], name="quality_audit_auditor_state")]

    def __str__(self) -> str:
        return f"Audit of {self.case_ref}"

    @property
    def rank_in_force(self) -> int | None:
        return self.agreed_rank if self.agreed_rank is not None else self.overall_rank

    def _grade(self, rank: int | None) -> str:
        return "" if rank is None else self.cohort.tool_version.grades[rank]

    @property
    def overall_grade(self) -> str:
        """The auditor's overall grade, '' before the audit is done."""
        return self._grade(self.overall_rank)

    @property
    def agreed_grade(self) -> str:
        return self._grade(self.agreed_rank)


class DomainGrade(models.Model):
    audit = models.ForeignKey(CaseAudit, on_delete=models.CASCADE, related_name="grades")
    position = models.PositiveSmallIntegerField()
    domain = models.CharField(max_length=200)
    rank = models.PositiveSmallIntegerField()
    good = models.BooleanField()

    class Meta:
        ordering = ["audit", "position"]
        constraints = [models.UniqueConstraint(fields=["audit", "position"], name="one_grade_per_domain")]

    @property
    def label(self) -> str:
        return str(self.audit.cohort.tool_version.grades[self.rank])


class CaseAction(models.Model):
    """Corrective action on the case an audit found, with its owner and due date."""

    audit = models.ForeignKey(CaseAudit, on_delete=models.CASCADE, related_name="case_actions")
    action = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    owner_name = models.CharField(max_length=150)
    due = models.DateField()
    done = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due", "id"]


class Theme(models.Model):
    """What audits found across cases, fed back into the plan: linked to its actions and to Ofsted's
    recommendations."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="qa_themes")
    cohort = models.ForeignKey(
        Cohort, null=True, blank=True, on_delete=models.SET_NULL, related_name="themes"
    )
    text = models.TextField()
    created = models.DateTimeField(auto_now_add=True)
    actions = models.ManyToManyField("plans.Action", blank=True, related_name="qa_themes")
    recommendations = models.ManyToManyField(
        "governance.Recommendation", blank=True, related_name="qa_themes"
    )

    class Meta:
        ordering = ["-created", "-id"]


class PracticeWeek(models.Model):
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="practice_weeks")
    title = models.CharField(max_length=200)
    starts = models.DateField()
    ends = models.DateField()

    class Meta:
        ordering = ["-starts", "id"]


class PracticeActivity(models.Model):
    """A count of one kind of activity in a practice week: '20 team-based discussions'."""

    week = models.ForeignKey(PracticeWeek, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(max_length=200)
    count = models.PositiveIntegerField()

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["week", "kind"], name="one_count_per_activity")]
