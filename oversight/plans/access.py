"""Who may open a plan's pages: a person's access to a plan from their role in it, and the decorator that
guards every plan page with it."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404

from oversight.accounts.models import Membership
from oversight.accounts.roles import ADMINISTRATOR_ACCESS, NO_ACCESS, Access, Role
from oversight.plans.models import Plan

View = Callable[..., HttpResponseBase]


def access_to(user: Any, plan: Plan) -> Access:
    if not user.is_authenticated or not user.is_active:
        return NO_ACCESS
    if user.is_superuser:
        return ADMINISTRATOR_ACCESS
    membership = Membership.objects.filter(plan=plan, user=user).values_list("role", "leads").first()
    return Access.of(*membership) if membership else NO_ACCESS


def plan_page(
    rule: Callable[[Access], bool] | None = None, *, auditors: bool = False
) -> Callable[[View], View]:
    """Loads the plan named in the URL; someone with no role in it gets 404, as if it did not exist,
    and someone whose role does not satisfy `rule` gets 403. A case auditor sees only the pages that
    say `auditors` (their audits); the others are as if the plan did not exist."""

    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponseBase:
            plan = get_object_or_404(Plan, slug=slug)
            access = access_to(request.user, plan)
            if not (access.can_view or (auditors and access.role is Role.AUDITOR)):
                raise Http404("No such plan")
            if rule is not None and not rule(access):
                raise PermissionDenied("Your role in this plan does not allow this")
            return view(request, plan, access, *args, **kwargs)

        return guarded

    return decorate


def plans_for(user: Any) -> list[tuple[Plan, Access]]:
    if user.is_superuser:
        return [(plan, ADMINISTRATOR_ACCESS) for plan in Plan.objects.order_by("title")]
    memberships = Membership.objects.filter(user=user).select_related("plan").order_by("plan__title")
    return [(m.plan, Access.of(m.role, m.leads)) for m in memberships]
