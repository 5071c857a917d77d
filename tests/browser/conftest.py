"""Debian's chromium driven by Playwright against the live test server, with axe-core on every page."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, sync_playwright

from tests.conftest import PASSWORD, build_plan

CHROMIUM = "/usr/bin/chromium"  # Debian's package; Playwright's own browser builds are never downloaded
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

RUN_AXE = """async (tags) => {
    const options = {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]};
    const results = await axe.run(document, options);
    return results.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")),
    }));
}"""


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One headless chromium for the browser tests, closed when they are done."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (scripts/test.sh does this)")
    # Playwright's sync API keeps an asyncio loop marked as running in this thread while it is
    # started, and Django then refuses ORM calls from it; the tests' own ORM calls are plain
    # synchronous code, so they are allowed for as long as the browser is open, and no longer.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


class Pages:
    """Opens a browser context per person and remembers every document loaded in it, so the test
    can be failed if any page was not checked with axe."""

    def __init__(self, browser: Browser, base_url: str, axe_source: str):
        self.browser = browser
        self.base_url = base_url
        self.axe_source = axe_source
        self.contexts: list[BrowserContext] = []
        self.loaded: Counter[str] = Counter()
        self.checked: Counter[str] = Counter()

    def new(self) -> Page:
        context = self.browser.new_context(base_url=self.base_url, accept_downloads=True)
        context.set_default_timeout(10_000)
        self.contexts.append(context)
        page = context.new_page()
        page.on("load", lambda loaded: self.loaded.update([_document(loaded.url)]))
        return page

    def check_accessible(self, page: Page) -> None:
        """axe-core at WCAG 2.2 AA on the page as it is now: no violations allowed. The page's title
        (what the browser tab and a screen reader announce first) must be plain words, never markup."""
        check_title(page)
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.evaluate(self.axe_source)  # CDP evaluation: the site's CSP stays on and is not bypassed
        for width in WIDTHS:  # a phone's, then a laptop's, where the page is left
            page.set_viewport_size({"width": width, "height": HEIGHT})
            check_fits(page, width)
            violations = page.evaluate(RUN_AXE, WCAG_22_AA)
            if violations:
                listed = "".join(
                    f"- {v['id']} ({v['impact']}): {v['help']}\n"
                    + "".join(f"    {t}\n" for t in v["targets"])
                    for v in violations
                )
                where = f"{page.url} at {width} px wide"
                pytest.fail(
                    f"axe: {len(violations)} WCAG 2.2 AA violation(s) on {where}\n{listed}", pytrace=False
                )
        self.checked.update([_document(page.url)])

    def unchecked(self) -> list[str]:
        return sorted((self.loaded - self.checked).elements())

    def close(self) -> None:
        for context in self.contexts:
            context.close()


WIDTHS = (320, 1280)  # the narrowest phone WCAG's reflow asks for (1.4.10), and a laptop
HEIGHT = 720
PAGE_WIDTH = "() => document.documentElement.scrollWidth"
NAVIGATION_ROWS = """() => new Set(Array.from(document.querySelectorAll('.govuk-service-navigation__item'))
    .filter(item => item.offsetParent !== null).map(item => item.getBoundingClientRect().top)).size"""


def check_fits(page: Page, width: int) -> None:
    """The page does not scroll sideways at this width (a wide table scrolls in its own box), and on a
    laptop the service navigation is one row."""
    wide = page.evaluate(PAGE_WIDTH)
    if wide > width:
        pytest.fail(
            f"{page.url} is {wide} px wide in a window of {width} px: it scrolls sideways", pytrace=False
        )
    if width >= 1000 and page.evaluate(NAVIGATION_ROWS) > 1:
        pytest.fail(f"{page.url}: the service navigation wraps onto two rows at {width} px", pytrace=False)


def _document(url: str) -> str:
    return urldefrag(url).url


MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|\{[%{#]")  # a tag, or template syntax left in


def check_title(page: Page) -> None:
    """Fails the test if the page has no title, or its title shows markup (a template block left
    open puts the page's HTML in the browser tab)."""
    title = page.title()
    if not title.strip() or MARKUP.search(title):
        pytest.fail(f"the title of {page.url} is not plain text: {title!r}", pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    report = yield
    if report.when == "call":
        item.stash[CALL_FAILED] = report.failed
    return report


CALL_FAILED = pytest.StashKey[bool]()


@pytest.fixture
def pages(request, browser: Browser, live_server, axe_source: str) -> Iterator[Pages]:  # type: ignore[no-untyped-def]
    opened = Pages(browser, live_server.url, axe_source)
    yield opened
    opened.close()
    # a test that failed has already said what went wrong, often on the page it could not check
    if opened.unchecked() and not request.node.stash.get(CALL_FAILED, False):
        pytest.fail(f"pages loaded but never checked with axe: {opened.unchecked()}", pytrace=False)


@pytest.fixture
def check_accessible(pages: Pages) -> Callable[[Page], None]:
    return pages.check_accessible


@pytest.fixture
def visit(pages: Pages) -> Callable[..., Page]:
    """Goes to a URL, checks the HTTP status (200 unless told) and runs axe on the page."""

    def go(page: Page, url: str, status: int = 200) -> Page:
        response = page.goto(url)
        assert response is not None and response.status == status, (
            f"{url}: HTTP {response and response.status}, expected {status}"
        )
        pages.check_accessible(page)
        return page

    return go


def _press(pages: Pages, page: Page, target: Locator, status: int) -> Page:
    with page.expect_navigation() as navigation:
        target.click()
    response = navigation.value
    assert response is not None and response.status == status, (
        f"HTTP {response and response.status} at {page.url}, expected {status}"
    )
    pages.check_accessible(page)
    return page


@pytest.fixture
def submit(pages: Pages) -> Callable[..., Page]:
    """Presses a form's button, waits for the page that comes back, and runs axe on it."""

    def press(page: Page, button: str, status: int = 200) -> Page:
        return _press(pages, page, page.get_by_role("button", name=button, exact=True), status)

    return press


@pytest.fixture
def follow(pages: Pages) -> Callable[..., Page]:
    """Follows a link by its accessible name and runs axe on the page it leads to."""

    def go(page: Page, link: str, status: int = 200) -> Page:
        return _press(pages, page, page.get_by_role("link", name=link, exact=True), status)

    return go


@pytest.fixture
def browser_plan(transactional_db, write_csv, private_files):  # type: ignore[no-untyped-def]
    """The small plan and cast of tests/conftest.py, committed so the live server's thread sees it."""
    return build_plan(write_csv)


@pytest.fixture
def sign_in(pages: Pages, browser_plan, visit, submit) -> Callable[[str], Page]:  # type: ignore[no-untyped-def]
    """A new browser context, signed in through the sign-in page as someone in the cast."""

    def signed_in(username: str) -> Page:
        page = visit(pages.new(), "/sign-in/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        submit(page, "Sign in")
        assert page.get_by_role("button", name=f"Sign out {username}").is_visible()
        return page

    return signed_in


def fill_date(page: Page, legend: str, day: date, parts: tuple[str, ...] = ("day", "month", "year")) -> None:
    """Types a date as a person does in GOV.UK's date input: a number in each of its boxes, found in the
    group its legend names."""
    group = page.get_by_role("group", name=legend, exact=True)
    for part in parts:
        group.get_by_label(part.title(), exact=True).fill(str(getattr(day, part)))
