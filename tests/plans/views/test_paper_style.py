"""How the plan's papers look: an administrator sets a font, the council's logo and its own Word
template; each is checked, audited and used by every paper the plan downloads."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from docx import Document
from docx.oxml.ns import qn

from oversight.audit.models import Change
from oversight.lib.months import iso_month, month_of
from oversight.lib.word import saved
from oversight.plans.models import PaperStyle, Plan
from tests import parsed
from tests.lib.test_word import council_template, png
from tests.papers import check_paper
from tests.pdfs import read_pdf

pytestmark = pytest.mark.django_db

URL = "/plans/demo/settings/papers/"
MONTH = iso_month(month_of(timezone.localdate()))  # the small plan has a report for this month
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def upload(name: str, content: bytes, kind: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=kind)


def save(client, **fields):  # type: ignore[no-untyped-def]
    revision = PaperStyle.objects.filter(plan__slug="demo").values_list("revision", flat=True).first() or 0
    return client.post(URL, {"font": "Arial", "revision": str(revision), **fields})


def test_an_administrator_sets_the_font_logo_and_template_and_the_audit_log_says_so(signed_in) -> None:
    client = signed_in("alice")
    revision = Plan.objects.get(slug="demo").revision
    response = save(
        client,
        font="Verdana",
        logo=upload("crest.png", png(), "image/png"),
        template=upload("committee.docx", council_template()),
    )
    assert response.status_code == 302 and response["Location"] == URL
    style = PaperStyle.objects.get(plan__slug="demo")
    assert (style.font, style.logo_name, style.template_name, style.revision) == (
        "Verdana",
        "crest.png",
        "committee.docx",
        1,
    )
    assert Plan.objects.get(slug="demo").revision == revision + 1  # no stored paper keeps the old look
    changes = {
        c.field: (c.old_value, c.new_value, c.actor) for c in Change.objects.filter(source="paper style")
    }
    assert changes["paper font"] == ("Arial", "Verdana", "Alice")
    assert changes["paper logo"][0] == "none" and changes["paper logo"][1].startswith("crest.png (")
    assert changes["paper template"][1].startswith("committee.docx (")
    page = parsed.visible_text(client.get(URL))
    assert "crest.png" in page and "committee.docx" in page
    assert "Saved the font, the logo, the template." in page


def test_the_exception_reports_papers_use_the_look(signed_in) -> None:
    client = signed_in("alice")
    save(
        client,
        font="Verdana",
        logo=upload("crest.png", png(), "image/png"),
        template=upload("committee.docx", council_template()),
    )
    word = client.get(f"/plans/demo/report/{MONTH}.docx")
    assert word.status_code == 200 and word["Content-Type"] == WORD
    doc = Document(io.BytesIO(word.content))
    assert doc.paragraphs[0].text.startswith(
        "Report to: Children's Services Committee. Title: Improvement plan"
    )
    assert doc.paragraphs[0].style.name == "Committee Body"  # the council's own style
    assert [p.text for p in doc.sections[0].header.paragraphs] == ["OFFICIAL"]
    pdf = read_pdf(client.get(f"/plans/demo/report/{MONTH}.pdf").content)
    assert any("Verdana" in font["name"] or "Liberation" in font["name"] for font in pdf.fonts)


def test_without_a_template_the_paper_has_the_logo_and_font(signed_in) -> None:
    client = signed_in("alice")
    save(client, font="Tahoma", logo=upload("crest.png", png(), "image/png"))
    paper = check_paper(client.get(f"/plans/demo/report/{MONTH}.docx").content)
    assert paper.doc.styles["Normal"].element.rPr.rFonts.get(qn("w:ascii")) == "Tahoma"
    assert len(paper.doc.sections[0].header._element.findall(".//" + qn("w:drawing"))) == 1


def test_the_logo_and_template_are_removed(signed_in) -> None:
    client = signed_in("alice")
    save(client, logo=upload("crest.png", png(), "image/png"), template=upload("c.docx", council_template()))
    save(client, remove_logo="on", remove_template="on")
    style = PaperStyle.objects.get(plan__slug="demo")
    assert (bytes(style.logo), style.logo_name, bytes(style.template), style.template_name) == (
        b"",
        "",
        b"",
        "",
    )
    check_paper(client.get(f"/plans/demo/report/{MONTH}.docx").content)


@pytest.mark.parametrize(
    ("field", "content", "message"),
    [
        ("logo", b"GIF89a not a logo", "The logo must be a PNG or JPEG picture"),
        ("logo", png()[:8] + b"\0" * (1024 * 1024 + 10), "it may be up to 1 MB"),
        ("template", b"%PDF-1.7", "The file is not a Word document"),
        ("template", "a UTF-16 text".encode("utf-16"), "The file is not a Word document"),
    ],
)
def test_a_file_that_is_not_a_logo_or_template_is_refused_and_nothing_changes(
    signed_in, field, content, message
) -> None:
    client = signed_in("alice")
    response = save(client, font="Verdana", **{field: upload("given.bin", content)})
    assert response.status_code == 400
    assert message in parsed.visible_text(response)
    assert not PaperStyle.objects.exists() and not Change.objects.filter(source="paper style").exists()


def test_a_font_not_on_the_list_is_refused(signed_in) -> None:
    response = save(signed_in("alice"), font='Arial"; } body { display: none')
    assert response.status_code == 400 and not PaperStyle.objects.exists()


def test_a_save_from_a_page_opened_before_someone_elses_save_is_refused(signed_in) -> None:
    client = signed_in("alice")
    save(client, font="Verdana")
    stale = client.post(URL, {"font": "Georgia", "revision": "0"}, follow=True)
    assert "Someone else changed the look of the papers" in parsed.visible_text(stale)
    assert PaperStyle.objects.get(plan__slug="demo").font == "Verdana"


@pytest.mark.parametrize("username", ["olivia", "lee", "bob", "ana", "vic"])
def test_only_administrators_change_the_look(signed_in, username) -> None:
    client = signed_in(username)
    assert client.get(URL).status_code == 403
    assert save(client, font="Verdana").status_code == 403
    assert not PaperStyle.objects.exists()


def test_a_paper_with_the_logo_embeds_it_in_the_pdf(signed_in) -> None:
    client = signed_in("alice")
    save(client, logo=upload("crest.png", png(), "image/png"))
    pdf = client.get(f"/plans/demo/report/{MONTH}.pdf").content
    assert b"/Subtype /Image" in pdf or b"/Subtype/Image" in pdf
    assert saved is not None
