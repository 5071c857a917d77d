"""The improvement plan register: plans, priorities, actions, monthly statuses and their history."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models


class RAG(models.TextChoices):
    RED = "R", "Red"
    AMBER = "A", "Amber"
    GREEN = "G", "Green"
    WHITE = "W", "White"


class Plan(models.Model):
    slug = models.SlugField(max_length=50, unique=True)
    title = models.CharField(max_length=200)
    council = models.CharField(max_length=200, blank=True)
    started = models.DateField(null=True, blank=True, help_text="First day of the plan's first month")
    created = models.DateTimeField(auto_now_add=True)
    revision = models.PositiveIntegerField(default=0, help_text="Goes up with every change to the plan")
    # the council's own rules, set by its administrators (plans/plan_settings.py)
    require_verified_evidence = models.BooleanField(
        default=False,
        help_text="A completion is verified only when evidence of it has been marked verified",
    )
    accept_red_without_commentary = models.BooleanField(
        default=False,
        help_text="An imported Red or Amber status with no commentary is kept, with a warning",
    )
    # the monthly return (plans/reminders.py): when leads are reminded and when their updates are due
    # db_default too: a row written by code that predates them (an older process, a migration) gets them
    send_reminders = models.BooleanField(
        default=True, db_default=True, help_text="Email leads their actions to update"
    )
    officers_load_annex_a = models.BooleanField(
        default=False, db_default=False, help_text="Improvement officers load Annex A extracts as analysts do"
    )
    appendices = models.JSONField(
        default=list,
        db_default=models.Value([], output_field=models.JSONField()),
        blank=True,
        help_text="The appendices the board's papers carry (plans/paper_appendices.py)",
    )
    reminder_day = models.PositiveSmallIntegerField(
        default=20, db_default=20, help_text="Day of the month of the first reminder"
    )
    return_day = models.PositiveSmallIntegerField(
        default=25,
        db_default=25,
        help_text="Day of the month updates are due (the working day before, if not one)",
    )
    second_reminder_days = models.PositiveSmallIntegerField(
        default=2,
        db_default=2,
        help_text="Working days before the return date of the second reminder (0: none)",
    )
    # the statuses' summary (plans/summaries.py): kept with every save, so that no page reads the history
    summarised = models.BooleanField(
        default=True,
        db_default=True,  # a plan made by code that predates the summary (an older process, a migration)
        help_text="CurrentStatus and MonthCount hold this plan's statuses (False: not built yet)",
    )
    summary_month = models.DateField(null=True, blank=True, help_text="The last month MonthCount holds")

    def __str__(self) -> str:
        return self.title


class Priority(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="priorities")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="unique_priority_number")]
        verbose_name_plural = "priorities"

    def __str__(self) -> str:
        return f"Priority {self.number} - {self.title}" if self.title else f"Priority {self.number}"


class Action(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    priority = models.ForeignKey(Priority, on_delete=models.PROTECT, related_name="actions")
    action_id = models.CharField("Action ID", max_length=40)
    sort_key = models.CharField(max_length=200, editable=False)
    key_action = models.TextField()
    lead = models.CharField(max_length=300, blank=True)
    agencies = models.CharField("Agency involvement", max_length=500, blank=True)
    timescale = models.CharField(max_length=100, help_text="As the plan writes it")
    first_month = models.DateField()
    last_month = models.DateField()
    in_plan = models.BooleanField(default=True, help_text="False once a re-import no longer lists it")
    withdrawn_from = models.DateField(
        null=True, blank=True, help_text="The month from which it is withdrawn (no longer applicable)"
    )
    created = models.DateTimeField(auto_now_add=True)
    revision = models.PositiveIntegerField(
        default=0, help_text="Goes up with every update, so a save based on an older one is refused"
    )
    changed_at = models.PositiveBigIntegerField(
        default=0,
        db_default=0,
        help_text="The plan's revision when anything its pages show of the action last changed",
    )

    class Meta:
        ordering = ["sort_key"]
        constraints = [models.UniqueConstraint(fields=["plan", "action_id"], name="unique_action_id")]
        indexes = [models.Index(fields=["plan", "sort_key"]), models.Index(fields=["plan", "changed_at"])]

    def __str__(self) -> str:
        return self.action_id


class ImportRun(models.Model):
    """One import of a plan or status file, with who ran it and what it did."""

    class Kind(models.TextChoices):
        PLAN = "plan", "Plan"
        STATUS = "status", "Status"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="imports")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    file_name = models.CharField(max_length=500)
    sheet = models.CharField(max_length=200, blank=True)
    sha256 = models.CharField(max_length=64)
    as_at = models.DateField(null=True, blank=True)
    summary = models.JSONField(default=dict)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor = models.CharField(max_length=150, help_text="Who ran it, as recorded at the time")
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.kind} import of {self.file_name}"


class StatusRecord(models.Model):
    """A RAG status given to an action as at a date. Never edited: a new status is a new record."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="statuses")
    as_at = models.DateField()
    month = models.DateField(help_text="First day of the as-at month")
    rag = models.CharField("RAG", max_length=1, choices=RAG.choices)
    commentary = models.TextField(blank=True)
    # a Red status: does the delay pose an immediate safeguarding risk, and what is done about it
    safeguarding_risk = models.BooleanField(null=True, blank=True, help_text="None: not said")
    risk_response = models.TextField(blank=True, db_default="", help_text="What is done about the risk")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor = models.CharField(max_length=150)
    recorded = models.DateTimeField(auto_now_add=True)
    source = models.CharField(max_length=500, help_text="Where it came from, e.g. the file imported")
    import_run = models.ForeignKey(ImportRun, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["action", "as_at", "id"]
        # the report asks, per action, for the latest status on or before a date
        indexes = [models.Index(fields=["action", "as_at", "id"], name="status_latest_idx")]

    def __str__(self) -> str:
        return f"{self.action} {self.get_rag_display()} at {self.as_at}"


class Evidence(models.Model):
    """A file or a link showing what an action has done. Files live outside the static files."""

    class Kind(models.TextChoices):
        FILE = "file", "File"
        LINK = "link", "Link"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(max_length=300)
    url = models.URLField("Link", max_length=1000, blank=True)
    file_name = models.CharField(max_length=255, blank=True, help_text="As uploaded")
    stored_name = models.CharField(max_length=100, blank=True, unique=True, null=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor = models.CharField(max_length=150)
    added = models.DateTimeField(auto_now_add=True)
    verified_by = models.CharField(max_length=150, blank=True, help_text="Who verified it, as at the time")
    verified = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-added", "-id"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return self.title


class Verification(models.Model):
    """A board member's word on a Green status: the evidence shows it complete, or it goes back.
    `reason` is why it was sent back, or, for a completion verified with no evidence, why none was
    needed."""

    class Outcome(models.TextChoices):
        VERIFIED = "verified", "Verified"
        SENT_BACK = "sent_back", "Sent back"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="verifications")
    status = models.ForeignKey(StatusRecord, on_delete=models.CASCADE, related_name="verifications")
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    reason = models.TextField(blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor = models.CharField(max_length=150)
    recorded = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["action", "recorded", "id"]

    def __str__(self) -> str:
        return f"{self.action} {self.get_outcome_display()} by {self.actor}"


class CurrentStatus(models.Model):
    """An action's latest status, its completion, and the month-end status it has had from each month
    in which that changed, kept up to date with every save (plans/summaries.py)."""

    action = models.OneToOneField(Action, on_delete=models.CASCADE, primary_key=True, related_name="current")
    status = models.ForeignKey(StatusRecord, null=True, on_delete=models.SET_NULL, related_name="+")
    rag = models.CharField("RAG", max_length=1, blank=True, choices=RAG.choices)
    commentary = models.TextField(blank=True)
    as_at = models.DateField(null=True)
    completion = models.CharField(
        max_length=10, blank=True, help_text="A Green action's: awaiting or verified"
    )
    runs = models.TextField(
        blank=True, help_text='"2017-01-01R 2017-04-01G": the month-end status from each month it changed'
    )


class MonthCount(models.Model):
    """How many of a priority's actions ended a month at a RAG status, for the months from the plan's
    first status to `Plan.summary_month` (a later month has the same counts)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="month_counts")
    month = models.DateField()
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="+")
    rag = models.CharField("RAG", max_length=1, choices=RAG.choices)
    actions = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "month", "priority", "rag"], name="month_count_unique")
        ]


class PaperStyle(models.Model):
    """How the plan's papers look (plans/paper_style.py): the font, the council's logo and its own Word
    document or template. Set by the plan's administrators; each change is in the audit log."""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, primary_key=True, related_name="paper_style")
    font = models.CharField(max_length=40, default="Arial")
    logo = models.BinaryField(blank=True, default=b"")  # checked by lib/paper_files.py: up to 1 MB
    logo_name = models.CharField(max_length=200, blank=True)
    template = models.BinaryField(blank=True, default=b"")  # up to 5 MB
    template_name = models.CharField(max_length=200, blank=True)
    revision = models.PositiveIntegerField(default=0, help_text="Goes up with every change to the style")


class TimescaleChange(models.Model):
    """A request to revise an action's timescale, or to withdraw the action, and the decision on it.
    An approved revision is in force from the month it was approved: the report of a month before
    counts the action against the timescale in force then (plans/timescale_history.py)."""

    class Kind(models.TextChoices):
        RETIME = "retime", "A revised timescale"
        WITHDRAW = "withdraw", "Withdrawal"

    class State(models.TextChoices):
        REQUESTED = "requested", "Waiting for a decision"
        APPROVED = "approved", "Approved"
        REFUSED = "refused", "Refused"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="timescale_changes")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    state = models.CharField(max_length=10, choices=State.choices, default=State.REQUESTED)
    reason = models.TextField()
    old_timescale = models.CharField(max_length=100)
    old_first_month = models.DateField()
    old_last_month = models.DateField()
    new_timescale = models.CharField(max_length=100, blank=True)
    new_first_month = models.DateField(null=True, blank=True)
    new_last_month = models.DateField(null=True, blank=True)
    requested_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_by = models.CharField(max_length=150)
    requested = models.DateTimeField(auto_now_add=True)
    decided_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.CharField(max_length=150, blank=True)
    decided = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    in_force_from = models.DateField(
        null=True, blank=True, help_text="The month an approved change took effect"
    )
    source = models.CharField(max_length=500, default="website", help_text="The website, or the plan file")

    class Meta:
        ordering = ["requested", "id"]
        indexes = [models.Index(fields=["action", "state"], name="plans_timescale_action_state")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.action_id}: {self.state}"

    def as_revision(self) -> tuple[date, str, date, date, str, date, date]:
        """An approved revision as timescale_history.history_of takes it."""
        assert self.in_force_from and self.new_first_month and self.new_last_month, "not an approved revision"
        return (
            self.in_force_from,
            self.old_timescale,
            self.old_first_month,
            self.old_last_month,
            self.new_timescale,
            self.new_first_month,
            self.new_last_month,
        )


class FileImport(models.Model):
    """A file uploaded on the website to import (a plan, a month's statuses, recommendations, indicators
    and the other kinds registered with plans/uploads.py). The worker checks it and keeps the preview
    here; once its uploader confirms, the worker imports it (plans/file_imports.py). The request that
    uploads the file only keeps it, so no file is too large for the website to answer at once."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting for the worker to check it"
        CHECKING = "checking", "Being checked"
        CHECKED = "checked", "Checked: waiting for you to confirm"
        CONFIRMED = "confirmed", "Waiting for the worker to import it"
        IMPORTING = "importing", "Being imported"
        IMPORTED = "imported", "Imported"
        REFUSED = "refused", "Not imported"
        CANCELLED = "cancelled", "Cancelled"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="file_imports")
    token = models.CharField(max_length=32, unique=True)  # names the private folder holding the file
    kind = models.CharField(max_length=30)
    pending = models.JSONField()  # the upload as plans/uploads.PendingImport keeps it
    file_names = models.CharField(max_length=520)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    uploaded = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    revision = models.PositiveIntegerField(null=True, blank=True)  # the plan's, when the preview was made
    lines = models.JSONField(default=list, blank=True)  # what the import will do, in words
    changes = models.JSONField(default=list, blank=True)  # the first of its changes, as the preview shows
    change_count = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list, blank=True)  # why it cannot be imported: file/sheet/row/...
    note = models.CharField(max_length=300, blank=True)  # why the preview was made again
    done_lines = models.JSONField(default=list, blank=True)  # what the import did
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} import of {self.file_names}"

    @property
    def in_progress(self) -> bool:
        return self.status in {
            self.Status.WAITING,
            self.Status.CHECKING,
            self.Status.CONFIRMED,
            self.Status.IMPORTING,
        }
