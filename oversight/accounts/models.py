"""People's roles in plans."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from oversight.accounts.roles import ROLE_LABELS, Role


class Membership(models.Model):
    """A person's role in one plan. Site administrators (superusers) administer every plan."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(
        max_length=20, choices=[(role.value, label) for role, label in ROLE_LABELS.items()]
    )
    leads = models.CharField(
        "Leads as",
        max_length=500,
        blank=True,
        help_text="The names in the plan's Lead column this person answers for, e.g. 'HOS CLA, PSW'",
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["user__last_name", "user__first_name", "user__username"]
        constraints = [models.UniqueConstraint(fields=["plan", "user"], name="one_role_per_plan")]

    def __str__(self) -> str:
        return f"{self.user} is {Role(self.role).label} in {self.plan_id}"
