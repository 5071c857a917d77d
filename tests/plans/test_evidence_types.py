"""Evidence files are accepted by their content, and the name must agree with it."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest
from docx import Document
from openpyxl import Workbook

from oversight.plans.evidence_types import OLE_SIGNATURE, EvidenceRefused, identify

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
EMAIL = b"From: lead@council.example\r\nTo: officer@council.example\r\nSubject: Audit\r\n\r\nAttached."


FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def compound_file(stream_name: str, size: int = 4096) -> bytes:
    """A minimal Compound File Binary (the container of .doc, .xls, .ppt and .msg) with one stream:
    a header, one FAT sector, one directory sector, then the stream's sectors."""
    header = OLE_SIGNATURE + bytes(16)
    header += struct.pack(
        "<HHHHH6sIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, bytes(6), 0, 1, 1, 0, 4096, END, 0, END, 0
    )
    header += struct.pack("<109I", 0, *([FREE] * 108))
    fat = [FATSECT, END] + [3 + i for i in range(size // 512 - 1)] + [END]
    fat_sector = struct.pack("<128I", *(fat + [FREE] * (128 - len(fat))))

    def entry(name: str, kind: int, child: int, start: int, length: int) -> bytes:
        encoded = name.encode("utf-16-le") + b"\x00\x00" if name else b""
        fields = struct.pack("<HBBIII", len(encoded), kind, 1 if name else 0, NOSTREAM, NOSTREAM, child)
        return encoded.ljust(64, b"\x00") + fields + bytes(36) + struct.pack("<IQ", start, length)

    directory = entry("Root Entry", 5, 1, END, 0) + entry(stream_name, 2, NOSTREAM, 2, size)
    directory += entry("", 0, NOSTREAM, 0, 0) * 2
    return header + fat_sector + directory + bytes(size)


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
        ("old.doc", compound_file("WordDocument"), "Word 97-2003 document"),
        ("old.xls", compound_file("Workbook"), "Excel 97-2003 workbook"),
        ("old.ppt", compound_file("PowerPoint Document"), "PowerPoint 97-2003 presentation"),
        ("sent.msg", compound_file("__substg1.0_0037001F"), "Outlook email"),
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
        ("letter.doc", compound_file("__substg1.0_0037001F"), "its content is another type: Outlook email"),
        ("other.doc", compound_file("SomethingElse"), "its content is not a file of that type"),
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
