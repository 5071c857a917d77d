"""A PDF opened with poppler's tools (pdfinfo, pdftotext, pdffonts), as a reader's software opens it."""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Pdf:
    info: dict[str, str]
    pages: list[str]  # each page's text, laid out
    fonts: list[dict[str, str]]
    orientations: list[str]  # "portrait" or "landscape", page by page

    @property
    def text(self) -> str:
        return "\n".join(self.pages)


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=60).stdout


def read_pdf(data: bytes) -> Pdf:
    assert data.startswith(b"%PDF-"), "not a PDF"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "paper.pdf"
        path.write_bytes(data)
        info = dict(
            (key.strip(), value.strip())
            for key, value in (
                line.split(":", 1) for line in _run("pdfinfo", str(path)).splitlines() if ":" in line
            )
        )
        count = int(info["Pages"])
        sizes = re.findall(
            r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", _run("pdfinfo", "-f", "1", "-l", str(count), str(path))
        )
        pages = _run("pdftotext", "-layout", str(path), "-").split("\f")[:count]
        lines = _run("pdffonts", str(path)).splitlines()[2:]
        fonts = [
            dict(zip(("name", "type", "encoding", "emb", "sub", "uni"), _font_columns(line), strict=True))
            for line in lines
        ]
    orientations = ["landscape" if float(w) > float(h) else "portrait" for w, h in sizes]
    return Pdf(info, pages, fonts, orientations)


def _font_columns(line: str) -> list[str]:
    """pdffonts' columns: a name, a type of one or more words, an encoding, then emb, sub and uni."""
    words = line.split()
    return [words[0], " ".join(words[1:-6]), words[-6], words[-5], words[-4], words[-3]]
