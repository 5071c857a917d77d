"""The People page of a plan: the people with a role in it, adding someone by email address (someone new
gets an email with a link to choose their password), changing a role, removing someone."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from oversight.accounts.forms import PersonForm, RoleForm, person
from oversight.accounts.models import Membership
from oversight.accounts.roles import ROLE_LABELS, Access, Role
from oversight.audit import trail
from oversight.audit.models import Change
from oversight.govuk.forms import error_summary
from oversight.plans.access import plan_page
from oversight.plans.invitation import invite
from oversight.plans.models import Plan
from oversight.plans.views.common import actor, plan_crumbs, render_plan_page


def _manages_people(access: Access) -> bool:
    return access.can_manage_people


def _record(plan: Plan, request: HttpRequest, kind: str, who: str, old: str, new: str) -> None:
    trail.record(plan.pk, actor(request), f"people: {who}", kind, "role", old, new)


def _describe(role: str, leads: str) -> str:
    return ROLE_LABELS[Role(role)] + (f" (leads as {leads})" if leads else "")


@plan_page(_manages_people)
def people(request: HttpRequest, plan: Plan, access: Access) -> HttpResponse:
    form = PersonForm(plan, access, request.POST if request.method == "POST" else None)
    if form.is_valid():
        _add_person(request, plan, access, form)
        added = form.cleaned_data["name"] or form.cleaned_data["email"]
        messages.success(request, f"{added} is now {ROLE_LABELS[Role(form.cleaned_data['role'])]}.")
        return redirect("people", plan.slug)
    return _people_page(request, plan, access, form)


def _people_page(
    request: HttpRequest, plan: Plan, access: Access, form: PersonForm, refused: RoleForm | None = None
) -> HttpResponse:
    rows = [
        (m, access.can_grant(Role(m.role)), ROLE_LABELS[Role(m.role)], _row_form(m, access, refused))
        for m in Membership.objects.filter(plan=plan).select_related("user")
    ]
    return render_plan_page(
        request,
        "accounts/people.html",
        plan,
        access,
        "people",
        {
            "crumbs": plan_crumbs(plan),
            "rows": rows,
            "form": form,
            "form_errors": error_summary(form, refused),
        },
        status=400 if form.errors or refused else 200,
    )


def _row_form(membership: Membership, access: Access, refused: RoleForm | None) -> RoleForm | None:
    if not access.can_grant(Role(membership.role)):
        return None
    if refused is not None and refused.membership.pk == membership.pk:
        return refused
    return RoleForm(membership, access)


def _add_person(request: HttpRequest, plan: Plan, access: Access, form: PersonForm) -> None:
    users = get_user_model()
    values = form.cleaned_data
    email = values["email"].lower()
    with transaction.atomic():
        user = person(email)
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
            invite(plan, user, request.build_absolute_uri)


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
    form = RoleForm(membership, access, request.POST)
    if not form.is_valid():
        if "role" in form.errors:
            raise PermissionDenied("That role cannot be given")
        return _people_page(request, plan, access, PersonForm(plan, access), form)
    role = form.cleaned_data["role"]
    membership.role = role
    membership.leads = form.cleaned_data["leads"]
    membership.save(update_fields=["role", "leads"])
    _record(plan, request, Change.Kind.CHANGED, who, old, _describe(role, membership.leads))
    messages.success(request, f"{who} is now {ROLE_LABELS[Role(role)]}.")
    return redirect("people", plan.slug)
