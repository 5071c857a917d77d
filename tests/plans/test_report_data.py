"""Each month's status is the latest recorded in or before that month, read from the register."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.audit.actors import Actor
from oversight.plans.plan_import import import_plan
from oversight.plans.report_data import exception_report
from oversight.plans.status_import import import_statuses

pytestmark = pytest.mark.django_db

OFFICER = Actor("officer")


@pytest.fixture
def plan(write_xlsx) -> None:
    path = write_xlsx(
        "plan.xlsx",
        {
            "Improvement plan": [
                ["Example Council: Children's Services Improvement Plan"],
                ["Ref", "Action", "Lead Officer", "Partners", "Target date"],
                ["Priority 1 – Leadership"],
                ["1.1", "Publish the protocol", "DCS", "Health", "Dec-16"],
                ["1.2", "Staff survey", "DCS", "", "Jan - Feb 17"],
                ["Priority 2: Safeguarding"],
                ["2.1", "Training", "HOS", "Police", "Q4 2016/17"],
            ]
        },
    )
    import_plan(path, "example", OFFICER, title="Improvement Plan")


def record(write_csv, as_at: date, rows: list[list[str]]) -> None:
    """Imports a status file of (Action ID, RAG, Commentary) rows for the example plan."""
    path = write_csv(f"status-{as_at}.csv", [["Action ID", "RAG", "Commentary"], *rows])
    import_statuses(path, "example", as_at, OFFICER)


def test_a_status_carries_forward_until_a_new_one_is_recorded(plan, write_csv) -> None:
    record(
        write_csv, date(2017, 1, 31), [["1.1", "Red", "Late"], ["1.2", "Amber", "x"], ["2.1", "Amber", "x"]]
    )
    record(write_csv, date(2017, 2, 28), [["1.2", "Red", "Late"]])
    report = exception_report("example", date(2017, 2, 28))
    assert [a.action_id for a in report.red_actions] == ["1.1", "1.2"]
    assert report.red_actions[0].commentary == "Late"
    assert [(w.action_id, w.problem) for w in report.warnings] == [
        ("1.1", "no update in February 2017; the latest status is from January 2017"),
        ("2.1", "no update in February 2017; the latest status is from January 2017"),
    ]
    assert report.newly_red == ["1.2"] and report.trend_total == [0, 1, 2]
    assert report.in_progress_not_yet_due == 1  # 2.1 runs January to March 2017


def test_a_later_record_for_the_same_date_wins(plan, write_csv) -> None:
    record(write_csv, date(2017, 1, 31), [["1.1", "Red", "Late"]])
    record(write_csv, date(2017, 1, 31), [["1.1", "Green", "Done"]])
    assert exception_report("example", date(2017, 1, 31)).red == 0


def test_a_status_recorded_after_the_report_month_is_ignored(plan, write_csv) -> None:
    record(write_csv, date(2017, 1, 31), [["1.1", "Red", "Late"]])
    record(write_csv, date(2017, 2, 1), [["1.1", "Green", "Done"]])
    assert exception_report("example", date(2017, 1, 31)).red == 1
    assert exception_report("example", date(2017, 2, 28)).red == 0


def test_actions_no_longer_in_the_plan_are_left_out(plan, write_csv, write_xlsx) -> None:
    record(write_csv, date(2017, 3, 31), [["1.1", "Red", "Late"], ["1.2", "Red", "Late"]])
    smaller = write_xlsx(
        "plan2.xlsx", {"Plan": [["Ref", "Action", "Target date"], ["1.2", "Staff survey", "Jan - Feb 17"]]}
    )
    import_plan(smaller, "example", OFFICER)
    report = exception_report("example", date(2017, 3, 31))
    assert [a.action_id for a in report.red_actions] == ["1.2"] and report.due == 1
    assert report.priorities == {1: "Leadership", 2: "Safeguarding"}


def test_a_red_action_is_red_since_its_unbroken_run_began_not_since_its_latest_return(
    plan, write_csv
) -> None:
    record(write_csv, date(2016, 12, 31), [["1.1", "Red", "Late"], ["1.2", "Red", "Late"]])
    record(write_csv, date(2017, 1, 31), [["1.1", "Red", "Still late"], ["1.2", "Amber", "Moving"]])
    record(write_csv, date(2017, 2, 28), [["1.1", "Red", "Still late"], ["1.2", "Red", "Late again"]])
    record(write_csv, date(2017, 3, 31), [["1.1", "Green", "Done"]])
    february = exception_report("example", date(2017, 2, 28))
    assert {a.action_id: a.red_since for a in february.red_actions} == {
        "1.1": date(2016, 12, 31),
        "1.2": date(2017, 2, 28),  # Amber in January broke its run
    }
    march = exception_report("example", date(2017, 3, 31))
    assert {a.action_id: a.red_since for a in march.red_actions} == {"1.2": date(2017, 2, 28)}
