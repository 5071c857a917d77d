"""What every plan page shares: the navigation for the person's role, breadcrumbs and today's date."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from oversight.accounts.people import name_of
from oversight.accounts.roles import Access, Role
from oversight.audit.actors import Actor
from oversight.plans.models import Plan


def today() -> date:
    return timezone.localdate()


def actor(request: HttpRequest) -> Actor:
    return Actor(name_of(request.user), request.user.pk)


def navigation(plan: Plan, access: Access, current: str) -> list[dict[str, Any]]:
    if not access.can_view:  # a case auditor: their audits, and nothing else of the plan
        return [{"href": reverse("my-audits", args=[plan.slug]), "text": "Your case audits", "current": True}]
    items = [
        ("plan", "Overview", True),
        ("actions", "Actions", True),
        ("my-actions", "My actions", access.role is Role.LEAD),
        ("report", "Exception report", True),
        ("governance", "Governance", True),
        ("scorecard", "Scorecard", True),
        ("caseloads", "Caseloads", True),
        ("quality", "Case audits", True),
        ("import", "Import", access.can_import),
        ("people", "People", access.can_manage_people),
        ("audit", "Audit log", True),
        ("plan-settings", "Settings", access.can_change_settings),
    ]
    return [
        {"href": reverse(name, args=[plan.slug]), "text": text, "current": name == current}
        for name, text, shown in items
        if shown
    ]


def plan_crumbs(plan: Plan, *more: tuple[str, str]) -> list[tuple[str, str]]:
    return [("Plans", reverse("plans")), (plan.title, reverse("plan", args=[plan.slug])), *more]


def render_plan_page(
    request: HttpRequest,
    template: str,
    plan: Plan,
    access: Access,
    current: str,
    context: dict[str, Any],
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        template,
        {"plan": plan, "access": access, "navigation": navigation(plan, access, current), **context},
        status=status,
    )


def seen_number(text: str) -> int:
    """A revision or change id a form sent back; -1 (matching nothing) for anything else."""
    return int(text) if text.isdigit() else -1
