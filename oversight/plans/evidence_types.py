"""Which evidence files are accepted: the type is read from the content, and the name must agree."""

from __future__ import annotations

import email.parser
import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

import olefile


@dataclass(frozen=True)
class FileType:
    name: str
    content_type: str
    extensions: tuple[str, ...]


PDF = FileType("PDF", "application/pdf", (".pdf",))
DOCX = FileType(
    "Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",)
)
XLSX = FileType(
    "Excel workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)
)
PPTX = FileType(
    "PowerPoint presentation",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    (".pptx",),
)
DOC = FileType("Word 97-2003 document", "application/msword", (".doc",))
XLS = FileType("Excel 97-2003 workbook", "application/vnd.ms-excel", (".xls",))
PPT = FileType("PowerPoint 97-2003 presentation", "application/vnd.ms-powerpoint", (".ppt",))
MSG = FileType("Outlook email", "application/vnd.ms-outlook", (".msg",))
EML = FileType("email", "message/rfc822", (".eml",))
PNG = FileType("PNG image", "image/png", (".png",))
JPEG = FileType("JPEG image", "image/jpeg", (".jpg", ".jpeg"))
GIF = FileType("GIF image", "image/gif", (".gif",))
WEBP = FileType("WebP image", "image/webp", (".webp",))

ACCEPTED = (PDF, DOCX, XLSX, PPTX, DOC, XLS, PPT, MSG, EML, PNG, JPEG, GIF, WEBP)
ACCEPTED_EXTENSIONS = tuple(ext for kind in ACCEPTED for ext in kind.extensions)
ACCEPTED_DESCRIPTION = (
    "PDF, Word, Excel, PowerPoint, an image (PNG, JPEG, GIF, WebP) or an email (.msg, .eml)"
)

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OOXML_PARTS = {"word/document.xml": DOCX, "xl/workbook.xml": XLSX, "ppt/presentation.xml": PPTX}
OLE_STREAMS = (("WordDocument", DOC), ("Workbook", XLS), ("Book", XLS), ("PowerPoint Document", PPT))
EMAIL_HEADERS_NEEDED = {"from"}


class EvidenceRefused(ValueError):
    pass


def identify(name: str, content: bytes) -> FileType:
    """The accepted type of a file, from its bytes; EvidenceRefused says why a file is not accepted."""
    extension = PurePath(name).suffix.lower()
    if extension not in ACCEPTED_EXTENSIONS:
        raise EvidenceRefused(f"{name} is not a type of file Oversight accepts: use {ACCEPTED_DESCRIPTION}")
    if not content:
        raise EvidenceRefused(f"{name} is empty")
    kind = _from_content(content)
    if kind is None:
        raise EvidenceRefused(
            f"{name} is named as {extension} but its content is not a file of that type"
            f" (it may be damaged, or renamed from another type)"
        )
    if extension not in kind.extensions:
        raise EvidenceRefused(f"{name} is named as {extension} but its content is another type: {kind.name}")
    return kind


def _from_content(content: bytes) -> FileType | None:
    if content.startswith(b"%PDF-"):
        return PDF
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if content.startswith(b"\xff\xd8\xff"):
        return JPEG
    if content[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return WEBP
    if content.startswith(b"PK\x03\x04"):
        return _office_open_xml(content)
    if content.startswith(OLE_SIGNATURE):
        return _office_97(content)
    return _email(content)


def _office_open_xml(content: bytes) -> FileType | None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return None
    if "[Content_Types].xml" not in names:
        return None
    return next((kind for part, kind in OOXML_PARTS.items() if part in names), None)


def _office_97(content: bytes) -> FileType | None:
    try:
        with olefile.OleFileIO(content) as ole:
            streams = {"/".join(path) for path in ole.listdir(streams=True, storages=True)}
    except (OSError, ValueError):  # olefile raises both for damaged files
        return None
    if any(stream.startswith("__substg1.0_") for stream in streams):
        return MSG
    return next((kind for stream, kind in OLE_STREAMS if stream in streams), None)


def _email(content: bytes) -> FileType | None:
    head = content[:65536]
    if b"\x00" in head:
        return None
    headers = email.parser.BytesHeaderParser().parsebytes(head)
    present = {key.lower() for key in headers.keys()}
    if EMAIL_HEADERS_NEEDED <= present and present & {"date", "subject", "to"} and not headers.defects:
        return EML
    return None
