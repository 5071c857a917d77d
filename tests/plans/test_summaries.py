"""The statuses' summary in the database stays equal to what the plan's whole history says, whatever
is saved, imported, verified, sent back or moved, and in whatever order."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

import pytest
import time_machine
from django.core.cache import cache

from oversight.audit.actors import Actor
from oversight.lib.months import add_months, last_day, month_of
from oversight.plans import register as registers
from oversight.plans.models import Action, MonthCount, Plan
from oversight.plans.plan_import import import_plan
from oversight.plans.register import register
from oversight.plans.status_import import import_statuses
from oversight.plans.summaries import rebuild
from oversight.plans.updates import StatusUpdate, latest_change_id, record_status
from oversight.plans.verification import NotComplete, send_back, verify_completion
from tests.conftest import PLAN_ROWS

pytestmark = pytest.mark.django_db

OFFICER = Actor("olivia")
RAGS = ["R", "A", "G", "W"]


def from_history(plan: Plan, day: date) -> registers.Register:
    return registers._from_history(plan.pk, plan.started, day)


def counts(plan: Plan) -> dict[tuple[date, int, str], int]:
    rows = MonthCount.objects.filter(plan=plan).values_list("month", "priority_id", "rag", "actions")
    return {(month, priority, rag): n for month, priority, rag, n in rows if n}


def assert_summary_matches_history(plan: Plan, day: date) -> None:
    plan.refresh_from_db()
    cache.clear()
    assert plan.summary_month is None or plan.summary_month <= month_of(day)  # the summary is what is read
    summarised, worked_out = register(plan, day), from_history(plan, day)
    assert summarised.actions == worked_out.actions
    assert summarised.pace == worked_out.pace


class Council:
    """Does what the people of a council do to a plan over the months, at random."""

    def __init__(self, plan: Plan, write_csv, seed: int) -> None:
        self.plan, self.write_csv, self.rng = plan, write_csv, random.Random(seed)
        self.day = date(2017, 2, 3)
        self.files = 0

    def action(self) -> Action:
        return self.rng.choice(list(Action.objects.filter(plan=self.plan, in_plan=True)))

    def save(self) -> None:
        action = self.action()
        rag = self.rng.choice(RAGS)
        update = StatusUpdate(rag, f"Update {self.day}", action.revision, latest_change_id(action))
        record_status(action, update, Actor("lee"), self.day)

    def import_file(self) -> None:
        # a month end up to three months back, or this month's end as soon as the file comes in
        as_at = last_day(add_months(month_of(self.day), -self.rng.randrange(0, 4)))
        as_at = min(as_at, self.day) if month_of(as_at) == month_of(self.day) else as_at
        chosen = self.rng.sample(list(Action.objects.filter(plan=self.plan, in_plan=True)), k=3)
        rows = [["Action ID", "RAG", "Commentary"]]
        rows += [[a.action_id, self.rng.choice(RAGS), f"As at {as_at}"] for a in chosen]
        self.files += 1
        import_statuses(self.write_csv(f"status-{self.files}.csv", rows), "demo", as_at, OFFICER)

    def verify(self) -> None:
        try:
            verify_completion(self.action(), Actor("bob"), reason="Seen at the board.")
        except NotComplete:
            pass  # not Green, or verified already: nothing changes

    def send_back(self) -> None:
        try:
            send_back(self.action(), "The minutes do not show it.", Actor("bob"), self.day)
        except NotComplete:
            pass

    def move_or_drop_an_action(self) -> None:
        rows = [list(row) for row in PLAN_ROWS]
        choice = self.rng.randrange(3)
        if choice == 0:
            rows[5][0] = "Priority 1 - Leadership and Governance"  # 2.3 moves to priority 1
        elif choice == 1:
            del rows[5]  # 2.3 leaves the plan (and comes back with the next plan file that has it)
        self.files += 1
        import_plan(self.write_csv(f"plan-{self.files}.csv", rows), "demo", OFFICER)

    def next_day(self) -> None:
        self.day = self.day + timedelta(days=self.rng.choice([1, 6, 17, 33]))

    def act(self) -> str:
        what = self.rng.choices(
            ["save", "import_file", "verify", "send_back", "move_or_drop_an_action", "next_day"],
            weights=[6, 2, 2, 1, 1, 3],
        )[0]
        # on the council's day: a verification is recorded when it is made
        with time_machine.travel(datetime.combine(self.day, time(11), tzinfo=UTC), tick=False):
            getattr(self, what)()
        return what


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_after_every_change_the_summary_gives_the_register_the_history_gives(plan, write_csv, seed):
    council = Council(plan, write_csv, seed)
    done = []
    for _ in range(45):
        done.append(council.act())
        assert_summary_matches_history(plan, council.day)
    assert {"save", "import_file", "verify", "move_or_drop_an_action"} <= set(done)
    kept = counts(plan)
    rebuild(plan.pk)
    assert kept == counts(plan)  # the counts kept save by save are those built from the whole history


def test_a_plan_from_before_the_summary_is_summarised_on_its_first_use(plan):
    day = date(2017, 2, 1)
    expected = from_history(plan, day)
    Plan.objects.filter(pk=plan.pk).update(summarised=False, summary_month=None)
    MonthCount.objects.filter(plan=plan).delete()
    plan.refresh_from_db()
    cache.clear()
    assert register(plan, day).actions == expected.actions
    plan.refresh_from_db()
    assert plan.summarised and plan.summary_month == date(2017, 1, 1)


def test_a_day_before_the_latest_status_is_worked_out_from_the_history(plan):
    record_status(
        Action.objects.get(plan=plan, action_id="1.1"),
        StatusUpdate("G", "Agreed.", Action.objects.get(plan=plan, action_id="1.1").revision, 0),
        Actor("lee"),
        date(2017, 3, 2),
    )
    plan.refresh_from_db()
    january = register(plan, date(2017, 1, 31))
    assert {a.action_id: a.rag for a in january.actions}["1.1"] == "R"  # as it was then, not Green
    assert {a.action_id: a.rag for a in register(plan, date(2017, 3, 2)).actions}["1.1"] == "G"


class SameDayCouncil(Council):
    """The council's people on one busy day, which also brings a plan file that renames a lead."""

    def rename_a_lead(self) -> None:
        rows = [list(row) for row in PLAN_ROWS]
        rows[self.rng.randrange(1, len(rows))][3] = f"Lead {self.files}"
        self.files += 1
        import_plan(self.write_csv(f"plan-{self.files}.csv", rows), "demo", OFFICER)

    def act(self) -> str:
        what = self.rng.choices(
            ["save", "import_file", "verify", "send_back", "rename_a_lead", "move_or_drop_an_action"],
            weights=[8, 2, 2, 1, 2, 1],
        )[0]
        with time_machine.travel(datetime.combine(self.day, time(11), tzinfo=UTC), tick=False):
            getattr(self, what)()
        return what


@pytest.mark.parametrize("seed", [5, 6, 7])
def test_the_plan_as_read_brought_up_to_date_after_each_change_is_the_plan_read_whole(
    plan, write_csv, seed, monkeypatch
):
    """Through the shared cache, as the pages read it: after a change the plan as kept at the revision
    before is brought up to date with the actions changed since, unless the change touched the plan's
    actions as a whole; either way it is the plan read whole from the summary."""
    whole_reads = []
    read_whole = registers._from_summary

    def counted(*args):  # type: ignore[no-untyped-def]
        whole_reads.append(args[1])
        return read_whole(*args)

    council = SameDayCouncil(plan, write_csv, seed)
    council.day = date(2017, 3, 20)
    done = []
    for _ in range(30):
        done.append(council.act())
        plan.refresh_from_db()
        monkeypatch.setattr(registers, "_from_summary", counted)
        kept = register(plan, council.day)
        monkeypatch.setattr(registers, "_from_summary", read_whole)
        whole = read_whole(plan.pk, plan.revision, plan.started, plan.summary_month, council.day)
        assert kept.actions == whole.actions, done[-1]
        assert kept.pace == whole.pace, done[-1]
        assert kept.revision == whole.revision == plan.revision
    brought_up_to_date = len(done) - len(whole_reads)
    assert brought_up_to_date >= done.count("save")  # every save: only what it changed is read
