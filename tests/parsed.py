"""Pages read as a person reads them: the parsed document's text, never the raw bytes. The bytes also
carry random CSRF tokens in attributes, and a short string such as a child's ID "S1" is found in a token
about one time in ten, so a test that looked for it there failed (or passed) at random."""

from __future__ import annotations

import re

from lxml import html

NOT_READ = "//head | //script | //style | //template"


def document(response) -> html.HtmlElement:  # type: ignore[no-untyped-def]
    """The parsed page, from a response, its bytes or its text."""
    content = getattr(response, "content", response)
    return html.fromstring(content.decode() if isinstance(content, bytes) else content)


def words(response) -> list[str]:  # type: ignore[no-untyped-def]
    """The words a reader sees on the page (its body's text, without tags or attributes), in order."""
    page = document(response)
    for hidden in page.xpath(NOT_READ):
        hidden.drop_tree()
    # each element's text apart: <dt>Team</dt><dd>1</dd> is two words, as the reader sees them
    return " ".join(page.itertext()).split()


def visible_text(response) -> str:  # type: ignore[no-untyped-def]
    """The page's words on one line, separated by single spaces."""
    return " ".join(words(response))


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
