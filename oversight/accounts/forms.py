"""The forms of signing in, resetting a password, and the people in a plan with their roles."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, validate_email
from django.utils.html import format_html

from oversight.accounts.models import Membership
from oversight.accounts.roles import ROLE_DESCRIPTIONS, ROLE_LABELS, Access, Role
from oversight.govuk import forms as govuk
from oversight.lib.lengths import limit_of, too_long

NOT_AN_ADDRESS = "Enter an email address in the right format, like name@council.gov.uk"


class SignInForm(govuk.GovUKFormMixin, AuthenticationForm):
    """Django's form gives the username field a maximum length without checking it: an over-long name
    would reach the sign-in records (and PostgreSQL's limit on them) as a failed attempt. A refusal is
    shown at the username, where the person starts again."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        username, password = self.fields["username"], self.fields["password"]
        limit = self.username_field.max_length or 150
        username.validators.append(MaxLengthValidator(limit, too_long("Username", limit)))
        username.label, password.label = "Username", "Password"
        username.widget = govuk.TextInput(attrs={"autocomplete": "username", "spellcheck": "false"})
        password.widget = govuk.PasswordInput(attrs={"autocomplete": "current-password"})

    def clean(self) -> dict[str, Any]:
        try:
            return super().clean()
        except ValidationError as refused:
            self.add_error("username", refused)
            return self.cleaned_data


class ResetForm(govuk.GovUKFormMixin, PasswordResetForm):
    """Also reaches people added on the People page who have not chosen a password yet (Django's
    own form skips accounts without a usable password)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.label = "Email address"
        email.error_messages |= {"required": NOT_AN_ADDRESS, "invalid": NOT_AN_ADDRESS}
        email.widget = govuk.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"})

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


class NewPasswordForm(govuk.GovUKFormMixin, SetPasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        first, second = self.fields["new_password1"], self.fields["new_password2"]
        first.label, second.label = "New password", "Confirm the new password"
        first.help_text = "At least 12 characters, not a common password, not only numbers"
        first.widget = govuk.PasswordInput(attrs={"autocomplete": "new-password"})
        second.widget = govuk.PasswordInput(attrs={"autocomplete": "new-password"})


def person(email: str) -> Any:
    """The account an email address names, if there is one."""
    return get_user_model().objects.filter(email__iexact=email).order_by("pk").first()


class PersonForm(govuk.GovUKForm):
    """Adding someone to the plan with a role (or changing the role of someone already in it)."""

    name = govuk.TextField(
        label="Full name",
        required=False,
        widget=govuk.TextInput(width="one-half", attrs={"autocomplete": "off"}),
    )
    email = govuk.TextField(
        label="Email address",
        help_text="Someone new gets an email with a link to choose their password",
        error_messages={"required": NOT_AN_ADDRESS},
        widget=govuk.EmailInput(width="one-half", attrs={"spellcheck": "false", "autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label="Role",
        choices=[(r.value, r.label) for r in Role],
        error_messages={"required": "Select a role", "invalid_choice": "Select a role"},
        widget=govuk.Radios(small=True, hints={r.value: ROLE_DESCRIPTIONS[r] for r in Role}),
    )
    leads = govuk.TextField(
        label="For an action lead: the names in the plan's Lead column they answer for",
        help_text="Separated by commas, for example “HOS CLA, PSW”",
        required=False,
        widget=govuk.TextInput(width="one-half"),
    )

    def __init__(self, plan: Any, access: Access, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan, self.access = plan, access
        users = get_user_model()
        limits = {
            "name": ("Full name", limit_of(users, "first_name")),
            "email": ("Email address", min(limit_of(users, "username"), limit_of(users, "email"))),
            "leads": ("Lead names", limit_of(Membership, "leads")),
        }
        for name, (label, limit) in limits.items():
            self.fields[name].validators.append(MaxLengthValidator(limit, too_long(label, limit)))
        # only the roles this person may give are offered; any other is refused in their words
        self.fields["role"].widget.choices = [(r.value, r.label) for r in Role if access.can_grant(r)]

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"]
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(NOT_AN_ADDRESS) from None
        existing = self.membership()
        if existing is not None and not self.access.can_grant(Role(existing.role)):
            # adding someone who already has a role changes it: the same rule as changing it on the list
            raise ValidationError(
                f"{email} is {ROLE_LABELS[Role(existing.role)]} in this plan: only an administrator"
                " can change an administrator's role"
            )
        return email

    def clean_role(self) -> str:
        role: str = self.cleaned_data["role"]
        if not self.access.can_grant(Role(role)):
            raise ValidationError("Only an administrator can make someone an administrator")
        return role

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("role") == Role.LEAD and not data.get("leads") and "leads" not in self.errors:
            self.add_error("leads", "Enter the names in the plan's Lead column this person answers for")
        return data

    def membership(self) -> Membership | None:
        """The role the person already has in the plan, if they have one."""
        email = self.cleaned_data.get("email") or ""
        found = person(email) if email else None
        return Membership.objects.filter(plan=self.plan, user=found).first() if found else None


class RoleForm(govuk.GovUKForm):
    """A person's role and lead names, on their row of the People page."""

    role = forms.ChoiceField(label="Role", choices=[(r.value, r.label) for r in Role], widget=govuk.Select())
    leads = govuk.TextField(label="Leads as", required=False, widget=govuk.TextInput(width="20"))

    def __init__(self, membership: Membership, access: Access, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"%s-{membership.pk}")
        kwargs.setdefault("initial", {"role": membership.role, "leads": membership.leads})
        super().__init__(*args, **kwargs)
        self.membership = membership
        who = membership.user.get_username()
        grantable = [(r.value, r.label) for r in Role if access.can_grant(r)]
        self.fields["role"].choices = grantable  # type: ignore[attr-defined]
        self.fields["role"].label = format_html('Role<span class="govuk-visually-hidden"> of {}</span>', who)
        leads = self.fields["leads"]
        leads.label = format_html('Leads as<span class="govuk-visually-hidden"> ({})</span>', who)
        limit = limit_of(Membership, "leads")
        leads.validators.append(MaxLengthValidator(limit, too_long("Lead names", limit)))
