"""Signing in and out, and resetting a password. (The People page of a plan, which gives people their
roles, is a plan page: plans/views/people.py.)"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from oversight.accounts.forms import NewPasswordForm, ResetForm, SignInForm
from oversight.accounts.models import Membership
from oversight.accounts.roles import Role
from oversight.govuk.forms import error_summary


class SignIn(auth.LoginView):
    template_name = "accounts/sign_in.html"
    form_class = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return _with_error_summary(super().get_context_data(**kwargs))

    def get_default_redirect_url(self) -> str:
        """An action lead of one plan lands on the actions they lead, a case auditor of one plan on their
        audits; everyone else on the plans."""
        memberships = Membership.objects.filter(user_id=self.request.user.pk or 0)
        roles = list(memberships.values_list("plan__slug", "role")[:2])
        if len(roles) == 1 and roles[0][1] == Role.LEAD:
            return reverse("my-actions", args=[roles[0][0]])
        if len(roles) == 1 and roles[0][1] == Role.AUDITOR:
            return reverse("my-audits", args=[roles[0][0]])
        return super().get_default_redirect_url()


def _with_error_summary(context: dict[str, Any]) -> dict[str, Any]:
    return context | {"form_errors": error_summary(context.get("form"))}


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without its security token (an old page, another tab signed out): the site's own
    page, saying what to do, instead of Django's plain one."""
    return render(request, "csrf_failure.html", {"reason": reason}, status=403)


class PasswordReset(auth.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = ResetForm
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return _with_error_summary(super().get_context_data(**kwargs))


class PasswordResetDone(auth.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirm(auth.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = NewPasswordForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return _with_error_summary(super().get_context_data(**kwargs))


class PasswordResetComplete(auth.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
