"""A PDF paper from HTML: A4, tagged, its fonts embedded, its pictures from the document itself and
nothing fetched from outside it (a report's text cannot make the server fetch an address)."""

from __future__ import annotations

import http.server
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from oversight.lib.pdf import data_address, pdf_from_html
from tests.lib.test_word import png
from tests.pdfs import read_pdf

PAGE = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Exception report</title>
<style>@page {{ size: A4; }}</style></head><body><h1>Exception report</h1>{body}</body></html>"""


def test_a_paper_is_a4_tagged_titled_with_its_fonts_embedded() -> None:
    pdf = read_pdf(pdf_from_html(PAGE.format(body="<p>20 actions (10%) are Red.</p>")))
    assert pdf.info["Page size"].endswith("(A4)")
    assert (pdf.info["Tagged"], pdf.info["Title"]) == ("yes", "Exception report")
    assert "20 actions (10%) are Red." in pdf.text
    assert pdf.fonts and {font["emb"] for font in pdf.fonts} == {"yes"}


@pytest.fixture
def web_server() -> Iterator[tuple[str, list[str]]]:
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the standard library's name
            asked.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", asked
    server.shutdown()


def test_nothing_is_fetched_from_outside_the_document(web_server, tmp_path) -> None:
    address, asked = web_server
    secret = tmp_path / "secret.png"
    secret.write_bytes(png())
    body = (
        f'<img src="{address}/tracker.png" alt="x"><link rel="stylesheet" href="{address}/style.css">'
        f'<img src="file://{secret}" alt="y"><p style="background: url({address}/bg.png)">Text</p>'
    )
    pdf = pdf_from_html(PAGE.format(body=body))
    assert asked == []
    assert _images(pdf) == 0


def test_a_picture_in_the_document_is_in_the_paper() -> None:
    body = f'<img src="{data_address(png(), "image/png")}" alt="Council logo">'
    assert _images(pdf_from_html(PAGE.format(body=body))) == 1


def _images(pdf: bytes) -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "paper.pdf"
        path.write_bytes(pdf)
        listed = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True)
    return len(listed.stdout.splitlines()) - 2  # two lines of headings
