"""A member of a regional improvement alliance, with no role in any council's plan, opens the region's
Annex A figures from the plans page, chooses a date, and downloads them; at 320 and 1,280 px wide."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth import get_user_model

from oversight.performance.models import Region
from tests.annex_a.test_region import three_councils
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [320, 1280])
def test_a_regional_member_reads_the_councils_figures_side_by_side_and_downloads_them(
    width, sign_in, visit, follow, submit, browser_plan, settings, tmp_path
):
    three_councils(tmp_path / "databases", tmp_path / "regions" / "london")
    settings.ANNEX_A_REGIONS_DIR = tmp_path / "regions"
    rhea = get_user_model().objects.create_user("rhea", "rhea@region.example", PASSWORD)
    Region.objects.create(slug="london", name="London").members.add(rhea)
    Region.objects.create(slug="kent", name="Kent").members.add(rhea)  # no council has exported yet
    page = sign_in("rhea")
    page.set_viewport_size({"width": width, "height": 900})
    assert "You do not have a role in any plan yet" in page.locator("main").inner_text()
    follow(page, "London")
    main = page.locator("main")
    assert "As at 30 June 2023: 1 council (Anytown)" in main.inner_text()

    page.get_by_label("As at", exact=True).select_option("2023-03-31")
    submit(page, "Show figures")
    assert "As at 31 March 2023: 3 councils (Anytown, Bexbury, Castleford)" in main.inner_text()
    first = page.get_by_role("table").first
    assert first.locator("tfoot").inner_text().split("\t")[1].strip() == "The region"
    assert first.locator("tbody tr").count() == 3

    with page.expect_download() as download:
        page.get_by_role("link", name="Every measure, council by council, as CSV (.csv)").click()
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read())))
    assert rows[0][:3] == ["Measure", "Name", "Council"] and {row[2] for row in rows[1:]} >= {"The region"}

    visit(page, "/regions/")
    assert page.get_by_role("link", name="Kent").count() == 1
    follow(page, "Kent")
    assert "No council in Kent has exported its Annex A figures yet" in main.inner_text()
