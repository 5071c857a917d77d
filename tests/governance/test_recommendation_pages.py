"""The recommendations on the website: progress for each, mapping actions, updates, the committee report."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.governance.models import ProgressUpdate, Recommendation
from oversight.governance.recommendation_import import import_recommendations
from tests.posted import date_boxes, typed_date

pytestmark = pytest.mark.django_db


@pytest.fixture
def recs(plan, write_csv) -> dict[int, Recommendation]:
    rows = [
        ["No", "Recommendation", "Putting Children First Pillars", "Theme", "Actions"],
        ["1", "Ensure leaders oversee practice.", "People and Leadership", "Leadership", "1.1 1.2"],
        ["2", "Ensure strategy discussions are timely.", "Practice and Systems", "Practice", "2.1"],
    ]
    import_recommendations(write_csv("recs.csv", rows), "demo", date(2016, 8, 1), Actor("officer"))
    return {r.number: r for r in Recommendation.objects.all()}


def test_the_list_shows_each_recommendations_actions_and_their_state(signed_in, recs) -> None:
    page = signed_in("vic").get("/plans/demo/governance/recommendations/").content.decode()
    assert "1.1, 1.2: 1 Red, 1 Green; overdue: 1.1" in page
    assert "2.1: 1 Amber; overdue: 2.1" in page
    assert f"/plans/demo/governance/recommendations/{recs[1].pk}/" in page


def test_an_officer_maps_actions_to_a_recommendation_and_it_is_audited(signed_in, recs) -> None:
    url = f"/plans/demo/governance/recommendations/{recs[2].pk}/"
    assert signed_in("olivia").post(url, {"actions": "2.1, 2.2"}).status_code == 302
    assert sorted(recs[2].actions.values_list("action_id", flat=True)) == ["2.1", "2.2"]
    change = Change.objects.get(field="recommendation 2 actions", source="governance")
    assert (change.old_value, change.new_value, change.actor) == ("2.1", "2.1 2.2", "Olivia")
    response = signed_in("olivia").post(url, {"actions": "2.1 7.7"})
    assert response.status_code == 400 and "Not in this plan: 7.7" in response.content.decode()
    assert sorted(recs[2].actions.values_list("action_id", flat=True)) == ["2.1", "2.2"]


def test_an_officer_writes_a_dated_update_with_its_impact(signed_in, recs) -> None:
    url = f"/plans/demo/governance/recommendations/{recs[1].pk}/"
    data = {
        **date_boxes("as_at", date(2017, 12, 31)),
        "progress": "Practice week held.",
        "impact": "Audits graded good: 60%.",
    }
    assert signed_in("olivia").post(url, data).status_code == 302
    update = ProgressUpdate.objects.get()
    assert (update.as_at, update.progress, update.impact, update.actor) == (
        date(2017, 12, 31),
        "Practice week held.",
        "Audits graded good: 60%.",
        "Olivia",
    )
    page = signed_in("vic").get(url).content.decode()
    assert "Update at 31 December 2017" in page and "Audits graded good: 60%." in page
    response = signed_in("olivia").post(
        url, {**typed_date("as_at", "31", "12", ""), "progress": "", "impact": ""}
    )
    assert response.status_code == 400
    assert "The date of the update must include a year" in response.content.decode()
    assert "Enter the progress made, the impact seen, or both" in response.content.decode()


@pytest.mark.parametrize("username", ["lee", "bob", "vic"])
def test_only_administrators_and_officers_change_recommendations(signed_in, recs, username) -> None:
    url = f"/plans/demo/governance/recommendations/{recs[1].pk}/"
    client = signed_in(username)
    assert client.get(url).status_code == 200
    assert client.post(url, {"actions": ""}).status_code == 404
    assert client.post(url, {**date_boxes("as_at", date(2017, 12, 31)), "progress": "x"}).status_code == 404
    assert recs[1].actions.count() == 2 and ProgressUpdate.objects.count() == 0


def test_the_committee_report_downloads_by_theme_and_pillar(signed_in, recs) -> None:
    client = signed_in("vic")
    word = client.get("/plans/demo/governance/committee-report-by-pillar.docx")
    headings = [
        p.text for p in Document(io.BytesIO(word.content)).paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings[:2] == ["People and Leadership", "Practice and Systems"]
    html = client.get("/plans/demo/governance/committee-report-by-theme.html").content.decode()
    assert "<h2>Leadership</h2>" in html and "<h2>Practice</h2>" in html
    assert client.get("/plans/demo/governance/committee-report-by-colour.html").status_code == 404


def test_without_recommendations_the_page_says_how_to_import_them(signed_in) -> None:
    page = signed_in("vic").get("/plans/demo/governance/recommendations/").content.decode()
    assert "oversight import-recommendations FILE --plan demo" in page


def test_an_officer_uploads_recommendations_previews_them_and_imports(signed_in, plan) -> None:
    import re

    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.conftest import DATA

    client = signed_in("olivia")
    content = (DATA / "reading-2016" / "recommendations.csv").read_bytes()
    data = {"kind": "recommendations", "sheet": ""}
    refused = client.post("/plans/demo/import/", {**data, "file": SimpleUploadedFile("r.csv", content)})
    assert refused.status_code == 400 and "the inspection report was published" in refused.content.decode()
    data |= date_boxes("published", date(2016, 8, 1))
    preview_url = client.post("/plans/demo/import/", {**data, "file": SimpleUploadedFile("r.csv", content)})[
        "Location"
    ]
    page = client.get(preview_url).content.decode()
    assert "recommendations to add: 18" in page and "Added: recommendation 18" in page
    assert Recommendation.objects.count() == 0
    revision = re.search(r'name="revision" value="(\d+)"', page).group(1)
    client.post(preview_url + "confirm/", {"revision": revision})
    assert Recommendation.objects.count() == 18
