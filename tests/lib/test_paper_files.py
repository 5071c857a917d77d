"""A council's logo and Word template are checked before they are kept: a PNG or JPEG of a sensible
size; a .docx or .dotx without macros whose zip does not unpack to gigabytes. Each refusal says why."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document

from oversight.lib.paper_files import PaperFileRefused, checked_logo, checked_template
from oversight.lib.word import saved
from tests.lib.test_word import png

TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def a_document() -> bytes:
    doc = Document()
    doc.add_paragraph("Report to the Children's Services Committee")
    return saved(doc)


def rewritten(content: bytes, change) -> bytes:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(content)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for part in source.infolist():
            data = change(part.filename, source.read(part))
            if data is not None:
                copy.writestr(part.filename, data)
    return out.getvalue()


def test_a_png_logo_is_kept_as_it_is() -> None:
    assert checked_logo(png()) == png()


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "the file is empty"),
        (b"GIF89a" + b"\0" * 20, "must be a PNG or JPEG"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 30, "the picture is damaged"),
        (png()[:8] + b"\0" * (1024 * 1024 + 1), "a logo may be up to 1 MB"),
    ],
)
def test_what_is_not_a_logo_is_refused_with_the_reason(content: bytes, why: str) -> None:
    with pytest.raises(PaperFileRefused, match=why):
        checked_logo(content)


def test_a_word_document_is_kept_and_a_word_template_becomes_one() -> None:
    document = a_document()
    assert checked_template(document) == document
    template = rewritten(
        document,
        lambda name, data: (
            data.replace(b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml")
            if name == "[Content_Types].xml"
            else data
        ),
    )
    with pytest.raises(ValueError, match="not a Word file"):
        Document(io.BytesIO(template))  # python-docx reads no .dotx: Oversight names it a document
    kept = checked_template(template)
    assert Document(io.BytesIO(kept)).paragraphs[0].text == "Report to the Children's Services Committee"


def test_a_document_with_macros_is_refused() -> None:
    with_macros = rewritten(a_document(), lambda name, data: data)
    with_macros = _with_part(with_macros, "word/vbaProject.bin", b"\0" * 100)
    with pytest.raises(PaperFileRefused, match="holds macros"):
        checked_template(with_macros)


def _with_part(content: bytes, name: str, data: bytes) -> bytes:
    out = io.BytesIO(content)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return out.getvalue()


def test_a_document_that_unpacks_far_beyond_its_size_is_refused_from_its_directory() -> None:
    bomb = _with_part(a_document(), "word/media/image1.png", b"\0" * (60 * 1024 * 1024))
    assert len(bomb) < 1024 * 1024
    with pytest.raises(PaperFileRefused, match="unpacks to more than 50 MB"):
        checked_template(bomb)
    ratio = _with_part(a_document(), "word/media/image1.png", b"\0" * (20 * 1024 * 1024))
    with pytest.raises(PaperFileRefused, match="200 times its packed size"):
        checked_template(ratio)


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "the file is empty"),
        (b"%PDF-1.7 not a Word document", "not a Word document"),
        ("Report".encode("utf-16"), "not a Word document"),
    ],
)
def test_what_is_not_a_word_document_is_refused_with_the_reason(content: bytes, why: str) -> None:
    with pytest.raises(PaperFileRefused, match=why):
        checked_template(content)


def test_a_truncated_or_hollow_document_is_refused() -> None:
    with pytest.raises(PaperFileRefused, match="damaged or incomplete"):
        checked_template(a_document()[:2000])
    hollow = rewritten(a_document(), lambda name, data: None if name == "word/document.xml" else data)
    with pytest.raises(PaperFileRefused, match="not a Word document"):
        checked_template(hollow)
