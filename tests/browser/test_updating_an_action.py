"""A lead updates their action's monthly status and adds evidence to it."""

from __future__ import annotations

import pytest
from django.utils import timezone

from oversight.plans.models import Evidence, StatusRecord

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + b"%%EOF\n"


def test_a_lead_updates_a_red_action_with_commentary_and_attaches_evidence(
    sign_in, visit, submit, follow, tmp_path
):
    page = sign_in("lee")
    visit(page, "/plans/demo/actions/1.1/")
    follow(page, "Update status")
    assert page.get_by_label("Red", exact=True).is_checked()

    page.get_by_label("Commentary").fill("")
    submit(page, "Save status", status=400)
    summary = page.locator(".govuk-error-summary")
    assert summary.get_by_role("link", name="Enter commentary: it is needed for a Red status").is_visible()
    assert page.locator("#commentary-error").is_visible()

    page.get_by_label("Amber", exact=True).check()
    page.get_by_label("Commentary").fill("Protocol agreed by the board; published in March.")
    submit(page, "Save status")
    assert page.url.endswith("/plans/demo/actions/1.1/")
    assert "Action 1.1 is now Amber." in page.locator(".govuk-notification-banner").inner_text()
    latest = page.locator(".app-timeline__item").first
    today = timezone.localdate()
    assert latest.get_by_role("heading").inner_text() == f"Amber as at {today.day} {today:%B %Y}"
    assert "By Lee" in latest.inner_text()
    assert "Protocol agreed by the board; published in March." in latest.inner_text()

    follow(page, "Add evidence")
    submit(page, "Add evidence", status=400)
    assert (
        page.locator(".govuk-error-summary").get_by_role("link", name="Choose a file to upload").is_visible()
    )

    page.get_by_label("Title").fill("Governance protocol, agreed")
    page.get_by_label("File", exact=True).set_input_files(
        files=[{"name": "governance-protocol.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    submit(page, "Add evidence")
    assert page.url.endswith("/plans/demo/actions/1.1/")
    assert "Evidence added to action 1.1." in page.locator(".govuk-notification-banner").inner_text()
    listed = page.get_by_role("link", name="Governance protocol, agreed")
    assert "(governance-protocol.pdf, added by Lee" in page.locator("li", has=listed).inner_text()
    with page.expect_download() as download:
        listed.click()
    assert download.value.path().read_bytes() == PDF

    stored = StatusRecord.objects.filter(action__action_id="1.1").order_by("-id").first()
    assert (stored.rag, stored.actor, stored.source) == ("A", "Lee", "website")
    assert Evidence.objects.get(action__action_id="1.1").file_name == "governance-protocol.pdf"
