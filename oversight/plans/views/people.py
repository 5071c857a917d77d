"""The People page of a plan: the people with a role in it, adding someone by email address (someone new
gets an email with a link to choose their password), changing a role, removing someone."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from oversight.accounts.models import Membership
from oversight.accounts.roles import ROLE_DESCRIPTIONS, ROLE_LABELS, Access, Role
from oversight.accounts.views import ResetForm
from oversight.audit import trail
from oversight.audit.models import Change
from oversight.lib.lengths import length_problems, limit_of, too_long
from oversight.plans.access import plan_page
from oversight.plans.models import Plan
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page


def _manages_people(access: Access) -> bool:
    return access.can_manage_people


def _record(plan: Plan, request: HttpRequest, kind: str, who: str, old: str, new: str) -> None:
    trail.record(plan.pk, actor(request), f"people: {who}", kind, "role", old, new)


def _describe(role: str, leads: str) -> str:
    return ROLE_LABELS[Role(role)] + (f" (leads as {leads})" if leads else "")


def _lengths() -> dict[str, tuple[str, int]]:
    """A person's name goes into their first and last names, their email address is their username."""
    users = get_user_model()
    return {
        "name": ("Full name", limit_of(users, "first_name")),
        "email": ("Email address", min(limit_of(users, "username"), limit_of(users, "email"))),
        "leads": ("Lead names", limit_of(Membership, "leads")),
    }


@plan_page(_manages_people)
def people(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    values = {"name": "", "email": "", "role": "", "leads": ""}
    problems: dict[str, str] = {}
    if request.method == "POST":
        values = {name: request.POST.get(name, "").strip() for name in values}
        problems = _add_problems(values, access, _membership_of(plan, values["email"]))
        problems |= length_problems(values, _lengths())
        if not problems:
            _add_person(request, plan, access, values)
            messages.success(
                request, f"{values['name'] or values['email']} is now {ROLE_LABELS[Role(values['role'])]}."
            )
            return redirect("people", plan.slug)
    return _people_page(request, plan, access, values, problems)


def _people_page(
    request: HttpRequest, plan: Plan, access: Access, values: dict[str, str], problems: dict[str, str]
) -> HttpResponse:
    return render_plan_page(
        request,
        "accounts/people.html",
        plan,
        access,
        "people",
        {
            "crumbs": plan_crumbs(plan),
            "rows": [
                (m, access.can_grant(Role(m.role)), ROLE_LABELS[Role(m.role)], problems.get(f"leads-{m.pk}"))
                for m in Membership.objects.filter(plan=plan).select_related("user")
            ],
            "roles": [(r.value, r.label, ROLE_DESCRIPTIONS[r]) for r in Role if access.can_grant(r)],
            "values": values,
            "problems": problems,
            "form_errors": list(problems.items()),
        },
        status=400 if problems else 200,
    )


def _person(email: str) -> Any:
    """The account an email address names, if there is one."""
    return get_user_model().objects.filter(email__iexact=email).order_by("pk").first()


def _membership_of(plan: Plan, email: str) -> Membership | None:
    person = _person(email) if email else None
    return Membership.objects.filter(plan=plan, user=person).first() if person else None


def _add_problems(values: dict[str, str], access: Access, existing: Membership | None) -> dict[str, str]:
    problems = {}
    try:
        validate_email(values["email"])
    except ValidationError:
        problems["email"] = "Enter an email address in the right format, like name@council.gov.uk"
    if existing is not None and not access.can_grant(Role(existing.role)):
        # adding someone who already has a role changes it: the same rule as changing it on the list
        problems["email"] = (
            f"{values['email']} is {ROLE_LABELS[Role(existing.role)]} in this plan: only an administrator"
            " can change an administrator's role"
        )
    if values["role"] not in {r.value for r in Role}:
        problems["role"] = "Select a role"
    elif not access.can_grant(Role(values["role"])):
        problems["role"] = "Only an administrator can make someone an administrator"
    if values["role"] == Role.LEAD and not values["leads"]:
        problems["leads"] = "Enter the names in the plan's Lead column this person answers for"
    return problems


def _add_person(request: HttpRequest, plan: Plan, access: Access, values: dict[str, str]) -> None:
    users = get_user_model()
    email = values["email"].lower()
    with transaction.atomic():
        user = _person(email)
        created = user is None
        if user is None:
            first, _, last = values["name"].partition(" ")
            user = users.objects.create_user(username=email, email=email, first_name=first, last_name=last)
            user.set_unusable_password()
            user.save()
        membership = Membership.objects.select_for_update().filter(plan=plan, user=user).first()
        old = ""
        if membership is None:
            membership = Membership(plan=plan, user=user)
        else:
            if not access.can_grant(Role(membership.role)):
                raise PermissionDenied("Only an administrator can change an administrator's role")
            old = _describe(membership.role, membership.leads)
        new = membership.pk is None
        membership.role, membership.leads = values["role"], values["leads"]
        membership.save()
        _record(
            plan,
            request,
            Change.Kind.ADDED if new else Change.Kind.CHANGED,
            user.get_username(),
            old,
            _describe(membership.role, membership.leads),
        )
    if created:
        # a new person sets their own password through the reset link: no password is ever emailed
        form = ResetForm({"email": email})
        if form.is_valid():
            form.save(
                request=request,
                email_template_name="accounts/welcome_email.txt",
                subject_template_name="accounts/welcome_subject.txt",
                extra_email_context={"plan_title": plan.title},
            )


@require_POST
@plan_page(_manages_people)
def change_role(request: HttpRequest, plan: Plan, access: Access, pk: int) -> HttpResponse:
    membership = get_object_or_404(Membership.objects.select_related("user"), plan=plan, pk=pk)
    if not access.can_grant(Role(membership.role)):
        raise PermissionDenied("Only an administrator can change an administrator's role")
    who = membership.user.get_username()
    old = _describe(membership.role, membership.leads)
    if request.POST.get("remove"):
        membership.delete()
        _record(plan, request, Change.Kind.REMOVED, who, old, "")
        messages.success(request, f"{who} no longer has a role in this plan.")
        return redirect("people", plan.slug)
    role = request.POST.get("role", "")
    if role not in {r.value for r in Role} or not access.can_grant(Role(role)):
        raise PermissionDenied("That role cannot be given")
    leads = request.POST.get("leads", "").strip()
    label, limit = _lengths()["leads"]
    if len(leads) > limit:
        blank = {"name": "", "email": "", "role": "", "leads": ""}
        return _people_page(request, plan, access, blank, {f"leads-{membership.pk}": too_long(label, limit)})
    membership.role = role
    membership.leads = leads
    membership.save(update_fields=["role", "leads"])
    _record(plan, request, Change.Kind.CHANGED, who, old, _describe(role, membership.leads))
    messages.success(request, f"{who} is now {ROLE_LABELS[Role(role)]}.")
    return redirect("people", plan.slug)
