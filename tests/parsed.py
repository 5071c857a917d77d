"""Pages read as a person reads them: the parsed document's text, never the raw bytes (which carry a
random CSRF token that a short string can match by chance)."""

from __future__ import annotations

import re

from lxml import html


def document(response) -> html.HtmlElement:  # type: ignore[no-untyped-def]
    return html.fromstring(response.content.decode())


def text_of(element: html.HtmlElement) -> str:
    """An element's text with its spacing collapsed, as it reads on the screen."""
    return re.sub(r"\s+", " ", element.text_content()).strip()


def texts(response, xpath: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The text of each element the XPath finds in the page."""
    return [text_of(found) for found in document(response).xpath(xpath)]


def main_text(response) -> str:  # type: ignore[no-untyped-def]
    """The text of the page's main content."""
    return " ".join(texts(response, "//main"))


def title(response) -> str:  # type: ignore[no-untyped-def]
    return texts(response, "//title")[0]


def links(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Each link in the main content: its text and where it goes."""
    return {text_of(a): a.get("href") for a in document(response).xpath("//main//a[@href]")}
