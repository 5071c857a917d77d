"""The audit trail's Change model moved from plans to audit (plans 0009, audit 0001) keeping its table and
every record in it: a database with changes recorded before the move has the same records after it,
read through the audit app, and the model's content type follows it."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from oversight.audit.models import Change

BEFORE = [("plans", "0008_plan_settings")]


def migrate(targets: list[tuple[str, str]] | None = None) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return MigrationExecutor(connection)


@pytest.mark.django_db(transaction=True)
def test_changes_recorded_before_the_move_are_the_audit_trails_after_it() -> None:
    old = migrate(BEFORE).loader.project_state(BEFORE[0]).apps
    ContentType.objects.filter(model="change").delete()
    old_type = ContentType.objects.create(app_label="plans", model="change")
    plan = old.get_model("plans", "Plan").objects.create(slug="demo", title="Improvement plan")
    priority = old.get_model("plans", "Priority").objects.create(plan=plan, number=1, title="Leadership")
    action = old.get_model("plans", "Action").objects.create(
        plan=plan,
        priority=priority,
        action_id="1.1",
        sort_key="0001.0001",
        key_action="Agree the protocol",
        timescale="Dec-16",
        first_month="2016-12-01",
        last_month="2016-12-01",
    )
    recorded = old.get_model("plans", "Change")
    first = recorded.objects.create(
        plan=plan, action=action, kind="changed", field="lead", old_value="HOS", new_value="DCS",
        actor="Olivia", source="website",
    )  # fmt: skip
    second = recorded.objects.create(
        plan=plan, priority=priority, kind="added", field="title", new_value="Leadership", actor="setup",
        source="plan import: plan.csv",
    )  # fmt: skip

    migrate()
    ContentType.objects.clear_cache()

    moved = {c.pk: c for c in Change.objects.all()}
    assert set(moved) == {first.pk, second.pk}
    assert (moved[first.pk].action_id, moved[first.pk].field, moved[first.pk].old_value) == (
        action.pk,
        "lead",
        "HOS",
    )
    assert (moved[first.pk].new_value, moved[first.pk].actor, moved[first.pk].changed) == (
        "DCS",
        "Olivia",
        first.changed,
    )
    assert (moved[second.pk].priority_id, moved[second.pk].source) == (priority.pk, "plan import: plan.csv")
    assert Change._meta.db_table == "plans_change"
    assert ContentType.objects.get_for_model(Change).pk == old_type.pk
    assert not ContentType.objects.filter(app_label="plans", model="change").exists()


@pytest.mark.django_db(transaction=True)
def test_the_move_can_be_undone_keeping_every_record() -> None:
    latest = migrate().loader.project_state(("audit", "0001_change_from_plans")).apps
    plan = latest.get_model("plans", "Plan").objects.create(slug="demo", title="Improvement plan")
    kept = latest.get_model("audit", "Change").objects.create(
        plan=plan,
        kind="changed",
        field="setting",
        old_value="No",
        new_value="Yes",
        actor="Alice",
        source="plan settings",
    )
    old = migrate(BEFORE).loader.project_state(BEFORE[0]).apps
    back = old.get_model("plans", "Change").objects.get()
    assert (back.pk, back.field, back.new_value, back.actor) == (kept.pk, "setting", "Yes", "Alice")
    migrate()
