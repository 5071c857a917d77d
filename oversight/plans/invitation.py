"""The invitation a person new to Oversight gets when given a role: a link to choose their own password
(no password is ever emailed), posted in the transaction that gives the role and in the audit log."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from oversight.notices.kinds import Kind
from oversight.notices.sending import Letter, one_line, post
from oversight.plans.models import Plan


def invite(plan: Plan, user: Any, address_of: Callable[[str], str]) -> None:
    """`address_of` makes a path into a full address (the request's build_absolute_uri)."""
    link = address_of(
        reverse(
            "password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    )
    title = one_line(plan.title)
    post(
        [
            Letter(
                f"invitation:{plan.pk}:{user.pk}",
                Kind.INVITATION,
                plan.pk,
                user,
                "You are invited to Oversight",
                "invitation",
                {
                    "title": title,
                    "username": user.get_username(),
                    "link": link,
                },
                f"invitation to {title} (a link to choose a password)",
            )
        ]
    )
