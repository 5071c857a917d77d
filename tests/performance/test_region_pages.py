"""The regional view: a region's members see every Annex A measure of its councils side by side as at
a date, with the region's figure and each council's rank, and download them; no one else sees the
region at all, and nothing but the totals is shown."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from oversight.annex_a.region import regional_measures
from oversight.performance.annex_a_engine import annex_a_engine
from oversight.performance.models import Region
from tests.annex_a.test_region import AS_AT, COUNCILS, three_councils
from tests.parsed import visible_text

LATER = date(2023, 6, 30)


@pytest.fixture(scope="module")
def regions_dir(tmp_path_factory):
    """The regions' folder, holding London's three councils' exports (and Anytown's of a later date)."""
    folder = tmp_path_factory.mktemp("regions")
    three_councils(folder / "databases", folder / "regions" / "london")
    return folder / "regions"


@pytest.fixture
def london(regions_dir, plan, settings) -> Region:
    """London, of which rhea (who has no role in any plan) and ana are members; and Kent, of neither."""
    settings.ANNEX_A_REGIONS_DIR = regions_dir
    region = Region.objects.create(slug="london", name="London")
    users = get_user_model()
    region.members.add(users.objects.create_user("rhea"), users.objects.get(username="ana"))
    Region.objects.create(slug="kent", name="Kent")
    return region


def as_rhea(client):
    client.force_login(get_user_model().objects.get(username="rhea"))
    return client


def test_a_member_sees_every_measure_council_by_council_with_the_region_and_ranks(london, client) -> None:
    page = as_rhea(client).get("/regions/london/?as_at=2023-03-31")
    assert page.status_code == 200
    text = visible_text(page)
    assert "As at 31 March 2023: 3 councils (Anytown, Bexbury, Castleford)" in text
    expected = regional_measures(london_folder(london), AS_AT, annex_a_engine().settings)
    assert expected and len(page.context["tables"]) == len(expected)
    for table, measure in zip(page.context["tables"], expected, strict=True):
        assert table.caption.startswith(f"{measure.name}, as at 31 March 2023")
        assert [row[1] for row in table.rows] == [c.council for c in measure.councils]
        assert [row[0] for row in table.rows if row[0] != "-"] == [c.rank for c in measure.councils if c.rank]
        assert table.total[1:4] == ["The region", measure.numerator, measure.denominator]
        assert measure.numerator == sum(row[2] for row in table.rows)
        assert table.caption in text
    assert "Every measure, council by council, as CSV (.csv)" in text


def test_the_latest_date_is_shown_first_and_either_date_can_be_chosen(london, client) -> None:
    page = as_rhea(client).get("/regions/london/")
    assert "As at 30 June 2023: 1 council (Anytown)" in visible_text(page)
    html = page.content.decode()
    assert '<option value="2023-06-30" selected>30 June 2023</option>' in html
    assert '<option value="2023-03-31">31 March 2023</option>' in html
    assert as_rhea(client).get("/regions/london/?as_at=2023-04-30").status_code == 404  # no figures then
    assert as_rhea(client).get("/regions/london/?as_at=soon").status_code == 404


def test_the_downloads_hold_the_same_totals_and_no_childs_row(london, client) -> None:
    expected = regional_measures(london_folder(london), AS_AT, annex_a_engine().settings)
    response = as_rhea(client).get("/regions/london/2023-03-31.csv")
    assert response["Content-Disposition"] == 'attachment; filename="london-annex-a-2023-03-31.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Measure", "Name", "Council", "Rank", "Met", "Counted", "%", "Left out"]
    assert len(rows) == 1 + sum(len(m.councils) + 1 for m in expected)
    assert {row[2] for row in rows[1:]} == {*COUNCILS, "The region"}
    book = load_workbook(io.BytesIO(as_rhea(client).get("/regions/london/2023-03-31.xlsx").content))
    assert len(book.sheetnames) == len(expected)
    sheet = book.worksheets[0]
    region_row = next(row for row in sheet.iter_rows(values_only=True) if row[1] == "The region")
    assert region_row[2:4] == (expected[0].numerator, expected[0].denominator)
    assert as_rhea(client).get("/regions/london/2023-04-30.csv").status_code == 404
    assert as_rhea(client).get("/regions/london/2023-03-31.pdf").status_code == 404


def test_no_one_but_its_members_sees_a_region(london, client, signed_in) -> None:
    lee = signed_in("lee")  # a lead in the plan, not in the region
    for address in ("/regions/london/", "/regions/london/2023-03-31.csv", "/regions/nowhere/"):
        assert lee.get(address).status_code == 404
    assert "London" not in visible_text(lee.get("/regions/"))
    rhea = as_rhea(client)
    assert rhea.get("/regions/kent/").status_code == 404  # another region's address
    assert rhea.get("/regions/kent/2023-03-31.csv").status_code == 404
    client.logout()
    assert client.get("/regions/london/")["Location"].startswith("/sign-in/?next=")


def test_the_plans_page_links_a_members_regions(london, client, signed_in) -> None:
    home = visible_text(as_rhea(client).get("/"))
    assert "Regions" in home and "London" in home and "Kent" not in home
    assert "Regions" not in visible_text(signed_in("lee").get("/"))


def test_a_region_with_no_exports_yet_says_how_they_come(london, client, tmp_path, settings) -> None:
    settings.ANNEX_A_REGIONS_DIR = tmp_path
    page = as_rhea(client).get("/regions/london/")
    assert page.status_code == 200
    assert "No council in London has exported its Annex A figures yet" in visible_text(page)


def test_regions_and_their_members_are_set_by_command(plan, settings, tmp_path, capsys) -> None:
    settings.ANNEX_A_REGIONS_DIR = tmp_path
    call_command("region", "add", "south-east", "--name", "South East")
    assert (tmp_path / "south-east").is_dir()
    call_command("region", "member", "south-east", "ana", "lee")
    region = Region.objects.get(slug="south-east")
    assert sorted(u.username for u in region.members.all()) == ["ana", "lee"]
    call_command("region", "member", "south-east", "lee", "--remove")
    call_command("region", "list")
    assert f"south-east: South East (ana); exports in {tmp_path / 'south-east'}" in capsys.readouterr().out
    with pytest.raises(CommandError, match="no such user: nobody"):
        call_command("region", "member", "south-east", "ana", "nobody")
    with pytest.raises(CommandError, match="there is no region 'north'"):
        call_command("region", "member", "north", "ana")
    with pytest.raises(CommandError, match="is not a short name"):
        call_command("region", "add", "South East!", "--name", "x")
    with pytest.raises(CommandError, match="200 characters or less"):
        call_command("region", "add", "north", "--name", "N" * 201)
    assert not Region.objects.filter(slug="north").exists()


def london_folder(region: Region):
    from oversight.performance.regions import folder

    return folder(region)
