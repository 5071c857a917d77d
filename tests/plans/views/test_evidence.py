"""Adding evidence on the website: files checked and kept privately, links, downloads, removal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from oversight.audit.models import Change
from oversight.plans.models import Evidence

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
URL = "/plans/demo/actions/1.1/evidence/"


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def stored_files(private_files: Path) -> list[Path]:
    folder = private_files / "evidence"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_a_lead_adds_a_pdf_to_their_action_kept_outside_the_static_files(signed_in, private_files) -> None:
    response = signed_in("lee").post(
        URL, {"kind": "file", "title": "Signed protocol", "file": upload("p.pdf", PDF)}
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert (evidence.title, evidence.file_name, evidence.content_type, evidence.size) == (
        "Signed protocol",
        "p.pdf",
        "application/pdf",
        len(PDF),
    )
    [stored] = stored_files(private_files)
    assert stored.read_bytes() == PDF and stored.name == evidence.stored_name and "pdf" not in stored.name
    change = Change.objects.get(field="evidence")
    assert (change.kind, change.actor, change.new_value) == ("added", "Lee", "Signed protocol (p.pdf)")


def test_evidence_is_downloaded_by_anyone_who_can_see_the_plan_and_no_one_else(signed_in) -> None:
    signed_in("lee").post(URL, {"kind": "file", "title": "", "file": upload("p.pdf", PDF)})
    evidence = Evidence.objects.get()
    url = f"{URL}{evidence.pk}/"
    response = signed_in("vic").get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"] == 'attachment; filename="p.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert signed_in("nora").get(url).status_code == 404


def test_evidence_is_only_found_under_its_own_action(signed_in) -> None:
    signed_in("lee").post(URL, {"kind": "file", "title": "", "file": upload("p.pdf", PDF)})
    evidence = Evidence.objects.get()
    assert signed_in("vic").get(f"/plans/demo/actions/2.1/evidence/{evidence.pk}/").status_code == 404


def test_a_link_is_evidence_too(signed_in) -> None:
    link = "https://intranet.council.example/audit"
    response = signed_in("lee").post(URL, {"kind": "link", "title": "Audit", "url": link})
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    page = signed_in("vic").get(f"{URL}{evidence.pk}/")
    assert page.status_code == 200  # a page saying where the link goes, never a redirect
    html = page.content.decode()
    assert "You are leaving Oversight" in html and "intranet.council.example" in html
    assert re.search(rf'<a href="{re.escape(link)}" class="govuk-button"[^>]*rel="noopener noreferrer', html)


def test_a_link_to_anywhere_is_shown_before_anyone_follows_it(signed_in) -> None:
    link = "https://evil.example/login?next=<script>alert(1)</script>"
    signed_in("olivia").post(URL, {"kind": "link", "title": "Minutes", "url": link})
    evidence = Evidence.objects.get()
    page = signed_in("bob").get(f"{URL}{evidence.pk}/")
    assert page.status_code == 200 and "Location" not in page
    html = page.content.decode()
    assert "<strong>evil.example</strong>" in html
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "file"}, "Choose a file to upload"),
        ({"kind": "file", "file": ("run.exe", b"MZ\x90")}, "not a type of file Oversight accepts"),
        (
            {"kind": "file", "file": ("fake.pdf", b"MZ\x90 executable")},
            "its content is not a file of that type",
        ),
        ({"kind": "file", "file": ("empty.pdf", b"")}, "is empty"),
        ({"kind": "link", "url": ""}, "Enter the link to the evidence"),
        ({"kind": "link", "url": "javascript:alert(1)"}, "starts with https://"),
        ({"kind": "link", "url": "file:///etc/passwd"}, "starts with https://"),
    ],
)
def test_refused_uploads_say_why_and_keep_nothing(signed_in, private_files, data, message) -> None:
    if "file" in data:
        data = {**data, "file": upload(*data["file"])}
    response = signed_in("lee").post(URL, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert b"There is a problem" in response.content
    assert Evidence.objects.count() == 0
    assert stored_files(private_files) == []


def test_a_file_over_the_size_limit_is_refused(signed_in, private_files, settings) -> None:
    settings.EVIDENCE_MAX_BYTES = 1024
    big = PDF + b"0" * 2048
    response = signed_in("lee").post(URL, {"kind": "file", "file": upload("big.pdf", big)})
    assert response.status_code == 400
    assert "the largest file allowed is 1 KB" in response.content.decode()
    assert stored_files(private_files) == []


def test_the_lead_who_added_evidence_removes_it_and_the_file_goes_once_committed(
    signed_in, private_files, django_capture_on_commit_callbacks
) -> None:
    signed_in("lee").post(URL, {"kind": "file", "title": "Draft", "file": upload("d.pdf", PDF)})
    evidence = Evidence.objects.get()
    assert signed_in("lara").post(f"{URL}{evidence.pk}/remove/").status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        assert signed_in("lee").post(f"{URL}{evidence.pk}/remove/").status_code == 302
    assert Evidence.objects.count() == 0
    assert stored_files(private_files) == []
    removed = Change.objects.get(kind="removed")
    assert (removed.field, removed.old_value) == ("evidence", "Draft (d.pdf)")


def test_a_board_member_verifies_evidence_and_the_audit_trail_says_who(signed_in) -> None:
    signed_in("lee").post(URL, {"kind": "link", "title": "Minutes", "url": "https://x.org/minutes"})
    evidence = Evidence.objects.get()
    for username in ("lee", "vic"):
        assert signed_in(username).post(f"{URL}{evidence.pk}/verify/").status_code == 403
    assert Evidence.objects.get().verified is None
    assert signed_in("bob").post(f"{URL}{evidence.pk}/verify/").status_code == 302
    evidence.refresh_from_db()
    assert evidence.verified is not None and evidence.verified_by == "Bob"
    change = Change.objects.get(field="evidence verified")
    assert (change.actor, change.new_value) == ("Bob", "Minutes (https://x.org/minutes)")
    page = signed_in("vic").get("/plans/demo/actions/1.1/").content.decode()
    assert "Verified</strong>" in page and "by Bob" in page
