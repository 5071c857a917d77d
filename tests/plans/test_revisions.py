"""Every change to an action moves its revision on and stamps it with the revision its plan will have,
whether or not the writer opened a transaction (the audit trail records some changes on their own)."""

from __future__ import annotations

import pytest

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.plans.models import Action, Plan
from oversight.plans.revisions import actions_changed, stamp


@pytest.mark.django_db(transaction=True)
def test_a_change_recorded_outside_a_transaction_stamps_its_action_above_the_revision_before(
    write_csv, private_files
) -> None:
    from tests.conftest import build_plan

    plan = build_plan(write_csv)
    action = Action.objects.get(plan=plan, action_id="1.1")
    before, action_revision = Plan.objects.get(pk=plan.pk).revision, action.revision
    trail.record(
        plan.pk, Actor("olivia"), "website", "changed", "task", "", "Audit the files", action_id=action.pk
    )
    action.refresh_from_db()
    after = Plan.objects.get(pk=plan.pk).revision
    assert before < action.changed_at <= after
    assert action.revision == action_revision + 1


@pytest.mark.django_db
def test_a_stamp_is_one_above_the_plans_revision_and_leaves_the_actions_revisions(plan) -> None:
    revision = Plan.objects.get(pk=plan.pk).revision
    action_revision = Action.objects.get(plan=plan, action_id="1.2").revision
    stamp(plan.pk, [Action.objects.get(plan=plan, action_id="1.2").pk])
    stamped = dict(Action.objects.filter(plan=plan).values_list("action_id", "changed_at"))
    assert stamped["1.2"] == revision + 1 and stamped["1.1"] <= revision
    actions_changed([])  # nothing to do
    assert Action.objects.get(plan=plan, action_id="1.2").revision == action_revision
