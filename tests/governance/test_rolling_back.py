"""Importing recommendations, and a plan that links its actions to them, is all or nothing: a save that
fails part of the way through (the database refuses its second write, then its third, and so on)
leaves every table and the plan's revision exactly as they were."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.audit.actors import Actor
from oversight.governance.models import Inspection, ProgressUpdate, Recommendation
from oversight.governance.recommendation_import import import_recommendations
from oversight.plans.models import Plan
from oversight.plans.plan_import import import_plan
from tests.conftest import DATA
from tests.failures import fail_at_each_write_in_turn
from tests.governance.test_mapping import plan_rows

pytestmark = pytest.mark.django_db

TELFORD = DATA / "telford-2018" / "recommendations.csv"
OFFICER = Actor("officer")


@pytest.fixture
def telford(write_csv) -> Plan:
    actions = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4"]
    rows = [["Priority", "Action ID", "Key Action", "Lead", "Agency Involvement", "Timescale"]]
    rows += [[f"Priority {a[0]}", a, f"Getting to Good action {a}.", "AD", "", "Sep 17"] for a in actions]
    import_plan(write_csv("g2g.csv", rows), "telford", Actor("setup"), title="Getting to Good")
    return Plan.objects.get(slug="telford")


def test_a_recommendations_import_that_fails_part_way_changes_nothing(telford) -> None:
    revision = telford.revision

    def save() -> None:
        import_recommendations(
            TELFORD, "telford", date(2016, 8, 26), OFFICER, judgements={"overall": "Requires improvement"}
        )

    writes = fail_at_each_write_in_turn(save)

    assert writes > 11  # the inspection, 11 recommendations, their actions and updates, the changes
    assert Recommendation.objects.count() == 11 and ProgressUpdate.objects.count() == 11
    assert Inspection.objects.get().judgements == {"overall": "Requires improvement"}
    assert Plan.objects.get(pk=telford.pk).revision == revision + 1


def test_changing_recommendations_that_fails_part_way_changes_nothing(telford, write_csv) -> None:
    import_recommendations(TELFORD, "telford", date(2016, 8, 26), OFFICER)
    rows = [
        ["G2G Action", "Ofsted Recommendation No", "Ofsted Recommendation", "Update at 31.3.2018"],
        [
            "2.1",
            "1",
            "Ensure that every social worker has regular supervision.",
            "Monthly supervision audit.",
        ],
        ["3.1, 3.2", "2", "Ensure that IROs have time to scrutinise plans.", "Two more IROs appointed."],
    ]
    file = write_csv("corrected.csv", rows)

    writes = fail_at_each_write_in_turn(
        lambda: import_recommendations(file, "telford", date(2016, 8, 26), OFFICER)
    )

    assert writes > 4
    first = Recommendation.objects.get(number=1)
    assert first.text == "Ensure that every social worker has regular supervision."
    assert list(first.actions.values_list("action_id", flat=True)) == ["2.1"]


def test_a_plan_import_linking_actions_to_recommendations_that_fails_part_way_changes_nothing(
    write_csv,
) -> None:
    import_plan(write_csv("plan.csv", plan_rows("", "", "")), "p", Actor("setup"))
    rows = [["No", "Recommendation"], ["1", "First."], ["2", "Second."], ["3", "Third."]]
    import_recommendations(write_csv("recs.csv", rows), "p", date(2016, 8, 1), Actor("setup"))
    file = write_csv("plan2.csv", plan_rows("1, 2", "2", "3 and 1"))

    writes = fail_at_each_write_in_turn(lambda: import_plan(file, "p", OFFICER))

    assert writes > 4  # the import run, the plan, the links of three recommendations and their changes
    linked = Recommendation.objects.get(number=1).actions.values_list("action_id", flat=True)
    assert sorted(linked) == ["1.1", "3.1"]
