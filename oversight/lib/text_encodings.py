"""Which encoding a text (CSV) file is in: by its byte-order mark first (Excel saves "Unicode text" as
UTF-16 with one), then UTF-8, then the Windows encoding Excel uses for "CSV"; a file that is none of
these is refused with the encoding named, never read as garbage."""

from __future__ import annotations

import codecs
from pathlib import Path

# longest first: UTF-32's little-endian mark begins with UTF-16's
MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
UNREAD_MARKS = (
    (b"+/v", "UTF-7"),
    (b"\xf7\x64\x4c", "UTF-1"),
    (b"\xdd\x73\x66\x73", "UTF-EBCDIC"),
    (b"\x0e\xfe\xff", "SCSU"),
    (b"\xfb\xee\x28", "BOCU-1"),
    (b"\x84\x31\x95\x33", "GB 18030"),
)
WINDOWS = "cp1252"  # what Excel on Windows saves as "CSV"
SAMPLE = 1 << 20
SAVE_AS = "save it from Excel as 'CSV UTF-8 (Comma delimited)'"


class EncodingRefused(ValueError):
    """The file's text cannot be read: why, naming the encoding (without the file's name)."""


def bom_encoding(start: bytes) -> str | None:
    """The Python codec a byte-order mark at the start names ('utf-16', which reads the mark and drops
    it), or None when there is no mark Oversight reads."""
    for mark, codec, _ in MARKS:
        if start.startswith(mark):
            return codec
    return None


def _named(start: bytes) -> str:
    return next(name for mark, _, name in MARKS if start.startswith(mark))


def _refuse_unread_marks(start: bytes) -> None:
    for mark, name in UNREAD_MARKS:
        if start.startswith(mark):
            raise EncodingRefused(f"the file is in {name}, which Oversight does not read: {SAVE_AS}")


def decode_text(raw: bytes) -> str:
    """A whole file's text, in the encoding its byte-order mark names, else UTF-8, else Windows'."""
    _refuse_unread_marks(raw)
    codec = bom_encoding(raw)
    if codec is not None:
        try:
            return raw.decode(codec)
        except UnicodeDecodeError as error:
            name = _named(raw)
            raise EncodingRefused(
                f"the file is marked as {name} but byte {error.start + 1:,} cannot be read as {name}:"
                f" {SAVE_AS}"
            ) from None
    _refuse_nul(raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode(WINDOWS, errors="replace")


def _refuse_nul(sample: bytes) -> None:
    if b"\x00" in sample:
        raise EncodingRefused(
            "the file holds NUL bytes, so it is not UTF-8 or Windows text: it may be UTF-16 or UTF-32"
            f" without a byte-order mark, or not a text file at all: {SAVE_AS}"
        )


def encoding_of(path: Path) -> str:
    """The Python codec to read a file with, judged from its first megabyte, for readers that stream it
    (a codec ending in -sig, or utf-16 and utf-32, drops the byte-order mark)."""
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE)
    _refuse_unread_marks(sample)
    codec = bom_encoding(sample)
    if codec is not None:
        return codec
    _refuse_nul(sample)
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # a character cut at the end of the sample is still UTF-8; anything else is Windows'
        if not (len(sample) == SAMPLE and error.start >= len(sample) - 3):
            return WINDOWS
    return "utf-8"
