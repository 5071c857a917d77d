"""CSV files are read in the encoding their byte-order mark names, else UTF-8, else Windows'; what
cannot be read is refused with its encoding named, never stored as garbage."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from oversight.lib.text_encodings import EncodingRefused, bom_encoding, decode_text, encoding_of

TEXT = "Action ID,RAG,Commentary\n1.1,Red,Café – “not agreed”\n"


@pytest.mark.parametrize(
    ("encoding", "mark"),
    [
        ("utf-8-sig", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ],
)
def test_a_file_with_a_byte_order_mark_is_read_in_the_encoding_it_names(
    tmp_path: Path, encoding: str, mark: bytes
) -> None:
    raw = (mark if not encoding.endswith("-sig") else b"") + TEXT.encode(encoding)
    assert raw.startswith(mark)
    assert decode_text(raw) == TEXT
    path = tmp_path / "statuses.csv"
    path.write_bytes(raw)
    with path.open(encoding=encoding_of(path), newline="") as handle:
        assert handle.read() == TEXT


def test_utf_32_is_not_mistaken_for_utf_16() -> None:
    assert bom_encoding(codecs.BOM_UTF32_LE + "A".encode("utf-32-le")) == "utf-32"
    assert bom_encoding(codecs.BOM_UTF16_LE + "A".encode("utf-16-le")) == "utf-16"
    assert bom_encoding(b"Action ID") is None


def test_without_a_mark_utf_8_then_windows_text(tmp_path: Path) -> None:
    assert decode_text(TEXT.encode("utf-8")) == TEXT
    assert decode_text(TEXT.encode("cp1252")) == TEXT
    path = tmp_path / "statuses.csv"
    path.write_bytes(TEXT.encode("cp1252"))
    assert encoding_of(path) == "cp1252"
    path.write_bytes(TEXT.encode("utf-8"))
    assert encoding_of(path) == "utf-8"


def test_utf_16_without_a_mark_is_refused_not_read_as_garbage(tmp_path: Path) -> None:
    raw = TEXT.encode("utf-16-le")
    with pytest.raises(EncodingRefused, match="NUL bytes.*UTF-16 or UTF-32 without a byte-order mark"):
        decode_text(raw)
    path = tmp_path / "statuses.csv"
    path.write_bytes(raw)
    with pytest.raises(EncodingRefused, match="UTF-16"):
        encoding_of(path)


def test_a_file_marked_utf_16_that_is_not_is_refused_naming_the_encoding() -> None:
    with pytest.raises(EncodingRefused, match="marked as UTF-16 but byte .* cannot be read as UTF-16"):
        decode_text(codecs.BOM_UTF16_LE + b"A\x00B")  # an odd number of bytes


def test_an_encoding_oversight_does_not_read_is_refused_by_name() -> None:
    with pytest.raises(EncodingRefused, match="the file is in UTF-7, which Oversight does not read"):
        decode_text(b"+/v8-Action ID,RAG\n")
