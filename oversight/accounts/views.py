"""Signing in and out, and resetting a password. (The People page of a plan, which gives people their
roles, is a plan page: plans/views/people.py.)"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from oversight.accounts.forms import NewPasswordForm, ResetForm, SignInForm
from oversight.govuk.forms import error_summary


class SignIn(auth.LoginView):
    template_name = "accounts/sign_in.html"
    form_class = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return _with_error_summary(super().get_context_data(**kwargs))


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
