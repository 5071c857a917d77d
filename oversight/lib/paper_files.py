"""What a council gives Oversight to make its papers with: a logo for the header, and its own Word
document or template (its cover, front sheet and styles). Each is checked before it is kept: a
hostile file is refused in a moment and in little memory, with the reason in words."""

from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.image.image import Image


class PaperFileRefused(ValueError):
    """A logo or template is not used: why, in words for the person who gave it."""


LOGO_BYTES = 1024 * 1024
LOGO_SIDE = 4000  # pixels
TEMPLATE_BYTES = 5 * 1024 * 1024
TEMPLATE_UNPACKED = 50 * 1024 * 1024
TEMPLATE_PARTS = 2000
TEMPLATE_RATIO = 200
DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"


def checked_logo(content: bytes) -> bytes:
    """A PNG or JPEG small enough for a paper's header, or PaperFileRefused."""
    if not content:
        raise PaperFileRefused("the file is empty")
    if len(content) > LOGO_BYTES:
        raise PaperFileRefused(f"the logo is {len(content) // 1024:,} KB: a logo may be up to 1 MB")
    if not content.startswith((PNG_SIGNATURE, JPEG_SIGNATURE)):
        raise PaperFileRefused("the logo must be a PNG or JPEG picture")
    try:
        picture = Image.from_blob(content)
    except Exception:  # python-docx reads the header of any picture it is given, and may fail on any
        raise PaperFileRefused("the picture is damaged: save it again as PNG or JPEG") from None
    if max(picture.px_width, picture.px_height) > LOGO_SIDE or min(picture.px_width, picture.px_height) < 1:
        raise PaperFileRefused(
            f"the logo is {picture.px_width} × {picture.px_height} pixels: up to {LOGO_SIDE} a side"
        )
    return content


def checked_template(content: bytes) -> bytes:
    """A council's Word document (.docx) or template (.dotx) to make papers from, as a .docx; or
    PaperFileRefused. Only the zip's directory is read before the limits are checked, so a hostile file
    is refused in a moment."""
    if not content:
        raise PaperFileRefused("the file is empty")
    if len(content) > TEMPLATE_BYTES:
        raise PaperFileRefused(f"the template is {len(content) // 1024:,} KB: it may be up to 5 MB")
    if not content.startswith(b"PK\x03\x04"):
        raise PaperFileRefused("the file is not a Word document: save it from Word as .docx or .dotx")
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = archive.infolist()
            _check_parts(parts)
            names = {part.filename for part in parts}
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                raise PaperFileRefused("the file is not a Word document: save it from Word as .docx or .dotx")
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                raise PaperFileRefused("the document holds macros: save it from Word as .docx, without them")
            types = archive.read("[Content_Types].xml")
            if TEMPLATE.encode() in types:  # a .dotx: the same parts, named as a template
                content = _as_document(archive, types.replace(TEMPLATE.encode(), DOCUMENT.encode()))
    except zipfile.BadZipFile:
        raise PaperFileRefused(
            "the document is damaged or incomplete: open it in Word and save it again"
        ) from None
    try:
        Document(io.BytesIO(content))
    except Exception:  # python-docx refuses what it cannot read in many ways
        raise PaperFileRefused(
            "Word's parts of the document cannot be read: open it in Word and save it again"
        ) from None
    return content


def _check_parts(parts: list[zipfile.ZipInfo]) -> None:
    if len(parts) > TEMPLATE_PARTS:
        raise PaperFileRefused(f"the document holds {len(parts):,} parts: a Word document has tens")
    if sum(part.file_size for part in parts) > TEMPLATE_UNPACKED:
        raise PaperFileRefused("the document unpacks to more than 50 MB, which no committee template needs")
    for part in parts:
        if part.file_size > 1024 * 1024 and part.file_size > TEMPLATE_RATIO * max(part.compress_size, 1):
            raise PaperFileRefused(
                f"the document's part {part.filename} unpacks to {TEMPLATE_RATIO} times its packed size"
                " or more, which no ordinary document does"
            )


def _as_document(archive: zipfile.ZipFile, types: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for part in archive.infolist():
            copy.writestr(
                part.filename, types if part.filename == "[Content_Types].xml" else archive.read(part)
            )
    return out.getvalue()
