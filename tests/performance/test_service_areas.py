"""The service areas page: each area of the scorecard with its managers, who officers add and remove."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.contrib.auth import get_user_model

from oversight.accounts.models import Membership
from oversight.audit.models import Change
from oversight.performance.models import Indicator, ServiceAreaManager
from tests.parsed import visible_text
from tests.performance.test_scorecard_queries import AREAS, scorecard
from tests.plans.views.test_query_counts import queries

pytestmark = pytest.mark.django_db
URL = "/plans/demo/scorecard/service-areas/"


@pytest.fixture
def areas(plan) -> None:
    for name, area in [("ICPCs in timescale", "Safeguarding"), ("Care leavers in touch", "Care leavers")]:
        Indicator.objects.create(plan=plan, name=name, service_area=area, polarity="higher", target=D(90))


def _person(username: str) -> str:
    return str(get_user_model().objects.get(username=username).pk)


def test_everyone_sees_each_service_area_with_its_managers(signed_in, plan, areas) -> None:
    ServiceAreaManager.objects.create(
        plan=plan, service_area="Safeguarding", user=get_user_model().objects.get(username="lee")
    )
    page = signed_in("vic").get(URL).content.decode()
    assert page.index("Care leavers") < page.index("Safeguarding")
    assert "Lee (lee@council.example)" in page
    assert "No manager: nobody is emailed about this area" in page
    assert "Add a manager" not in visible_text(page) and "Remove" not in visible_text(page)  # changes nothing


def test_an_officer_adds_a_manager_and_it_is_audited(signed_in, plan, areas) -> None:
    client = signed_in("olivia")
    response = client.post(URL, {"service_area": "Safeguarding", "person": _person("lee")})
    assert response["Location"] == URL
    manager = ServiceAreaManager.objects.get()
    assert (manager.service_area, manager.user.username) == ("Safeguarding", "lee")
    change = Change.objects.get(field="service area manager: Safeguarding")
    assert (change.kind, change.old_value, change.new_value, change.actor) == ("added", "", "lee", "Olivia")
    page = client.get(URL).content.decode()
    assert "Lee now manages Safeguarding." in page and "Remove<span" in page


def test_an_officer_removes_a_manager_and_it_is_audited(signed_in, plan, areas) -> None:
    manager = ServiceAreaManager.objects.create(
        plan=plan, service_area="Care leavers", user=get_user_model().objects.get(username="lara")
    )
    response = signed_in("alice").post(f"{URL}{manager.pk}/remove/")
    assert response["Location"] == URL
    assert not ServiceAreaManager.objects.exists()
    change = Change.objects.get(field="service area manager: Care leavers")
    assert (change.kind, change.old_value, change.new_value, change.actor) == ("removed", "lara", "", "Alice")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (
            {"service_area": "Fostering", "person": "lee"},
            "Select a service area of the plan&#x27;s indicators",
        ),
        ({"service_area": "Safeguarding", "person": ""}, "Select a person with a role in this plan"),
        ({"service_area": "Safeguarding", "person": "nora"}, "Select a person with a role in this plan"),
        ({"service_area": "Safeguarding", "person": "99999"}, "Select a person with a role in this plan"),
        ({"service_area": "Safeguarding", "person": "ana"}, "They already manage Safeguarding"),
    ],
)
def test_a_manager_must_be_someone_in_the_plan_for_one_of_its_areas(
    signed_in, plan, areas, data: dict[str, str], problem: str
) -> None:
    ana = get_user_model().objects.get(username="ana")
    ServiceAreaManager.objects.create(plan=plan, service_area="Safeguarding", user=ana)
    person = data["person"]
    if person and not person.isdecimal():
        person = _person(person)
    response = signed_in("olivia").post(URL, {**data, "person": person})
    assert response.status_code == 400
    assert problem in response.content.decode()
    assert ServiceAreaManager.objects.count() == 1
    assert not Change.objects.filter(field__startswith="service area manager").exists()


@pytest.mark.parametrize("username", ["lee", "bob", "ana", "vic"])
def test_only_administrators_and_officers_change_the_managers(signed_in, plan, areas, username: str) -> None:
    manager = ServiceAreaManager.objects.create(
        plan=plan, service_area="Safeguarding", user=get_user_model().objects.get(username="lee")
    )
    client = signed_in(username)
    assert client.post(URL, {"service_area": "Care leavers", "person": _person("lee")}).status_code == 403
    assert client.post(f"{URL}{manager.pk}/remove/").status_code == 403
    assert list(ServiceAreaManager.objects.all()) == [manager]


def test_a_manager_who_has_left_the_plan_is_shown_as_such(signed_in, plan, areas) -> None:
    lara = get_user_model().objects.get(username="lara")
    ServiceAreaManager.objects.create(plan=plan, service_area="Care leavers", user=lara)
    Membership.objects.filter(user=lara).delete()
    page = signed_in("olivia").get(URL).content.decode()
    assert "No longer has a role in this plan" in page


def test_the_page_makes_as_many_queries_for_60_indicators_as_for_3(signed_in, plan) -> None:
    scorecard(plan, indicators=3, months=1)
    users = get_user_model().objects.all()
    client = signed_in("olivia")
    small = (queries(client, URL, cold=True), queries(client, URL, cold=False))
    scorecard(plan, indicators=60, months=1)
    for area in AREAS:
        ServiceAreaManager.objects.bulk_create(
            ServiceAreaManager(plan=plan, service_area=area, user=user) for user in users
        )
    page = client.get(URL).content.decode()
    assert page.count("Remove<span") == len(AREAS) * users.count()
    assert (queries(client, URL, cold=True), queries(client, URL, cold=False)) == small
