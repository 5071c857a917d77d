"""Signing in and out, and resetting a password. (The People page of a plan, which gives people their
roles, is a plan page: plans/views/people.py.)"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.validators import MaxLengthValidator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from oversight.lib.lengths import too_long


class SignInForm(AuthenticationForm):
    """Django's form gives the username field a maximum length without checking it: an over-long name
    would reach the sign-in records (and PostgreSQL's limit on them) as a failed attempt."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        limit = self.username_field.max_length or 150
        username.validators.append(MaxLengthValidator(limit, too_long("Username", limit)))


class SignIn(auth.LoginView):
    template_name = "accounts/sign_in.html"
    form_class = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = context["form"]
        if form.errors:
            context["form_errors"] = [("username", message) for message in form.non_field_errors()] + [
                (name, message)
                for name, errors in form.errors.items()
                if name != "__all__"
                for message in errors
            ]
        return context


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without its security token (an old page, another tab signed out): the site's own
    page, saying what to do, instead of Django's plain one."""
    return render(request, "csrf_failure.html", {"reason": reason}, status=403)


class ResetForm(PasswordResetForm):
    """Also reaches people added on the People page who have not chosen a password yet (Django's
    own form skips accounts without a usable password)."""

    def get_users(self, email: str) -> Iterator[Any]:
        email_field = get_user_model().get_email_field_name()
        return (
            user
            for user in get_user_model()._default_manager.filter(
                **{f"{email_field}__iexact": email, "is_active": True}
            )
            if _same_address(email, getattr(user, email_field))
        )


def _same_address(one: str, other: str) -> bool:
    """As Django's reset form compares them: the database's iexact can match look-alike characters."""
    return unicodedata.normalize("NFKC", one).casefold() == unicodedata.normalize("NFKC", other).casefold()


class PasswordReset(auth.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = ResetForm
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = context["form"]
        if form.errors:
            context["form_errors"] = [(name, m) for name, errors in form.errors.items() for m in errors]
        return context


class PasswordResetDone(auth.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirm(auth.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = context.get("form")
        if form is not None and form.errors:
            context["form_errors"] = [(name, m) for name, errors in form.errors.items() for m in errors]
        return context


class PasswordResetComplete(auth.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
