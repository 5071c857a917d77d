"""The people of a plan as forms offer them (an owner, an auditor, a team's manager): everyone active
with a role in it, each by the name the site shows for them."""

from __future__ import annotations

from typing import Any

from oversight.accounts.models import Membership


def name_of(user: Any) -> str:
    """Their full name, or their username when they have none."""
    return user.get_full_name() or user.get_username()


def people_in(plan_id: int) -> dict[str, Any]:
    """By their id as a form sends it."""
    members = Membership.objects.filter(plan_id=plan_id, user__is_active=True).select_related("user")
    return {str(m.user.pk): m.user for m in members}


def choices(people: dict[str, Any]) -> list[tuple[str, str]]:
    """A form's choices of them, by name, whatever its capitals."""
    return sorted(((pk, name_of(user)) for pk, user in people.items()), key=lambda c: c[1].casefold())
