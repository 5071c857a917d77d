"""What the quality assurance pages share: their breadcrumbs, and the rule of the pages that run the
programme."""

from __future__ import annotations

from django import forms
from django.urls import reverse

from oversight.accounts.roles import Access
from oversight.plans.models import Plan
from oversight.plans.views.common import plan_crumbs

CURRENT = "quality"  # the navigation's item


def runs_programme(access: Access) -> bool:
    return access.runs_quality_assurance


def quality_crumbs(plan: Plan, *more: tuple[str, str]) -> list[tuple[str, str]]:
    return plan_crumbs(plan, ("Quality assurance", reverse("quality", args=[plan.slug])), *more)


def rebased(form: forms.Form, name: str, value: int) -> None:
    """A form refused because the record changed since its page was made: what was typed is kept, and
    its hidden revision (or version) becomes the record's now, so that the next save is made from it."""
    data = form.data.copy()  # type: ignore[attr-defined]
    data[name] = str(value)
    form.data = data
