"""Filtering the audit log: by who, which action, what changed, and between which days."""

from __future__ import annotations

from oversight.govuk import forms as govuk
from oversight.govuk.date_fields import DateField

AUDITED_FIELDS = (
    "RAG",
    "commentary",
    "evidence",
    "key_action",
    "lead",
    "agencies",
    "timescale",
    "priority",
    "role",
    "child records",  # viewings of Annex A child records, for information governance
)


class AuditFilterForm(govuk.GovUKForm):
    who = govuk.TextField(label="Who", required=False)
    action = govuk.TextField(label="Action ID", required=False, widget=govuk.TextInput(width="10"))
    field = govuk.TextField(
        label="What changed",
        required=False,
        widget=govuk.Select(choices=[("", "Anything"), *((f, f) for f in AUDITED_FIELDS)]),
    )
    since = DateField(label="From", what="The first day", required=False)
    until = DateField(label="To", what="The last day", required=False)
