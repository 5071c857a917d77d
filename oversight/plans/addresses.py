"""Whether a plan's short name can be its web address: /plans/<short name>/ must lead to the plan."""

from __future__ import annotations

import re

from django.urls import Resolver404, resolve

SHORT_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,49}")


def short_name_problem(slug: str) -> str | None:
    """Why `slug` cannot name a new plan, or None. 'new' is taken by the page that starts a plan."""
    if not SHORT_NAME.fullmatch(slug):
        return "Enter a short name of lower-case letters, numbers and hyphens, like bromley-2017 (at most 50)"
    try:
        match = resolve(f"/plans/{slug}/")
    except Resolver404:
        match = None
    if match is None or match.url_name != "plan":
        return f"'{slug}' is the address of another page: choose another short name"
    return None
