"""Cases typed into a cohort: IDs, never names, and every problem named by its line."""

from __future__ import annotations

from oversight.quality.case_lines import parse_cases
from oversight.quality.sampling import Case


def test_each_line_is_a_childs_id_a_team_and_a_worker() -> None:
    cases, problems = parse_cases("C1001, Safeguarding East, Jo Smith\n\nC1002,Children in Care\n")
    assert problems == []
    assert cases == [Case("Safeguarding East", "Jo Smith", "C1001"), Case("Children in Care", "", "C1002")]


def test_every_problem_is_named_with_its_line_and_nothing_is_taken() -> None:
    cases, problems = parse_cases(
        "Jane Smith, Team A\nC1, Team A\nC1, Team B\nC2\nC3, Team A, Worker, extra\n" + "C4, " + "T" * 201
    )
    assert cases == []
    assert problems == [
        "Line 1: 'Jane Smith' is not a child's ID: letters, digits and - _ / . only, with no spaces"
        " (a case is named by its ID, never by the child's name)",
        "Line 3: C1 is already on line 2",
        "Line 4: enter the team after the child's ID",
        "Line 5: expected the child's ID, the team and the worker, found 4 parts",
        "Line 6: a team's or worker's name must be 200 characters or less",
    ]
