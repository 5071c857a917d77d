"""Signing in and out, and resetting a password: the only pages open to everyone."""

from __future__ import annotations

from django.urls import path

from oversight.accounts import views as accounts

urlpatterns = [
    path("sign-in/", accounts.SignIn.as_view(), name="sign-in"),
    path("sign-out/", accounts.auth.LogoutView.as_view(), name="sign-out"),
    path("password-reset/", accounts.PasswordReset.as_view(), name="password_reset"),
    path("password-reset/sent/", accounts.PasswordResetDone.as_view(), name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirm.as_view(),
        name="password_reset_confirm",
    ),
    path("password-reset/done/", accounts.PasswordResetComplete.as_view(), name="password_reset_complete"),
]
