"""Workers' names in the audit log: a viewing of child records names the worker asked for, and the log
withholds it from those who may not see workers' names."""

from __future__ import annotations

from oversight.accounts.roles import Access, Role
from oversight.audit.log import WORKER_WITHHELD, child_records_viewed, without_worker_names
from oversight.audit.models import Change

WHAT = "ICPCs in time (icpc_15); Annex A extract for Anytown as at 31 May 2023"


def viewing(new_value: str) -> Change:
    return Change(kind=Change.Kind.VIEWED, field="child records", new_value=new_value)


def test_a_viewing_says_what_whose_how_many_and_which_page() -> None:
    assert child_records_viewed(WHAT, "Team 1", "Ann Smith", 12, 1, 2) == (
        f"{WHAT}; team Team 1; worker Ann Smith; 12 records, page 1 of 2"
    )
    assert child_records_viewed(WHAT, "", "", 3, 1, 1) == f"{WHAT}; every team; 3 records, page 1 of 1"


def test_the_workers_name_is_withheld_and_the_rest_kept() -> None:
    shown = without_worker_names(viewing(child_records_viewed(WHAT, "Team 1", "Ann Smith", 12, 1, 2)))
    assert shown == f"{WHAT}; team Team 1; {WORKER_WITHHELD}; 12 records, page 1 of 2"
    alone = without_worker_names(viewing(child_records_viewed(WHAT, "", "Ann", 2, 1, 1)))
    assert alone == f"{WHAT}; {WORKER_WITHHELD}; 2 records, page 1 of 1"


def test_a_name_shaped_like_the_description_around_it_is_still_withheld_whole() -> None:
    for worker in ("Ann; 3 records, page 1 of 1", "Bo; worker Cy", "a\nname"):
        shown = without_worker_names(viewing(child_records_viewed(WHAT, "Team 1", worker, 3, 1, 1)))
        assert shown == f"{WHAT}; team Team 1; {WORKER_WITHHELD}; 3 records, page 1 of 1", worker
    # a team whose name looks like a worker's part withholds more, never less
    shown = without_worker_names(viewing(child_records_viewed(WHAT, "T; worker X", "Ann", 3, 1, 1)))
    assert shown == f"{WHAT}; team T; {WORKER_WITHHELD}; 3 records, page 1 of 1"


def test_a_viewing_of_a_team_and_other_changes_are_shown_as_recorded() -> None:
    team = child_records_viewed(WHAT, "Social worker team", "", 3, 1, 1)
    assert without_worker_names(viewing(team)) == team
    other = Change(
        kind=Change.Kind.CHANGED, field="commentary", new_value="worker Ann; 3 records, page 1 of 1"
    )
    assert without_worker_names(other) == other.new_value


def test_administrators_officers_and_analysts_see_workers_names() -> None:
    seeing = {role for role in Role if Access(role).can_see_worker_names}
    assert seeing == {Role.ADMINISTRATOR, Role.OFFICER, Role.ANALYST}
    assert not Access(None).can_see_worker_names
