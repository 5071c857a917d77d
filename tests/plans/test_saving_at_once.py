"""Twenty leads saving different actions of one plan at the same moment, on PostgreSQL, while others
read the plan: every save lands, and every read shows a state whose counts add up."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from oversight.audit.actors import Actor
from oversight.plans import register as registers
from oversight.plans.models import Action, MonthCount, Plan, StatusRecord
from oversight.plans.plan_import import import_plan
from oversight.plans.progress import rag_counts
from oversight.plans.status_import import import_statuses
from oversight.plans.summaries import rebuild
from oversight.plans.updates import Conflict, StatusUpdate, latest_change_id, record_status
from oversight.plans.verification import verify_completion
from tests.conftest import PLAN_ROWS

LEADS = 20
READERS = 4


def counts(plan: Plan) -> dict[tuple[object, int, str], int]:
    rows = MonthCount.objects.filter(plan=plan).values_list("month", "priority_id", "rag", "actions")
    return {(month, priority, rag): n for month, priority, rag, n in rows if n}


def plan_of_45_actions(write_csv) -> tuple[Plan, list[Action]]:  # type: ignore[no-untyped-def]
    extra = [["Priority 2 - Practice", f"2.9.{i}", f"Action {i}.", "HOS LS", "", "Jun 17"] for i in range(40)]
    import_plan(write_csv("plan.csv", [*PLAN_ROWS, *extra]), "demo", Actor("setup"))
    plan = Plan.objects.get(slug="demo")
    return plan, list(Action.objects.filter(plan=plan).order_by("sort_key"))


@pytest.mark.django_db(transaction=True)
def test_twenty_saves_at_once_all_land_and_every_read_adds_up(write_csv, private_files):
    if connection.vendor != "postgresql":
        pytest.skip("saves at once, each in its own connection, need PostgreSQL (SQLite takes one at a time)")
    plan, actions = plan_of_45_actions(write_csv)
    today = timezone.localdate()
    start, errors, seen = threading.Barrier(LEADS + READERS), [], Counter()
    done = threading.Event()

    def save(action: Action) -> None:
        try:
            start.wait()
            update = StatusUpdate(
                "GRA"[action.pk % 3], "Updated at month end.", action.revision, latest_change_id(action)
            )
            record_status(action, update, Actor(f"lead {action.pk}"), today)
        except Exception as error:  # noqa: BLE001 - every failure is reported, not just the first
            errors.append(f"save {action.action_id}: {error!r}")
        finally:
            connection.close()

    def read() -> None:
        try:
            start.wait()
            while not done.is_set():
                current = Plan.objects.get(pk=plan.pk)
                seen_now = registers._from_summary(
                    current.pk, current.revision, current.started, current.summary_month, today
                )
                by_priority = rag_counts(seen_now.actions, {1: "", 2: ""})
                greens = sum(1 for a in seen_now.actions if a.rag == "G")
                if sum(p.total for p in by_priority) != len(actions):
                    errors.append("a read lost an action")
                if seen_now.pace and seen_now.pace[-1].completed != greens:
                    errors.append(
                        f"a read counted {seen_now.pace[-1].completed} complete but showed {greens} Green"
                    )
                seen["reads"] += 1
        except Exception as error:  # noqa: BLE001
            errors.append(f"read: {error!r}")
        finally:
            connection.close()

    savers = [threading.Thread(target=save, args=(a,)) for a in actions[:LEADS]]
    readers = [threading.Thread(target=read) for _ in range(READERS)]
    for thread in savers + readers:
        thread.start()
    for thread in savers:
        thread.join(timeout=120)
    done.set()
    for thread in readers:
        thread.join(timeout=120)

    assert errors == []
    assert seen["reads"] >= READERS
    assert StatusRecord.objects.filter(action__plan=plan).count() == LEADS
    cache.clear()
    final = registers.register(Plan.objects.get(pk=plan.pk), today)
    assert sum(1 for a in final.actions if a.rag) == LEADS
    kept = counts(plan)
    rebuild(plan.pk)
    assert kept == counts(plan)


@pytest.mark.django_db(transaction=True)
def test_a_status_file_a_verification_and_saves_of_the_same_actions_at_once_never_wait_on_each_other(
    write_csv, private_files
):
    """Every writer to a plan takes the plan's row before its actions' rows: a status file of every
    action imported while leads save some of those actions and the board verifies one finishes with no
    deadlock; a save that loses the race is refused as a conflict (the lead sees what changed)."""
    if connection.vendor != "postgresql":
        pytest.skip("writers at once, each in its own connection, need PostgreSQL")
    plan, actions = plan_of_45_actions(write_csv)
    today = timezone.localdate()
    record_status(actions[0], StatusUpdate("G", "Done.", actions[0].revision, 0), Actor("lee"), today)
    rows = [["Action ID", "RAG", "Commentary"], *[[a.action_id, "A", "Month end."] for a in actions[1:]]]
    status_file = write_csv("statuses.csv", rows)
    start, errors, refused = threading.Barrier(12), [], []

    def run(what, *args) -> None:  # type: ignore[no-untyped-def]
        try:
            start.wait()
            what(*args)
        except Conflict:
            refused.append(args)
        except Exception as error:  # noqa: BLE001 - every failure is reported, not just the first
            errors.append(f"{what.__name__}: {error!r}")
        finally:
            connection.close()

    def save(action: Action) -> None:
        update = StatusUpdate("R", "Slipped.", action.revision, latest_change_id(action))
        record_status(action, update, Actor("lead"), today)

    threads = [threading.Thread(target=run, args=(import_statuses, status_file, "demo", today, Actor("o")))]
    threads.append(threading.Thread(target=run, args=(verify_completion, actions[0], Actor("bob"), "Seen.")))
    threads += [threading.Thread(target=run, args=(save, action)) for action in actions[1:11]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert len(refused) <= 10
    kept = counts(plan)
    rebuild(plan.pk)
    assert kept == counts(plan)
