"""Emails as records: each is written down before it is sent, once, under a key that names what it is
about, so that sending again (a rerun of the reminders, a retry) never sends anyone the same email twice;
and each person's choice of which kinds of email they want."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from oversight.notices.kinds import KINDS


class Email(models.Model):
    class State(models.TextChoices):
        WAITING = "waiting", "Waiting to be sent"
        SENDING = "sending", "Being sent"  # left so by a crash mid-send: never sent again, reported
        SENT = "sent", "Sent"
        FAILED = "failed", "Refused by the mail server; tried again on the next run"

    key = models.CharField(max_length=200, unique=True, help_text="What makes it this email and no other")
    kind = models.CharField(max_length=30, choices=[(k.kind.value, k.label) for k in KINDS.values()])
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="emails")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=300)
    text = models.TextField()
    html = models.TextField()
    summary = models.CharField(max_length=500, help_text="What it told them, for the audit log")
    state = models.CharField(max_length=10, choices=State.choices, default=State.WAITING)
    created = models.DateTimeField(auto_now_add=True)
    attempted = models.DateTimeField(null=True, blank=True)
    sent = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        indexes = [models.Index(fields=["state"], name="notices_email_state")]

    def __str__(self) -> str:
        return f"{self.kind} to {self.to}: {self.state}"


class EmailChoice(models.Model):
    """A person's choice for one kind of email; none recorded means they get it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_choices")
    kind = models.CharField(max_length=30, choices=[(k.kind.value, k.label) for k in KINDS.values()])
    wanted = models.BooleanField()
    changed = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_choice_per_kind")]
