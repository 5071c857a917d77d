"""PDF papers: a report's own HTML laid out on A4 pages by WeasyPrint, tagged for screen readers
(PDF/UA-1), its fonts embedded. Nothing is fetched from outside the document: a picture comes in it as
a data: address, so no text in a report can make the server fetch an address."""

from __future__ import annotations

import base64

from weasyprint import HTML
from weasyprint.urls import URLFetcher


def pdf_from_html(html: str) -> bytes:
    fetcher = URLFetcher(allowed_protocols={"data"}, allow_redirects=False)
    return HTML(string=html, url_fetcher=fetcher, base_url="about:blank").write_pdf(pdf_variant="pdf/ua-1")


def data_address(content: bytes, media_type: str) -> str:
    """A picture as a data: address, to be part of the HTML itself."""
    return f"data:{media_type};base64,{base64.b64encode(content).decode()}"
