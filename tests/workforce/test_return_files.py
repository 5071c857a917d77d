"""A workforce return read from a file: every problem named with its row and column at once, a figure
never guessed, a team the plan does not have never added."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from oversight.lib.problems import ImportFailed
from oversight.workforce.return_files import read_staff_records, read_team_returns
from tests.workforce.conftest import HEADER, STAFF_HEADER

TEAMS = ["Assessment 1", "IRO service"]


def problems(call) -> list[str]:
    with pytest.raises(ImportFailed) as refused:
        call()
    return [str(p) for p in refused.value.problems]


def test_a_bad_fte_a_team_that_does_not_exist_and_leavers_greater_than_staff_are_all_named(write_csv) -> None:
    path = write_csv(
        "returns.csv",
        [
            HEADER,
            ["2026-11", "Assessment 1", "ten", "8", "1", "2", "0", "0", "4", "1", "1"],
            ["2026-11", "Assessment 9", "10", "8", "1", "2", "0", "0", "4", "1", "1"],
            ["2026-11", "IRO service", "5", "3", "0", "2", "0", "4", "0", "0", "0"],
        ],
    )
    assert problems(lambda: read_team_returns(path, TEAMS)) == [
        "returns.csv, row 2, column C (Funded posts FTE): 'ten' is not a full-time equivalent: "
        "expected a number of 0 or more such as 12.5 or 0.81",
        "returns.csv, row 3, column B (Team): there is no team 'Assessment 9' in this plan: "
        "add it on the Workforce teams page first",
        "returns.csv, row 4, column H (Leavers): 4 leavers is more than the team's 3 staff "
        "(permanent and agency FTE)",
    ]


def test_figures_that_cannot_be_so(write_csv) -> None:
    path = write_csv(
        "returns.csv",
        [
            HEADER,
            ["Sometime", "Assessment 1", "10", "8", "-1", "12", "1.5", "", "4.25", "1", "2"],
            ["2026-11", "IRO service", "5", "5", "0", "0", "0", "0", "0", "0", "0"],
            ["Nov 2026", "iro SERVICE", "5", "5", "0", "0", "0", "0", "0", "0", "0"],
        ],
    )
    assert problems(lambda: read_team_returns(path, TEAMS)) == [
        "returns.csv, row 2, column A (Month): 'Sometime' is not a month: "
        "expected one such as 2026-11, Nov 2026 or a date",
        "returns.csv, row 2, column E (Agency staff FTE): '-1' is not a full-time equivalent: "
        "expected a number of 0 or more such as 12.5 or 0.81",
        "returns.csv, row 2, column G (Starters): '1.5' is not a whole number of people: "
        "expected 0 or more, such as 3",
        "returns.csv, row 2, column H (Leavers): expected a whole number (0 when there are none)",
        "returns.csv, row 2, column I (Sickness days): '4.25' is not a number of days: "
        "expected a number of 0 or more such as 12.5",
        "returns.csv, row 4, column B (Team): IRO service has a return for November 2026 twice "
        "(first on row 3)",
    ]


def test_vacancies_above_funded_posts_and_more_offers_accepted_than_made(write_csv) -> None:
    path = write_csv(
        "returns.csv", [HEADER, ["2026-11", "Assessment 1", "10", "8", "1", "12", "0", "0", "4", "1", "2"]]
    )
    assert problems(lambda: read_team_returns(path, TEAMS)) == [
        "returns.csv, row 2, column F (Vacancies FTE): 12 vacancies is more than the 10 funded posts",
        "returns.csv, row 2, column K (Offers accepted): 2 offers accepted is more than the 1 made",
    ]


def test_a_workbook_return_with_figures_as_numbers(write_xlsx) -> None:
    path = write_xlsx(
        "returns.xlsx",
        {"Return": [HEADER, [date(2026, 11, 30), "assessment 1", 10, 8, 0.1 + 0.2, 1.7, 0, 1, 4.5, 2, 1]]},
    )
    (row,) = read_team_returns(path, TEAMS).teams
    assert (row.month, row.team, row.agency, row.vacancies, row.sickness_days) == (
        date(2026, 11, 1), "Assessment 1", Decimal("0.3"), Decimal("1.7"), Decimal("4.5")
    )  # fmt: skip


def test_staff_records_name_every_problem(write_csv) -> None:
    path = write_csv(
        "staff.csv",
        [
            STAFF_HEADER,
            ["2026-11", "Jane Smith", "Assessment 1", "2026-11-02", "", ""],
            ["2026-11", "E2", "Assessment 1", "Nov 2026", "many", ""],
            ["2026-11", "E3", "Assessment 1", "2026-12-01", "", ""],
            ["2026-11", "E3", "IRO service", "", "12", ""],
        ],
    )
    assert problems(lambda: read_staff_records(path, TEAMS)) == [
        "staff.csv, row 2, column B (Staff ID): 'Jane Smith' is not a staff ID: expected the HR system's "
        "number, such as E10234 (never a name)",
        "staff.csv, row 3, column D (Last supervision): 'Nov 2026' is not a date: "
        "expected one such as 2026-11-18 or 18/11/2026",
        "staff.csv, row 3, column E (Caseload): 'many' is not a whole number of cases: "
        "expected 0 or more, such as 3",
        "staff.csv, row 4, column D (Last supervision): supervision on 01/12/2026 is after the end of "
        "November 2026",
        "staff.csv, row 5, column B (Staff ID): E3 is listed twice for November 2026 (first on row 4)",
    ]


def test_staff_records_read(write_csv) -> None:
    path = write_csv(
        "staff.csv",
        [
            STAFF_HEADER,
            ["2026-11", "E1", "Assessment 1", "18/11/2026", "", "Threshold briefing;  Signs  of Safety ;"],
        ],
    )
    (row,) = read_staff_records(path, TEAMS).staff
    assert (row.staff_id, row.supervised, row.caseload, row.courses) == (
        "E1", date(2026, 11, 18), None, ("Threshold briefing", "Signs of Safety")
    )  # fmt: skip


def test_a_return_with_only_its_header_is_refused(write_csv) -> None:
    path = write_csv("returns.csv", [HEADER])
    assert problems(lambda: read_team_returns(path, TEAMS)) == [
        "returns.csv, row 1: there is nothing under the header"
    ]
