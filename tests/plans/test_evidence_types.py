"""Evidence files are accepted by their content, and the name must agree with it."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from openpyxl import Workbook

from oversight.plans.evidence_types import OLE_SIGNATURE, EvidenceRefused, identify

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
EMAIL = b"From: lead@council.example\r\nTo: officer@council.example\r\nSubject: Audit\r\n\r\nAttached."


def docx_bytes() -> bytes:
    out = io.BytesIO()
    Document().save(out)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    out = io.BytesIO()
    Workbook().save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("minutes.pdf", PDF, "PDF"),
        ("Audit.PDF", PDF, "PDF"),
        ("chart.png", PNG, "PNG image"),
        ("photo.jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 16, "JPEG image"),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 16, "JPEG image"),
        ("anim.gif", b"GIF89a" + b"\x00" * 16, "GIF image"),
        ("pic.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ", "WebP image"),
        ("report.docx", docx_bytes(), "Word document"),
        ("figures.xlsx", xlsx_bytes(), "Excel workbook"),
        ("sent.eml", EMAIL, "email"),
    ],
)
def test_accepted_files(name: str, content: bytes, kind: str) -> None:
    assert identify(name, content).name == kind


def test_a_pptx_is_recognised_by_its_presentation_part() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p:presentation/>")
    assert identify("board.pptx", out.getvalue()).name == "PowerPoint presentation"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("virus.exe", b"MZ\x90\x00", "not a type of file Oversight accepts"),
        ("script.html", b"<script>alert(1)</script>", "not a type of file Oversight accepts"),
        ("no-extension", PDF, "not a type of file Oversight accepts"),
        ("empty.pdf", b"", "is empty"),
        ("renamed.pdf", b"MZ\x90\x00 an executable", "its content is not a file of that type"),
        ("minutes.pdf", docx_bytes(), "its content is another type: Word document"),
        ("report.docx", xlsx_bytes(), "its content is another type: Excel workbook"),
        ("report.docx", PDF, "its content is another type: PDF"),
        ("chart.png", b"\xff\xd8\xff\xe0", "its content is another type: JPEG image"),
        ("archive.docx", b"PK\x03\x04 not really a zip", "its content is not a file of that type"),
        ("broken.xls", OLE_SIGNATURE + b"\x00" * 100, "its content is not a file of that type"),
        ("note.eml", b"just some text, no headers", "its content is not a file of that type"),
        ("note.eml", b"From: a@b.c\r\n\x00\x01binary", "its content is not a file of that type"),
    ],
)
def test_refused_files_say_why(name: str, content: bytes, reason: str) -> None:
    with pytest.raises(EvidenceRefused, match=reason):
        identify(name, content)


def test_a_zip_with_no_office_part_is_refused_as_a_word_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("payload.js", "alert(1)")
    with pytest.raises(EvidenceRefused, match="not a file of that type"):
        identify("letter.docx", out.getvalue())
