"""Sending an email: it is recorded in the transaction of what it tells (a change rolled back tells
nobody), under a key naming what it is about, and delivered after that transaction commits through the
mail server the environment configures (Django's SMTP backend; README, "Email").

Delivery claims each email before it hands it to the server and marks it sent after, so an email is
sent at most once: an email the server refused is tried again on the next run of `oversight
send-reminders`; one that was being handed over when the process died is never sent again (it may have
gone) and the command lists it. Every email sent is in the plan's audit log: to whom, what about."""

from __future__ import annotations

import smtplib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from oversight.accounts.models import Membership
from oversight.accounts.people import name_of
from oversight.accounts.roles import Role
from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.notices.kinds import KINDS, Kind, wanted
from oversight.notices.models import Email, EmailChoice

SENDER = Actor("Oversight (email)")
SOURCE = "email"


@dataclass(frozen=True)
class Letter:
    """One email to write: what it is about (its key), to whom, and its words' template and context."""

    key: str
    kind: Kind
    plan_id: int
    user: Any
    subject: str
    template: str  # notices/email/<template>.txt and .html
    context: Mapping[str, object]
    summary: str  # one line for the audit log


def site_address(name: str, *args: object) -> str:
    """A page's full address, for a link in an email (sent without a request to take the host from)."""
    return settings.SITE_URL + reverse(name, args=args)


def one_line(text: str) -> str:
    """A title as one line, for a subject or a sentence."""
    return " ".join(text.split())


_held: list[bool] = []


@contextmanager
def held() -> Iterator[None]:
    """Emails posted inside wait in the outbox for the next `oversight send-reminders` instead of going
    when their transaction commits (the demo's programme, seeded in one go, would send dozens at once)."""
    _held.append(True)
    try:
        yield
    finally:
        _held.pop()


def post(letters: Iterable[Letter], send: bool = True) -> list[Email]:
    """Records each letter to be sent once its transaction commits (or, `send` False, by a later
    deliver()); a letter whose key was posted before, or whose reader has no address or has turned its
    kind off, is not. Returns those recorded."""
    letters = list(letters)
    posted: list[Email] = []
    if not letters:
        return posted
    before = set(Email.objects.filter(key__in=[x.key for x in letters]).values_list("key", flat=True))
    readers = {x.user.pk for x in letters}
    roles: dict[int, list[Role]] = defaultdict(list)
    for user_id, role in Membership.objects.filter(user_id__in=readers).values_list("user_id", "role"):
        roles[user_id].append(Role(role))
    choices = {
        (user_id, kind): chose
        for user_id, kind, chose in EmailChoice.objects.filter(user_id__in=readers).values_list(
            "user_id", "kind", "wanted"
        )
    }
    for letter in letters:
        user = letter.user
        if letter.key in before or not user.is_active or not user.email:
            continue
        if not wanted(letter.kind, roles[user.pk], choices.get((user.pk, letter.kind))):
            continue
        context = {
            "name": name_of(user),
            "emails_url": site_address("your-emails"),  # every email's footer: where to choose them
            **letter.context,
        }
        with transaction.atomic():
            email, created = Email.objects.get_or_create(
                key=letter.key,
                defaults={
                    "kind": letter.kind,
                    "plan_id": letter.plan_id,
                    "user": user,
                    "to": user.email,
                    "subject": letter.subject[:300],
                    "text": render_to_string(f"notices/email/{letter.template}.txt", context),
                    "html": render_to_string(f"notices/email/{letter.template}.html", context),
                    "summary": letter.summary[:500],
                },
            )
        if created:
            posted.append(email)
    if posted and send and not _held:
        ids = [email.pk for email in posted]
        transaction.on_commit(lambda: deliver(ids))
    return posted


@dataclass
class Delivery:
    sent: list[Email] = field(default_factory=list)
    failed: list[Email] = field(default_factory=list)


def deliver(ids: Iterable[int] | None = None) -> Delivery:
    """Sends the emails waiting (these ones, or every one), each claimed before it is handed over."""
    waiting = Email.objects.filter(state__in=[Email.State.WAITING, Email.State.FAILED])
    if ids is not None:
        waiting = waiting.filter(pk__in=list(ids))
    done = Delivery()
    connection = get_connection()
    for pk in waiting.order_by("pk").values_list("pk", flat=True):
        claimed = Email.objects.filter(pk=pk, state__in=[Email.State.WAITING, Email.State.FAILED]).update(
            state=Email.State.SENDING, attempted=timezone.now()
        )
        if not claimed:  # another process has it
            continue
        email = Email.objects.get(pk=pk)
        message = EmailMultiAlternatives(email.subject, email.text, to=[email.to], connection=connection)
        message.attach_alternative(email.html, "text/html")
        try:
            message.send()
        except (smtplib.SMTPException, OSError) as error:
            email.state, email.error = Email.State.FAILED, f"{type(error).__name__}: {error}"[:500]
            email.save(update_fields=["state", "error"])
            done.failed.append(email)
            if not isinstance(error, smtplib.SMTPRecipientsRefused):
                break  # the server is not answering: the rest wait for the next run
            continue
        with transaction.atomic():
            email.state, email.sent, email.error = Email.State.SENT, timezone.now(), ""
            email.save(update_fields=["state", "sent", "error"])
            trail.change(
                email.plan_id, SENDER, SOURCE, Change.Kind.EMAILED, f"email: {KINDS[Kind(email.kind)].label}",
                "", f"to {email.to}: {email.summary}",
            ).save()  # fmt: skip
        done.sent.append(email)
    connection.close()
    return done


def stuck() -> list[Email]:
    """Emails being handed to the server when a process stopped: they may have gone, so they are not
    sent again."""
    return list(Email.objects.filter(state=Email.State.SENDING).order_by("pk"))
