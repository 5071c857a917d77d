"""A page read as its reader reads it: its words, parsed with the standard library's HTML parser.

Tests assert on these rather than on the raw bytes of a response, which also carry random CSRF
tokens in attributes: a short string such as a child's ID "S1" is found in a token about one time
in ten, so a test that looks for it in the raw bytes fails (or passes) at random.
"""

from __future__ import annotations

from html.parser import HTMLParser

from django.http import HttpResponse

NOT_READ = {"script", "style", "template", "head"}


class _Words(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []
        self._skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in NOT_READ:
            self._skipping.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.words.extend(data.split())


def words(page: HttpResponse | bytes | str) -> list[str]:
    """The words a reader sees on the page (its body's text, without tags or attributes), in order."""
    if isinstance(page, HttpResponse):
        page = page.content
    if isinstance(page, bytes):
        page = page.decode()
    parser = _Words()
    parser.feed(page)
    parser.close()
    return parser.words


def visible_text(page: HttpResponse | bytes | str) -> str:
    """The page's words on one line, separated by single spaces."""
    return " ".join(words(page))
