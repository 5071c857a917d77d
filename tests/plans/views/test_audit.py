"""The audit log lists every change with who, when, old and new, and filters them."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.audit.models import Change
from tests.posted import date_boxes, typed_date

pytestmark = pytest.mark.django_db


def changes_on(page: str) -> int:
    return page.count('<td class="govuk-table__cell app-pre-wrap">') // 2


def test_the_audit_log_shows_the_imports_changes(signed_in) -> None:
    page = signed_in("vic").get("/plans/demo/audit/").content.decode()
    total = Change.objects.count()
    assert f"{total} changes." in page
    assert changes_on(page) == total
    assert "Protocol drafted, not yet agreed." in page  # the RAG import's commentary, with its action


def test_the_audit_log_filters_by_action_field_and_person(signed_in) -> None:
    client = signed_in("vic")
    assert (
        "3 changes." in client.get("/plans/demo/audit/?action=1.1&field=").content.decode()
    )  # added, RAG, commentary
    assert "1 change." in client.get("/plans/demo/audit/?action=1.1&field=RAG").content.decode()
    assert "0 changes." in client.get("/plans/demo/audit/?who=nobody").content.decode()


def test_the_audit_log_filters_by_date_and_explains_a_bad_one(signed_in) -> None:
    client = signed_in("vic")
    assert (
        "0 changes."
        in client.get("/plans/demo/audit/", date_boxes("until", date(2000, 1, 1))).content.decode()
    )
    response = client.get("/plans/demo/audit/", typed_date("since", "31", "13", "2017"))
    assert "The first day must be a real date" in response.content.decode()
    assert b'href="#since-month"' in response.content
