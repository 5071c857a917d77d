"""A plan file's column of recommendation numbers links its actions to Ofsted's recommendations."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.governance.models import Recommendation
from oversight.governance.recommendation_import import import_recommendations
from oversight.lib.problems import ImportFailed
from oversight.plans.models import Action
from oversight.plans.plan_import import import_plan

pytestmark = pytest.mark.django_db

HEADER = [
    "Priority",
    "Action ID",
    "Key Action",
    "Lead",
    "Agency Involvement",
    "Timescale",
    "Ofsted Recommendations",
]


def plan_rows(*recommendations: str) -> list[list[str]]:
    rows = [HEADER]
    for i, recs in enumerate(recommendations, start=1):
        rows.append([f"Priority {i}", f"{i}.1", f"Action {i}.", "DCS", "", "Dec 16", recs])
    return rows


@pytest.fixture
def inspection(write_csv):
    import_plan(write_csv("plan.csv", plan_rows("", "", "")), "p", Actor("setup"))
    rows = [["No", "Recommendation"], ["1", "First."], ["2", "Second."], ["3", "Third."]]
    import_recommendations(write_csv("recs.csv", rows), "p", date(2016, 8, 1), Actor("setup"))


def linked(number: int) -> list[str]:
    return sorted(Recommendation.objects.get(number=number).actions.values_list("action_id", flat=True))


def test_the_plan_file_says_which_recommendations_each_action_answers(inspection, write_csv) -> None:
    summary = import_plan(write_csv("plan2.csv", plan_rows("1, 2", "2", "3 and 1")), "p", Actor("olivia"))
    assert (linked(1), linked(2), linked(3)) == (["1.1", "3.1"], ["1.1", "2.1"], ["3.1"])
    assert "  links from actions to Ofsted's recommendations: 5" in summary.lines()
    change = Change.objects.get(field="recommendation 2 actions")
    assert (change.old_value, change.new_value, change.actor) == ("", "1.1 2.1", "olivia")


def test_reimporting_moves_links_as_the_file_now_says(inspection, write_csv) -> None:
    import_plan(write_csv("a.csv", plan_rows("1", "1", "")), "p", Actor("o"))
    import_plan(write_csv("b.csv", plan_rows("", "2", "")), "p", Actor("o"))
    assert (linked(1), linked(2)) == ([], ["2.1"])


def test_an_action_left_out_of_the_file_keeps_its_links(inspection, write_csv) -> None:
    import_plan(write_csv("a.csv", plan_rows("1", "1", "")), "p", Actor("o"))
    without_1_1 = [row for row in plan_rows("", "", "") if row[1] != "1.1"]
    import_plan(write_csv("b.csv", without_1_1), "p", Actor("o"))
    assert linked(1) == ["1.1"]  # the file says nothing of 1.1; 2.1 it now links to nothing
    assert not Action.objects.get(action_id="1.1").in_plan


def test_a_bad_number_and_an_unknown_one_are_listed_at_once_and_nothing_changes(
    inspection, write_csv
) -> None:
    rows = plan_rows("1", "9", "x")
    rows[1][2] = "Changed text."
    with pytest.raises(ImportFailed) as failed:
        import_plan(write_csv("bad.csv", rows), "p", Actor("o"))
    assert [str(p) for p in failed.value.problems] == [
        "bad.csv, row 3, column G (Ofsted Recommendations): there is no recommendation 9 in the Single "
        "inspection framework (SIF) inspection published 01 August 2016",
        "bad.csv, row 4, column G (Ofsted Recommendations): 'x' is not a list of recommendation numbers: "
        "expected numbers such as '3, 7'",
    ]
    assert Action.objects.get(action_id="1.1").key_action == "Action 1."  # nothing changed


def test_numbers_before_any_recommendations_are_imported_are_refused(write_csv) -> None:
    with pytest.raises(
        ImportFailed,
        match="the plan has no inspection yet: import its recommendations with the plan, or first",
    ):
        import_plan(write_csv("plan.csv", plan_rows("1")), "q", Actor("o"))
