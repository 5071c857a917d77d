from __future__ import annotations

import json
from datetime import date

import pytest

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.problems import ImportFailed
from oversight.plans.models import Action, ImportRun, Plan, Priority
from oversight.plans.plan_import import import_plan
from tests.conftest import BROMLEY

pytestmark = pytest.mark.django_db

HEADER = ["Priority", "Action ID", "Key Action", "Lead", "Agency Involvement", "Timescale"]
ALICE = Actor("alice")


def plan_rows(*rows: list[str]) -> list[list[str]]:
    return [HEADER, *rows]


def test_it_imports_the_bromley_plan() -> None:
    summary = import_plan(
        BROMLEY / "plan.csv", "bromley", ALICE, title="Improvement Plan", council="London Borough of Bromley"
    )
    assert len(summary.added) == 256
    plan = Plan.objects.get(slug="bromley")
    assert plan.started == date(2016, 5, 1)  # the first month of any timescale
    assert plan.priorities.count() == 10
    assert str(plan.priorities.get(number=8)) == "Priority 8 - CSE, Missing and Gangs"
    action = Action.objects.get(plan=plan, action_id="5.8.3")
    assert action.timescale == "Dec-16" and action.last_month == date(2016, 12, 1)
    assert Change.objects.filter(plan=plan, kind=Change.Kind.ADDED).count() == 256
    run = ImportRun.objects.get(plan=plan)
    assert run.actor == "alice" and run.summary["added"] == 256 and len(run.sha256) == 64


def test_action_ids_sort_naturally_in_the_register(write_csv) -> None:
    path = write_csv(
        "plan.csv",
        plan_rows(
            ["1", "1.10", "Ten", "", "", "Dec-16"],
            ["1", "1.9", "Nine", "", "", "Dec-16"],
            ["1", "1.9.1", "Nine one", "", "", "Dec-16"],
        ),
    )
    import_plan(path, "p", ALICE)
    assert list(Action.objects.values_list("action_id", flat=True)) == ["1.9", "1.9.1", "1.10"]


def test_a_reimport_updates_by_action_id_and_keeps_the_old_values(write_csv) -> None:
    first = write_csv(
        "v1.csv",
        plan_rows(
            ["Priority 1 - Leadership", "1.1", "Protocol", "DCS", "Health", "Dec-16"],
            ["Priority 1 - Leadership", "1.2", "Survey", "DCS", "", "Jan-17"],
            ["Priority 1 - Leadership", "1.3", "Audit", "HOS", "", "Jan-17"],
        ),
    )
    import_plan(first, "p", ALICE)
    second = write_csv(
        "v2.csv",
        plan_rows(
            ["Priority 1 - Leadership", "1.1", "Protocol", "DCS", "Health", "Mar-17"],
            ["Priority 2 - Quality", "1.2", "Staff survey", "HR Director", "", "Jan-17"],
            ["Priority 1 - Leadership", "1.4", "New action", "DCS", "", "Apr-17"],
        ),
    )
    summary = import_plan(second, "p", Actor("bob"))

    assert summary.added == ["1.4"]
    assert summary.changed == {"1.1": ["timescale"], "1.2": ["priority", "key_action", "lead"]}
    assert summary.no_longer_in_file == ["1.3"]
    assert summary.unchanged == 0
    drift = Change.objects.get(action__action_id="1.1", field="timescale")
    assert (drift.old_value, drift.new_value, drift.actor) == ("Dec-16", "Mar-17", "bob")
    assert drift.changed is not None
    moved = Action.objects.get(action_id="1.2")
    assert moved.priority.number == 2 and moved.lead == "HR Director"
    retired = Action.objects.get(action_id="1.3")
    assert retired.in_plan is False  # kept, not deleted
    assert Change.objects.filter(action=retired, kind=Change.Kind.LEFT_PLAN, actor="bob").exists()
    assert Action.objects.get(action_id="1.1").last_month == date(2017, 3, 1)


def test_an_action_that_comes_back_is_back_in_the_plan(write_csv) -> None:
    both = plan_rows(["1", "1.1", "A", "", "", "Dec-16"], ["1", "1.2", "B", "", "", "Dec-16"])
    import_plan(write_csv("a.csv", both), "p", ALICE)
    import_plan(write_csv("b.csv", both[:2]), "p", ALICE)
    summary = import_plan(write_csv("c.csv", both), "p", ALICE)
    assert summary.back_in_file == ["1.2"] and summary.unchanged == 1
    assert Action.objects.get(action_id="1.2").in_plan


def test_an_action_already_out_of_the_plan_does_not_leave_it_again(write_csv) -> None:
    both = plan_rows(["1", "1.1", "A", "", "", "Dec-16"], ["1", "1.2", "B", "", "", "Dec-16"])
    import_plan(write_csv("a.csv", both), "p", ALICE)
    import_plan(write_csv("b.csv", both[:2]), "p", ALICE)
    summary = import_plan(write_csv("c.csv", both[:2]), "p", Actor("bob"))
    assert summary.no_longer_in_file == [] and summary.unchanged == 1
    assert list(
        Change.objects.filter(kind=Change.Kind.LEFT_PLAN).values_list("action__action_id", "actor")
    ) == [("1.2", "alice")]


def test_the_same_file_twice_changes_nothing() -> None:
    import_plan(BROMLEY / "plan.csv", "bromley", ALICE)
    changes = Change.objects.count()
    summary = import_plan(BROMLEY / "plan.csv", "bromley", ALICE)
    assert (len(summary.added), len(summary.changed), summary.unchanged) == (0, 0, 256)
    assert Change.objects.count() == changes


def test_a_bad_file_changes_nothing(write_csv) -> None:
    import_plan(write_csv("a.csv", plan_rows(["1", "1.1", "A", "DCS", "", "Dec-16"])), "p", ALICE)
    before = (Action.objects.count(), Change.objects.count(), ImportRun.objects.count())
    bad = write_csv(
        "b.csv",
        plan_rows(["1", "1.1", "A", "Someone else", "", "Dec-16"], ["1", "1.2", "B", "", "", "Ongoing"]),
    )
    with pytest.raises(ImportFailed):
        import_plan(bad, "p", ALICE)
    assert (Action.objects.count(), Change.objects.count(), ImportRun.objects.count()) == before
    assert Action.objects.get(action_id="1.1").lead == "DCS"


def test_a_failure_while_saving_rolls_everything_back(write_csv, monkeypatch) -> None:
    import_plan(write_csv("a.csv", plan_rows(["1", "1.1", "A", "DCS", "", "Dec-16"])), "p", ALICE)

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Change.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        import_plan(
            write_csv(
                "b.csv",
                plan_rows(["1", "1.1", "A", "HOS", "", "Jan-17"], ["1", "1.2", "B", "", "", "Jan-17"]),
            ),
            "p",
            ALICE,
        )
    assert list(Action.objects.values_list("action_id", "lead")) == [("1.1", "DCS")]
    assert ImportRun.objects.count() == 1


def test_priority_titles_that_change_are_recorded(write_csv) -> None:
    import_plan(
        write_csv("a.csv", plan_rows(["Priority 1 - Leadership", "1.1", "A", "", "", "Dec-16"])), "p", ALICE
    )
    import_plan(
        write_csv(
            "b.csv", plan_rows(["Priority 1 - Leadership and Governance", "1.1", "A", "", "", "Dec-16"])
        ),
        "p",
        ALICE,
    )
    assert Priority.objects.get(number=1).title == "Leadership and Governance"
    change = Change.objects.get(priority__number=1, field="title")
    assert (change.old_value, change.new_value) == ("Leadership", "Leadership and Governance")


def test_an_added_action_records_its_values(write_csv) -> None:
    import_plan(
        write_csv("a.csv", plan_rows(["1", "1.1", "Protocol", "DCS", "Health", "Dec-16"])), "p", ALICE
    )
    added = json.loads(Change.objects.get(kind=Change.Kind.ADDED).new_value)
    assert added == {
        "priority": "1",
        "key_action": "Protocol",
        "lead": "DCS",
        "agencies": "Health",
        "timescale": "Dec-16",
    }


def test_the_plan_start_month_can_be_given(write_csv) -> None:
    import_plan(
        write_csv("a.csv", plan_rows(["1", "1.1", "A", "", "", "Dec-16"])),
        "p",
        ALICE,
        started=date(2016, 5, 1),
        title="Plan",
        council="Example",
    )
    plan = Plan.objects.get()
    assert (plan.started, plan.title, plan.council) == (date(2016, 5, 1), "Plan", "Example")
