"""Every change recorded in the audit trail keeps who, when, the old and the new value, and moves on the
revision of the action it is about (plans keeps the revisions, and registers them with the trail), so
that a form opened before the change is refused on save; one recorded alone moves its plan's revision
too, which retires cached pages (an import moves it once, at its end)."""

from __future__ import annotations

from oversight.audit import trail
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.plans.models import Action, Plan

OLIVIA = Actor("Olivia", None)


def revisions(plan: Plan, *action_ids: str) -> tuple[int, ...]:
    plan.refresh_from_db()
    actions = dict(Action.objects.filter(plan=plan).values_list("action_id", "revision"))
    return (plan.revision, *(actions[a] for a in action_ids))


def test_a_recorded_change_keeps_who_what_and_the_old_and_new_value(plan) -> None:
    action = Action.objects.get(plan=plan, action_id="1.1")
    trail.record(plan.pk, OLIVIA, "website", Change.Kind.CHANGED, "lead", "HOS", "DCS", action_id=action.pk)
    latest = Change.objects.filter(plan=plan).first()
    assert latest is not None
    assert (latest.actor, latest.source, latest.kind, latest.field, latest.old_value, latest.new_value) == (
        "Olivia",
        "website",
        "changed",
        "lead",
        "HOS",
        "DCS",
    )
    assert latest.action == action and latest.changed is not None


def test_recording_a_change_moves_the_plans_and_its_actions_revision_on(plan) -> None:
    before = revisions(plan, "1.1", "1.2")
    action = Action.objects.get(plan=plan, action_id="1.1")
    trail.record(plan.pk, OLIVIA, "website", Change.Kind.CHANGED, "lead", "HOS", "DCS", action_id=action.pk)
    assert revisions(plan, "1.1", "1.2") == (before[0] + 1, before[1] + 1, before[2])


def test_changes_saved_together_move_each_action_once(plan) -> None:
    before = revisions(plan, "1.1", "1.2", "2.1")
    pks = dict(Action.objects.filter(plan=plan).values_list("action_id", "pk"))
    trail.save(
        [
            trail.change(plan.pk, OLIVIA, "plan import", Change.Kind.CHANGED, "lead", action_id=pks["1.1"]),
            trail.change(
                plan.pk, OLIVIA, "plan import", Change.Kind.CHANGED, "agencies", action_id=pks["1.1"]
            ),
            trail.change(
                plan.pk, OLIVIA, "plan import", Change.Kind.CHANGED, "timescale", action_id=pks["2.1"]
            ),
        ]
    )
    assert revisions(plan, "1.1", "1.2", "2.1") == (before[0], before[1] + 1, before[2], before[3] + 1)
    assert Change.objects.filter(plan=plan, source="plan import").count() == 3


def test_saving_no_changes_records_and_moves_nothing(plan, django_assert_num_queries) -> None:
    with django_assert_num_queries(0):
        trail.save([])
