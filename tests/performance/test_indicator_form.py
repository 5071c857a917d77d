"""Adding and changing an indicator: what the form accepts, what it refuses, who may change one, and
the audit of every changed detail."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from importlib import import_module

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.governance.models import Inspection, Recommendation
from oversight.lib.months import month_of
from oversight.performance.indicator_form import DEFAULTS, Choices, changes, form_values, problems, read
from oversight.performance.models import Indicator
from oversight.performance.values import record_value
from oversight.plans.models import Plan

CHOICES = Choices(
    owners={"7": "Lee", "8": "Ana"},
    measures={"icpc_15": "Initial child protection conferences within 15 working days"},
    action_ids=frozenset({"8.3.4", "8.3.5", "1.1"}),
    recommendations=frozenset({1, 2, 3}),
    taken_names=frozenset({"Re-referrals within 12 months"}),
)
FORM = DEFAULTS | {
    "name": "Return interviews within 72 hours",
    "service_area": "Children in care",
    "polarity": "higher",
    "target": "80",
    "tolerance": "5",
}


def form(**changed: str) -> dict[str, str]:
    return FORM | changed


def test_a_complete_form_has_no_problems() -> None:
    assert problems(form(), CHOICES) == {}
    full = form(
        owner="7", source="annex_a", measure="icpc_15", england="82", statistical_neighbours="80.5%",
        region="79", comparators_year="2022-23", actions="8.3.4, 8.3.5", recommendations="3 1",
    )  # fmt: skip
    assert problems(full, CHOICES) == {}


def test_every_problem_is_named_at_once_in_the_forms_order() -> None:
    found = problems(form(name="", service_area="", polarity="", unit="furlongs", frequency="daily"), CHOICES)
    assert list(found) == ["name", "service_area", "unit", "polarity", "frequency"]
    assert found["name"] == "Enter the indicator's name"


def test_a_name_another_indicator_of_the_plan_has_is_refused() -> None:
    found = problems(form(name="Re-referrals within 12 months"), CHOICES)
    assert found == {"name": "There is already an indicator with that name"}


@pytest.mark.parametrize("text", ["ninety", "NaN", "Infinity", "1e12", "9O"])
def test_numbers_are_refused_unless_they_are_numbers_the_scorecard_can_keep(text: str) -> None:
    found = problems(form(target=text, england=text, comparators_year="2022-23"), CHOICES)
    assert found == {
        "target": "Enter the target as a number, for example 90",
        "england": "Enter England's figure as a number, for example 90",
    }


def test_a_percent_sign_is_allowed_and_a_negative_tolerance_is_not() -> None:
    assert problems(form(target="80%", tolerance="2.5%"), CHOICES) == {}
    assert problems(form(tolerance="-1"), CHOICES) == {"tolerance": "Enter an amber tolerance of 0 or more"}


def test_an_indicator_computed_from_annex_a_names_its_measure() -> None:
    assert problems(form(source="annex_a"), CHOICES) == {
        "measure": "Select the Annex A measure it is computed from"
    }
    assert "measure" in problems(form(source="annex_a", measure="made_up"), CHOICES)
    assert problems(form(source="sorcery"), CHOICES) == {"source": "Select where its values come from"}
    assert read(form(source="entered", measure="icpc_15")).measure == ""  # kept only for Annex A


def test_comparators_need_the_year_they_are_for() -> None:
    assert problems(form(england="82"), CHOICES) == {
        "comparators_year": "Enter the year the comparators are for, for example 2022-23"
    }
    assert problems(form(comparators_year="last year"), CHOICES) == {
        "comparators_year": "Enter the comparators' year as 2022-23 or 2023"
    }


def test_the_owner_is_someone_with_a_role_in_the_plan() -> None:
    assert problems(form(owner="99"), CHOICES) == {"owner": "Select the owner from the people in this plan"}


def test_linked_actions_and_recommendations_must_exist() -> None:
    found = problems(form(actions="8.3.4 9.9, 10.1", recommendations="2, 19"), CHOICES)
    assert found == {
        "actions": "Not in this plan: 9.9, 10.1. Enter action IDs such as 8.3.4, 8.3.5",
        "recommendations": (
            "The latest inspection has no recommendation 19. Its recommendations are numbered 1 to 3"
        ),
    }
    assert problems(form(recommendations="two"), CHOICES) == {
        "recommendations": "Enter recommendation numbers, for example 3, 7"
    }
    none_yet = Choices(owners={}, measures={})
    assert problems(form(recommendations="1"), none_yet) == {
        "recommendations": "This plan has no Ofsted recommendations yet: import them first"
    }


def test_the_form_reads_what_the_model_keeps_and_gives_it_back() -> None:
    details = read(
        form(
            target="80%", england="82.50", comparators_year="2022-23", owner="7", actions="8.3.5 8.3.4 8.3.5"
        )
    )
    assert (details.target, details.england, details.owner_id) == (D(80), D("82.5"), 7)
    assert details.actions == ("8.3.5", "8.3.4") and details.region is None
    again = form_values(details)
    assert (again["target"], again["england"], again["actions"]) == ("80", "82.5", "8.3.5, 8.3.4")
    assert read(again) == details


def test_changes_are_worded_for_the_audit_log() -> None:
    before = read(form(owner="7", actions="8.3.4, 8.3.5"))
    after = read(
        form(owner="8", target="85.0", tolerance="5.00", source="annex_a", measure="icpc_15",
             actions="8.3.5 8.3.4", polarity="lower")
    )  # fmt: skip
    assert changes(before, after, {7: "Lee", 8: "Ana"}) == [
        ("polarity", "Higher is better", "Lower is better"),
        ("target", "80", "85"),
        ("owner", "Lee", "Ana"),
        ("source", "Entered on the website", "Computed from Annex A"),
        ("what it is computed from", "", "icpc_15"),
    ]  # the same actions in another order, and the tolerance written differently, are no change


# The pages


@pytest.fixture
def indicator(plan):
    return Indicator.objects.create(
        plan=plan, name="Return interviews within 72 hours", service_area="Children in care",
        polarity="higher", target=D(80), tolerance=D(5),
    )  # fmt: skip


@pytest.mark.django_db
def test_an_officer_changes_an_indicator_and_each_changed_detail_is_audited(
    signed_in, plan, indicator
) -> None:
    lee = get_user_model().objects.get(username="lee")
    inspection = Inspection.objects.create(plan=plan, published=date(2016, 8, 1))
    Recommendation.objects.create(inspection=inspection, number=3, text="Ensure return interviews happen.")
    client = signed_in("olivia")
    page = client.get(f"/plans/demo/scorecard/{indicator.pk}/edit/").content.decode()
    assert 'value="Return interviews within 72 hours"' in page and "Lee (Action lead)" in page
    response = client.post(
        f"/plans/demo/scorecard/{indicator.pk}/edit/",
        form(target="85", owner=str(lee.pk), england="82", comparators_year="2022-23", actions="2.1",
             recommendations="3"),
    )  # fmt: skip
    assert response["Location"] == f"/plans/demo/scorecard/{indicator.pk}/"
    indicator.refresh_from_db()
    assert (indicator.target, indicator.owner, indicator.england) == (D(85), lee, D(82))
    assert [a.action_id for a in indicator.actions.all()] == ["2.1"]
    assert [r.number for r in indicator.recommendations.all()] == [3]
    audited = {
        c.field: (c.old_value, c.new_value, c.actor)
        for c in Change.objects.filter(field__startswith="indicator: Return interviews")
    }
    assert audited == {
        "indicator: Return interviews within 72 hours, target": ("80", "85", "Olivia"),
        "indicator: Return interviews within 72 hours, owner": ("", "Lee", "Olivia"),
        "indicator: Return interviews within 72 hours, England": ("", "82", "Olivia"),
        "indicator: Return interviews within 72 hours, comparators' year": ("", "2022-23", "Olivia"),
        "indicator: Return interviews within 72 hours, actions": ("", "2.1", "Olivia"),
        "indicator: Return interviews within 72 hours, recommendations": ("", "3", "Olivia"),
    }


@pytest.mark.django_db
def test_saving_it_unchanged_records_nothing(signed_in, indicator) -> None:
    client = signed_in("ana")
    before = Change.objects.count()
    assert client.post(f"/plans/demo/scorecard/{indicator.pk}/edit/", form()).status_code == 302
    assert Change.objects.count() == before


@pytest.mark.django_db
def test_a_form_with_problems_is_shown_again_with_them_and_changes_nothing(signed_in, indicator) -> None:
    response = signed_in("olivia").post(
        f"/plans/demo/scorecard/{indicator.pk}/edit/", form(target="lots", actions="9.9", name="")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and 'href="#target"' in page and "Not in this plan: 9.9" in page
    assert 'value="lots"' in page  # what was typed is kept
    indicator.refresh_from_db()
    assert indicator.target == D(80) and indicator.name == "Return interviews within 72 hours"


@pytest.mark.django_db
def test_renaming_an_indicator_keeps_the_history_of_its_values_on_its_page(signed_in, indicator) -> None:
    record_value(indicator, month_of(date.today()), D(64), Actor("Ana"), "website")
    client = signed_in("olivia")
    client.post(f"/plans/demo/scorecard/{indicator.pk}/edit/", form(name="RHIs within 72 hours"))
    renamed = Change.objects.get(field="indicator: Return interviews within 72 hours, name")
    assert (renamed.old_value, renamed.new_value) == (
        "Return interviews within 72 hours",
        "RHIs within 72 hours",
    )
    page = client.get(f"/plans/demo/scorecard/{indicator.pk}/").content.decode()
    assert '<h1 class="govuk-heading-xl">RHIs within 72 hours</h1>' in page
    assert "to 64" in page  # the value recorded under its old name


@pytest.mark.django_db
def test_a_new_indicator_may_be_linked_as_it_is_added(signed_in, plan) -> None:
    response = signed_in("olivia").post(
        "/plans/demo/scorecard/new/", form(actions="1.1 2.1", source="imported")
    )
    indicator = Indicator.objects.get()
    assert response["Location"] == f"/plans/demo/scorecard/{indicator.pk}/"
    assert indicator.source == "imported" and indicator.actions.count() == 2
    assert Change.objects.filter(field="indicator", new_value=indicator.name).exists()
    assert Change.objects.get(field__endswith=", actions").new_value == "1.1, 2.1"


EDITORS = ("alice", "olivia", "ana")


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["alice", "olivia", "lee", "lara", "bob", "ana", "vic"])
def test_only_administrators_officers_and_analysts_change_an_indicator(
    signed_in, indicator, username
) -> None:
    client = signed_in(username)
    may = username in EDITORS
    assert client.get(f"/plans/demo/scorecard/{indicator.pk}/edit/").status_code == (200 if may else 403)
    response = client.post(f"/plans/demo/scorecard/{indicator.pk}/edit/", form(target="1"))
    assert response.status_code == (302 if may else 403)
    indicator.refresh_from_db()
    assert indicator.target == (D(1) if may else D(80))
    page = client.get(f"/plans/demo/scorecard/{indicator.pk}/").content.decode()
    assert (f"/plans/demo/scorecard/{indicator.pk}/edit/" in page) is may


@pytest.mark.django_db
def test_someone_without_a_role_is_told_there_is_no_such_page(signed_in, indicator) -> None:
    assert signed_in("nora").get(f"/plans/demo/scorecard/{indicator.pk}/edit/").status_code == 404


@pytest.mark.django_db
def test_an_indicator_of_another_plan_cannot_be_changed_through_this_one(
    signed_in, indicator, write_csv
) -> None:
    other = Plan.objects.create(slug="other", title="Another council's plan")
    stranger = Indicator.objects.create(plan=other, name="Elsewhere", service_area="X", polarity="higher")
    assert signed_in("olivia").get(f"/plans/demo/scorecard/{stranger.pk}/edit/").status_code == 404


@pytest.mark.django_db
def test_the_indicator_page_names_the_measure_its_values_are_computed_from(signed_in, indicator) -> None:
    Indicator.objects.filter(pk=indicator.pk).update(source="annex_a", measure="icpc_15")
    page = signed_in("vic").get(f"/plans/demo/scorecard/{indicator.pk}/").content.decode()
    assert "Computed from Annex A: Initial child protection conferences within 15 working days" in page


@pytest.mark.django_db
def test_an_indicator_given_a_former_indicators_name_does_not_take_its_history(signed_in, indicator) -> None:
    record_value(indicator, month_of(date.today()), D(64), Actor("Ana"), "website")
    client = signed_in("olivia")
    client.post(f"/plans/demo/scorecard/{indicator.pk}/edit/", form(name="RHIs within 72 hours"))
    newcomer = Indicator.objects.create(
        plan=indicator.plan, name="Return interviews within 72 hours", service_area="Children in care",
        polarity="higher",
    )  # fmt: skip
    assert "to 64" not in client.get(f"/plans/demo/scorecard/{newcomer.pk}/").content.decode()
    assert "to 64" in client.get(f"/plans/demo/scorecard/{indicator.pk}/").content.decode()


@pytest.mark.django_db
def test_records_made_before_they_named_their_indicator_are_linked_through_its_renames(indicator) -> None:
    link_indicators = import_module("oversight.plans.migrations.0007_change_indicator").link_indicators
    ana, plan_id = Actor("Ana"), indicator.plan_id
    Change.objects.bulk_create(
        [
            trail.change(plan_id, ana, "website", "added", "indicator", new="RHIs"),
            trail.change(plan_id, ana, "website", "added", "indicator value: RHIs, March 2018", "", "61"),
            trail.change(plan_id, ana, "website", "changed", "indicator: RHIs, name", "RHIs", indicator.name),
            trail.change(plan_id, ana, "website", "added", f"indicator value: {indicator.name}, April 2018"),
            trail.change(plan_id, ana, "website", "added", "indicator value: Other, April 2018", "", "5"),
        ]
    )
    # the migration runs on the models as they stood then, when plans kept the audit trail
    link_indicators(MigrationLoader(connection).project_state(("plans", "0007_change_indicator")).apps, None)
    linked = Change.objects.filter(indicator=indicator).order_by("id").values_list("field", flat=True)
    assert list(linked) == [
        "indicator",
        "indicator value: RHIs, March 2018",
        "indicator: RHIs, name",
        f"indicator value: {indicator.name}, April 2018",
    ]
    assert Change.objects.get(field="indicator value: Other, April 2018").indicator is None
