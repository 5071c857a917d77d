"""Workforce returns imported into a plan: all or nothing, every changed figure in the audit trail with
its old and new value, the return's and the plan's revisions moved on; a month of staff records replaces
the month's records, the audit trail counting the workers (never more than their staff IDs)."""

from __future__ import annotations

import pytest

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.problems import ImportFailed
from oversight.plans.models import Plan
from oversight.workforce.models import StaffRecord, TeamReturn
from oversight.workforce.returns_import import import_staff_records, import_team_returns
from tests.workforce.conftest import HEADER, STAFF_HEADER, return_rows

pytestmark = pytest.mark.django_db
OLIVIA = Actor("Olivia")


def test_a_return_with_every_kind_of_problem_changes_nothing(plan, teams, write_csv) -> None:
    rows = return_rows()
    rows.append(["2026-12", "Assessment 1", "ten", "8", "1", "2", "0", "0", "4", "1", "1"])
    rows.append(["2026-12", "Assessment 9", "10", "8", "1", "2", "0", "0", "4", "1", "1"])
    rows.append(["2026-12", "IRO service", "5", "3", "0", "2", "0", "4", "0", "0", "0"])
    revision = Plan.objects.get(pk=plan.pk).revision
    with pytest.raises(ImportFailed) as refused:
        import_team_returns(write_csv("returns.csv", rows), "demo", OLIVIA)
    assert [p.column[:1] for p in refused.value.problems] == ["C", "B", "H"]
    assert (
        not TeamReturn.objects.exists() and not Change.objects.filter(source__startswith="workforce").exists()
    )
    assert Plan.objects.get(pk=plan.pk).revision == revision


def test_a_changed_figure_is_audited_with_old_and_new_and_moves_the_revision(plan, teams, write_csv) -> None:
    first = import_team_returns(write_csv("returns.csv", return_rows()), "demo", OLIVIA)
    assert (len(first.added), first.changed, first.unchanged) == (64, [], 0)
    revision = Plan.objects.get(pk=plan.pk).revision
    rows = return_rows()
    rows[-1][5] = "1"  # the IRO service's November vacancies: 0 to 1
    again = import_team_returns(write_csv("returns-corrected.csv", rows), "demo", OLIVIA)
    assert (again.added, again.changed, again.unchanged) == ([], ["IRO service November 2026"], 63)
    change = Change.objects.get(field="workforce return IRO service, November 2026: vacancies FTE")
    assert (change.old_value, change.new_value, change.actor) == ("0.00", "1", "Olivia")
    assert TeamReturn.objects.get(team__name="IRO service", month__year=2026, month__month=11).revision == 1
    assert Plan.objects.get(pk=plan.pk).revision > revision


def test_a_month_of_staff_records_replaces_the_month(plan, teams, write_csv) -> None:
    rows = [STAFF_HEADER, *(["2026-11", f"E{n}", "Assessment 1", "2026-11-02", "", ""] for n in range(1, 5))]
    import_staff_records(write_csv("staff.csv", rows), "demo", OLIVIA)
    rows = [STAFF_HEADER, *(["2026-11", f"E{n}", "Assessment 1", "2026-11-02", "", ""] for n in range(2, 6))]
    rows[1][3] = "2026-11-20"  # E2 supervised again
    summary = import_staff_records(write_csv("staff-again.csv", rows), "demo", OLIVIA)
    assert summary.changed == ["November 2026"]
    assert sorted(StaffRecord.objects.values_list("staff_id", flat=True)) == ["E2", "E3", "E4", "E5"]
    change = Change.objects.filter(field="staff records, November 2026").order_by("id").last()
    assert (change.old_value, change.new_value) == ("4 workers", "4 workers (1 added, 1 removed, 1 changed)")
    unchanged = import_staff_records(write_csv("staff-again.csv", rows), "demo", OLIVIA)
    assert (unchanged.changed, unchanged.unchanged) == ([], 1)


def test_staff_records_for_a_team_not_in_the_plan_change_nothing(plan, teams, write_csv) -> None:
    rows = [
        STAFF_HEADER,
        ["2026-11", "E1", "Assessment 1", "", "", ""],
        ["2026-11", "E2", "Nowhere", "", "", ""],
    ]
    with pytest.raises(ImportFailed):
        import_staff_records(write_csv("staff.csv", rows), "demo", OLIVIA)
    assert not StaffRecord.objects.exists()


def test_a_file_of_staff_records_chosen_as_returns_is_named_for_what_it_is(plan, teams, write_csv) -> None:
    from oversight.plans.file_kinds import wrong_kind

    path = write_csv("staff.csv", [STAFF_HEADER, ["2026-11", "E1", "Assessment 1", "", "", ""]])
    found = wrong_kind(path, None, "workforce-returns")
    assert found is not None and "this looks like a file of staff records" in found.message
    assert HEADER[0] == "Month"
