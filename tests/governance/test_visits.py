"""Ofsted's monitoring visits, recorded by officers and read by everyone in the plan."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.audit.models import Change
from oversight.governance.models import MonitoringVisit
from tests import parsed
from tests.posted import date_boxes, typed_date

pytestmark = pytest.mark.django_db

VISIT = {
    **date_boxes("visited", date(2017, 3, 14)),
    "inspectors": "Jane Inspector HMI, Sam Reviewer HMI",
    "focus": "Children in need of help and protection: the front door and strategy discussions.",
    "findings": "Improved timeliness of strategy discussions; management oversight still variable.",
    "letter_url": "https://files.ofsted.gov.uk/v1/file/50000000",
}


def test_an_officer_records_a_visit_everyone_can_read(signed_in, plan) -> None:
    response = signed_in("olivia").post("/plans/demo/governance/visits/", VISIT)
    visit = MonitoringVisit.objects.get()
    assert response["Location"] == f"/plans/demo/governance/visits/{visit.pk}/"
    assert (visit.visited, visit.inspectors) == (date(2017, 3, 14), VISIT["inspectors"])
    page = signed_in("vic").get(f"/plans/demo/governance/visits/{visit.pk}/").content.decode()
    assert VISIT["findings"] in page and VISIT["letter_url"] in page
    assert "14 March 2017" in signed_in("vic").get("/plans/demo/governance/").content.decode()
    assert Change.objects.filter(field="monitoring visit", actor="Olivia").exists()


def test_a_visit_needs_a_date_inspectors_and_focus(signed_in) -> None:
    data = {
        **VISIT,
        **typed_date("visited", "31", "2", "2017"),
        "inspectors": "",
        "letter_url": "ofsted letter",
    }
    response = signed_in("olivia").post("/plans/demo/governance/visits/", data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "The date of the visit must be a real date" in text and "Enter the inspectors" in text
    assert "starting https://" in text
    assert MonitoringVisit.objects.count() == 0


@pytest.mark.parametrize("username", ["lee", "bob", "vic"])
def test_only_administrators_and_officers_record_visits(signed_in, username) -> None:
    assert signed_in(username).post("/plans/demo/governance/visits/", VISIT).status_code == 404
    assert MonitoringVisit.objects.count() == 0


def test_the_governance_page_lists_visits_in_its_content_and_keeps_its_title_plain(signed_in) -> None:
    signed_in("olivia").post("/plans/demo/governance/visits/", VISIT)
    visit = MonitoringVisit.objects.get()
    response = signed_in("vic").get("/plans/demo/governance/")
    assert parsed.title(response) == "Governance – Improvement plan – Oversight"
    found = parsed.links(response)
    assert found["14 March 2017"] == f"/plans/demo/governance/visits/{visit.pk}/"
    assert found["All monitoring visits"] == "/plans/demo/governance/visits/"
    assert "Monitoring visits" in parsed.texts(response, "//main//h2")
