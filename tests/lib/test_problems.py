"""A problem names where it is as a spreadsheet user would look for it, and a refusal lists them all."""

from __future__ import annotations

from oversight.lib.problems import ImportFailed, Problem


def test_a_problem_names_its_file_sheet_row_and_column() -> None:
    problem = Problem("plan.xlsx", "'Ongoing' is not a timescale", "Plan", 14, "F (Deadline)")
    assert (
        str(problem) == "plan.xlsx, sheet 'Plan', row 14, column F (Deadline): 'Ongoing' is not a timescale"
    )


def test_a_problem_with_the_whole_file_names_only_the_file() -> None:
    assert str(Problem("plan.csv", "the file is empty")) == "plan.csv: the file is empty"
    assert str(Problem("plan.csv", "a row", row=3)) == "plan.csv, row 3: a row"


def test_a_refusal_lists_every_problem_in_order() -> None:
    problems = [Problem("a.csv", "first", row=2), Problem("a.csv", "second", row=5)]
    refused = ImportFailed(problems)
    assert refused.problems == problems
    assert str(refused) == "a.csv, row 2: first\na.csv, row 5: second"
