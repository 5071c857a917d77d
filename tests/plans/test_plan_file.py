from __future__ import annotations

from datetime import date, datetime

import pytest

from oversight.lib.problems import ImportFailed
from oversight.plans.plan_file import parse_priority, read_plan_file
from tests.conftest import BROMLEY

HEADER = ["Action ID", "Key Action", "Lead", "Agency Involvement", "Timescale"]


def test_it_reads_the_bromley_plan() -> None:
    plan = read_plan_file(BROMLEY / "plan.csv")
    assert len(plan.actions) == 256
    assert plan.priority_titles[5] == "Children Looked After"
    first = plan.actions[0]
    assert (first.action_id, first.priority, first.lead, first.timescale_text) == (
        "1.1.1",
        1,
        "HOS LS",
        "Nov 16",
    )


def test_the_header_may_sit_below_title_rows_with_other_names(write_csv) -> None:
    path = write_csv(
        "plan.csv",
        [
            ["London Borough of Example"],
            ["Children's Services Improvement Plan 2016-17", "", "Version 3"],
            [],
            ["Action No.", "Description", "Lead officer", "Partner agencies", "Target date"],
            ["1.1", "Publish the protocol", "DCS", "Health", "Dec-16"],
        ],
    )
    plan = read_plan_file(path)
    row = plan.actions[0]
    assert (row.action_id, row.key_action, row.lead, row.agencies) == (
        "1.1",
        "Publish the protocol",
        "DCS",
        "Health",
    )
    assert row.timescale.last == date(2016, 12, 1)


@pytest.mark.parametrize(
    "header",
    [
        ["ID", "Action", "Owner", "Partners", "Due"],
        ["Ref", "Key action", "Responsible", "Agencies", "Due date"],
        ["ACTION REF", "key  action", "LEAD", "agency-involvement", "Deadline"],
        ["Action Ref", "Key Action", "Lead", "Agency Involvement", "Timescales"],
        ["No.", "Key Actions", "Lead officer(s)", "Agencies involved", "Completion date"],
    ],
)
def test_headers_match_ignoring_case_spacing_and_punctuation(write_csv, header) -> None:
    path = write_csv("plan.csv", [header, ["2.1", "Audit cases", "HOS", "Police", "Jan 17"]])
    assert read_plan_file(path).actions[0].lead == "HOS"


def test_priorities_come_from_section_rows(write_csv) -> None:
    path = write_csv(
        "plan.csv",
        [
            HEADER,
            ["Priority 5 - Children Looked After", "", "", "", ""],
            ["A1", "Life story policy", "HOS CLA", "", "Dec-16"],
            ["Priority 6 – Care Leavers"],
            ["B1", "Pathway plans", "HOS CL", "", "Jan-17"],
            ["Priority 7: Adoption"],
            ["C1", "Adoption panel", "HOS A", "", "Feb-17"],
        ],
    )
    plan = read_plan_file(path)
    assert [(a.action_id, a.priority) for a in plan.actions] == [("A1", 5), ("B1", 6), ("C1", 7)]
    assert plan.priority_titles == {5: "Children Looked After", 6: "Care Leavers", 7: "Adoption"}


def test_priorities_come_from_a_priority_column_as_text_or_number(write_csv) -> None:
    path = write_csv(
        "plan.csv",
        [
            ["Priority", *HEADER],
            ["Priority 4 - Safeguarding", "X.1", "Training", "", "", "Dec-16"],
            ["9", "X.2", "Panel", "", "", "Dec-16"],
        ],
    )
    plan = read_plan_file(path)
    assert [a.priority for a in plan.actions] == [4, 9]
    assert plan.priority_titles == {4: "Safeguarding"}


def test_otherwise_the_priority_is_the_first_number_of_the_action_id(write_csv) -> None:
    path = write_csv("plan.csv", [HEADER, ["10.2.5", "Legal tracker", "", "", "Dec-16"]])
    assert read_plan_file(path).actions[0].priority == 10


def test_other_one_cell_rows_are_skipped_as_headings(write_csv) -> None:
    path = write_csv(
        "plan.csv", [HEADER, ["Objective 1.1: governance"], ["1.1.1", "Protocol", "", "", "Dec-16"]]
    )
    plan = read_plan_file(path)
    assert len(plan.actions) == 1 and plan.headings_skipped == 1


def test_it_reads_xlsx_with_date_cells_and_a_chosen_sheet(write_xlsx) -> None:
    path = write_xlsx(
        "plan.xlsx",
        {
            "Notes": [["This workbook holds the plan"]],
            "Plan": [
                ["Improvement plan"],
                HEADER,
                ["1.1", "Protocol", "DCS", "", datetime(2016, 12, 1)],
                [1.2, "Survey", "DCS", "", "Q3 2016/17"],
            ],
        },
    )
    plan = read_plan_file(path)
    assert plan.sheet == "Plan"
    assert [a.action_id for a in plan.actions] == ["1.1", "1.2"]
    assert plan.actions[0].timescale_text == "Dec-16"
    assert read_plan_file(path, sheet="Plan").actions[1].timescale.first == date(2016, 10, 1)


def test_a_missing_sheet_is_named_with_the_sheets_there_are(write_xlsx) -> None:
    path = write_xlsx("plan.xlsx", {"Plan": [HEADER]})
    with pytest.raises(ImportFailed, match="there is no sheet 'Actions' \\(sheets: 'Plan'\\)"):
        read_plan_file(path, sheet="Actions")


def test_missing_required_columns_are_named(write_csv) -> None:
    path = write_csv("plan.csv", [["Action ID", "Lead"], ["1.1", "DCS"]])
    with pytest.raises(ImportFailed) as error:
        read_plan_file(path)
    message = str(error.value)
    assert "plan.csv" in message and "missing required column(s)" in message
    assert "Key Action" in message and "Timescale" in message and "Lead (" not in message


def test_every_bad_row_is_reported_with_file_row_and_column(write_csv) -> None:
    path = write_csv(
        "plan.csv",
        [
            HEADER,
            ["1.1", "Protocol", "", "", "Dec-16"],
            ["1.2", "Survey", "", "", "Ongoing"],
            ["1.1", "Again", "", "", "Dec-16"],
            ["", "No id", "DCS", "", "Dec-16"],
            ["1.3", "", "DCS", "", "Dec-16"],
        ],
    )
    with pytest.raises(ImportFailed) as error:
        read_plan_file(path)
    problems = [str(p) for p in error.value.problems]
    assert problems == [
        "plan.csv, row 3, column E (Timescale): 'Ongoing' is not a timescale Oversight can read: "
        "expected 'Dec-16', 'Oct - Dec 16', 'Nov 16 - Jun 17', 'Q3 2016/17' or '31/12/2016'",
        "plan.csv, row 4, column A (Action ID): Action ID 1.1 appears twice (first on row 2)",
        "plan.csv, row 5, column A (Action ID): expected an Action ID such as '5.8.3'",
        "plan.csv, row 6, column B (Key Action): expected the key action's text",
    ]


def test_xlsx_problems_name_the_sheet(write_xlsx) -> None:
    path = write_xlsx("plan.xlsx", {"Plan": [HEADER, ["1.1", "Protocol", "", "", "Soon"]]})
    with pytest.raises(ImportFailed, match="plan.xlsx, sheet 'Plan', row 2, column E \\(Timescale\\)"):
        read_plan_file(path)


def test_a_file_that_is_not_a_spreadsheet_is_refused(tmp_path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_text("not a workbook")
    with pytest.raises(ImportFailed, match="plan.xlsx: the file is named .xlsx but holds text"):
        read_plan_file(path)
    (tmp_path / "plan.txt").write_text("Action ID")
    with pytest.raises(ImportFailed, match="expected a .csv or .xlsx file"):
        read_plan_file(tmp_path / "plan.txt")


def test_a_windows_csv_is_read(write_csv) -> None:
    path = write_csv("plan.csv", [HEADER, ["1.1", "Protocol – draft", "", "", "Dec-16"]], encoding="cp1252")
    assert read_plan_file(path).actions[0].key_action == "Protocol – draft"


def test_parse_priority() -> None:
    assert parse_priority("Priority 5 - Children Looked After") == (5, "Children Looked After")
    assert parse_priority("PRIORITY 10: Legal") == (10, "Legal")
    assert parse_priority(5.0) == (5, "")
    assert parse_priority("Safeguarding") is None
