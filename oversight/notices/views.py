"""The "Your emails" page: which emails a person gets, those their role needs and those they choose."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from oversight.govuk.forms import error_summary
from oversight.notices.choices import choose, chosen, optional_kinds, required_kinds
from oversight.notices.forms import EmailChoiceForm
from oversight.notices.kinds import Kind


def your_emails(request: HttpRequest) -> HttpResponse:
    user = request.user
    optional = optional_kinds(user)
    form = EmailChoiceForm(
        request.POST if request.method == "POST" else None, optional=optional, chosen=chosen(user)
    )
    if form.is_valid():
        changed = choose(user, {Kind(k) for k in form.cleaned_data["kinds"]})
        messages.success(request, "Your choice is saved." if changed else "Nothing was changed.")
        return redirect("your-emails")
    return render(
        request,
        "notices/your_emails.html",
        {
            "form": form,
            "form_errors": error_summary(form),
            "required": required_kinds(user),
            "optional": optional,
            "address": getattr(user, "email", ""),
        },
        status=400 if form.errors else 200,
    )
