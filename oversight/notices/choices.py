"""A person's choice of emails: what their roles require them to get, and what they may turn off."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from oversight.accounts.models import Membership
from oversight.accounts.roles import Role
from oversight.notices.kinds import CHOOSABLE, Kind, KindOfEmail, required, wanted
from oversight.notices.models import EmailChoice


def roles_of(user: Any) -> list[Role]:
    return [Role(r) for r in Membership.objects.filter(user=user).values_list("role", flat=True)]


def required_kinds(user: Any) -> list[KindOfEmail]:
    roles = roles_of(user)
    return [k for k in CHOOSABLE if required(k.kind, roles)]


def optional_kinds(user: Any) -> list[KindOfEmail]:
    roles = roles_of(user)
    return [k for k in CHOOSABLE if not required(k.kind, roles)]


def chosen(user: Any) -> set[Kind]:
    """The kinds of email this person gets."""
    roles = roles_of(user)
    choices = dict(EmailChoice.objects.filter(user=user).values_list("kind", "wanted"))
    return {k.kind for k in CHOOSABLE if wanted(k.kind, roles, choices.get(k.kind))}


def choose(user: Any, wanted_kinds: set[Kind]) -> list[str]:
    """Records the person's choice for each kind they may turn off; returns the labels that changed."""
    before = chosen(user)
    changed = []
    with transaction.atomic():
        for k in optional_kinds(user):
            want = k.kind in wanted_kinds
            EmailChoice.objects.update_or_create(user=user, kind=k.kind, defaults={"wanted": want})
            if want != (k.kind in before):
                changed.append(k.label)
    return changed
