"""The site on a phone and on paper. Every page the browser tests visit is checked at 320 and 1280 px
wide (tests/browser/conftest.py: no page scrolls sideways, axe at both widths, one row of navigation on
a laptop); here, the exception report printed, and a wide table read on a phone."""

from __future__ import annotations

import pytest

from tests.pdfs import read_pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_exception_report_prints_its_content_alone_on_a4_with_page_numbers(sign_in, visit):
    page = visit(sign_in("vic"), "/plans/demo/report/")
    heading = page.locator("h1").inner_text()
    page.emulate_media(media="print")
    for hidden in (
        ".govuk-generic-header",
        ".govuk-service-navigation",
        ".govuk-breadcrumbs",
        "form",
        ".govuk-footer",
    ):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.get_by_role("heading", name="Download this report").is_hidden()
    shown_after_links = page.evaluate(
        """() => Array.from(document.querySelectorAll('main a[href]'))
            .map(a => getComputedStyle(a, '::after').content).filter(c => c && c !== 'none')"""
    )
    assert shown_after_links == []  # no link's address printed after it
    pdf = read_pdf(page.pdf(prefer_css_page_size=True))
    assert pdf.info["Page size"].endswith("(A4)")
    assert heading in pdf.pages[0] and "Table 1" in pdf.text
    assert all(f"Page {n} of {len(pdf.pages)}" in text for n, text in enumerate(pdf.pages, start=1))
    assert not pdf.pages[0].lstrip().startswith("Oversight")  # the site's header is not printed
    for navigation in ("Sign out", "Audit log", "Show report", "Download this report"):
        assert navigation not in pdf.text


def test_a_wide_table_scrolls_in_its_own_box_on_a_phone(sign_in, visit):
    page = visit(sign_in("olivia"), "/plans/demo/actions/")
    page.set_viewport_size({"width": 320, "height": 720})
    box = page.get_by_role("region", name="Actions")
    assert box.evaluate("box => box.scrollWidth > box.clientWidth")  # the table is wider than the phone
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320  # the page is not
    box.focus()  # a keyboard reaches it, to scroll it with the arrow keys
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Actions"
    assert page.locator("svg.app-chart").count() == 0 or page.locator("svg.app-chart").first.is_hidden()
