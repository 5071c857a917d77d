"""Hostile files, made in the test that uses them: a workbook whose shared strings unpack to 490 MB from
a file of about 1 MB, written without ever holding or compressing the 490 MB; and a workbook with one part
changed."""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

MB = 1024 * 1024
STRING = b"<si><t>A</t></si>"
SHARED_STRINGS = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def _deflated_repeats(head: bytes, chunk: bytes, repeats: int, tail: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of head + chunk * repeats + tail, with its CRC-32 and unpacked size. After a full
    flush the compressor forgets what came before, so the chunk's compressed block is the same bytes
    every time and is compressed only once."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    last = compressor.compress(tail) + compressor.flush()
    crc = zlib.crc32(head)
    for _ in range(repeats):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    return first + block * repeats + last, crc, len(head) + len(chunk) * repeats + len(tail)


def _zip(path: Path, parts: list[tuple[str, bytes, int, int]]) -> None:
    """A zip of already-deflated parts: (name, deflated bytes, CRC-32, unpacked size)."""
    directory = b""
    with path.open("wb") as out:
        for name, data, crc, size in parts:
            offset = out.tell()
            encoded = name.encode()
            fields = (20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0)
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + encoded + data)
            directory += (
                struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, offset) + encoded
            )
        start = out.tell()
        out.write(directory)
        out.write(
            struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(directory), start, 0)
        )


def _deflate(data: bytes) -> tuple[bytes, int, int]:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data)


def shared_strings_bomb(path: Path, unpacked_mb: int = 490) -> Path:
    """An ordinary one-sheet workbook (an Action ID and a RAG column) whose shared strings unpack to
    `unpacked_mb` megabytes."""
    import zipfile

    book = Workbook()
    book.active.append(["Action ID", "RAG"])
    book.active.append(["1.1", "Red"])
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as source:
        contents = {name: source.read(name) for name in source.namelist()}
    # openpyxl writes strings inline: declare the shared strings, as Excel does, so that readers read them
    contents["[Content_Types].xml"] = contents["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="' + SHARED_STRINGS + b'"/></Types>',
    )
    parts = [(name, *_deflate(data)) for name, data in contents.items()]
    plain.unlink()
    chunk = STRING * (MB // len(STRING))
    head = b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    bomb = ("xl/sharedStrings.xml", *_deflated_repeats(head, chunk, unpacked_mb, b"</sst>"))
    _zip(path, [part for part in parts if part[0] != bomb[0]] + [bomb])
    return path


def rewritten(path: Path, part: str, change: Callable[[bytes], bytes]) -> Path:
    """The workbook with one part's bytes changed."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts[part] = change(parts[part])
    with zipfile.ZipFile(path, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path
