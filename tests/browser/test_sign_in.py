"""Signing in through the sign-in page."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_wrong_password_shows_the_error_summary_and_the_right_one_signs_in(
    pages, browser_plan, visit, submit
):
    page = visit(pages.new(), "/plans/demo/")
    assert page.url.endswith("/sign-in/?next=/plans/demo/")
    assert page.get_by_role("heading", name="Sign in to Oversight").is_visible()

    page.get_by_label("Username").fill("olivia")
    page.get_by_label("Password").fill("not the password")
    submit(page, "Sign in", status=200)
    summary = page.locator(".govuk-error-summary")
    assert summary.get_by_role("heading", name="There is a problem").is_visible()
    assert "correct username and password" in summary.inner_text()
    assert page.title().startswith("Error: ")

    page.get_by_label("Password").fill(PASSWORD)
    submit(page, "Sign in")
    assert page.url.endswith("/plans/demo/")
    assert page.get_by_role("button", name="Sign out olivia").is_visible()
    assert page.locator("h1").inner_text() == "Improvement plan"
