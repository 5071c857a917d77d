"""Every import checks each cell's length and each Action ID's address before the database: an over-long
cell, or an Action ID that cannot be a web address, is a problem naming its row and column, listed
with the rest; a plan's short name must lead to the plan."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.audit.actors import Actor
from oversight.governance.recommendation_import import import_recommendations
from oversight.lib.problems import ImportFailed
from oversight.performance.indicator_import import import_indicators
from oversight.plans.models import Plan
from oversight.plans.plan_file import read_plan_file
from oversight.plans.plan_import import import_plan
from oversight.plans.status_import import import_statuses
from tests.conftest import PLAN_ROWS

OFFICER = Actor("Olivia")
HEADER = ["Action ID", "Key Action", "Lead", "Agency Involvement", "Timescale"]


def problems(run) -> list[str]:
    with pytest.raises(ImportFailed) as failed:
        run()
    return [str(problem) for problem in failed.value.problems]


def test_a_47_character_action_id_and_other_over_long_cells_are_listed_by_row_and_column(write_csv) -> None:
    path = write_csv(
        "plan.csv",
        [
            HEADER,
            ["1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1", "Publish the protocol.", "DCS", "", "Dec-16"],
            ["1.2", "k" * 20_001, "L" * 301, "A" * 501, "Dec-16"],
        ],
    )
    assert problems(lambda: read_plan_file(path)) == [
        "plan.csv, row 2, column A (Action ID): Action ID must be 40 characters or less (this one is 47)",
        "plan.csv, row 3, column B (Key Action): Key Action must be 20,000 characters or less"
        " (this one is 20,001)",
        "plan.csv, row 3, column C (Lead): Lead must be 300 characters or less (this one is 301)",
        "plan.csv, row 3, column D (Agency Involvement): Agency Involvement must be 500 characters or less"
        " (this one is 501)",
    ]


def test_an_over_long_priority_title_is_refused_in_a_heading_row_and_in_the_priority_column(
    write_csv,
) -> None:
    path = write_csv(
        "plan.csv",
        [
            ["Priority", *HEADER],
            ["Priority 1 - " + "T" * 300, "1.1", "Publish the protocol.", "DCS", "", "Dec-16"],
        ],
    )
    assert problems(lambda: read_plan_file(path)) == [
        "plan.csv, row 2, column A (Priority): Priority must be 300 characters or less (this one is 313)"
    ]
    heading = write_csv(
        "heading.csv", [HEADER, ["Priority 1 - " + "T" * 301], ["1.1", "Publish.", "", "", "Dec-16"]]
    )
    assert problems(lambda: read_plan_file(heading)) == [
        "heading.csv, row 2: A priority's title must be 300 characters or less"
    ]


@pytest.mark.parametrize(
    ("action_id", "message"),
    [
        ("5/8/3", "Action ID 5/8/3 holds '/', which cannot be part of a web address: write it as 5.8.3"),
        ("..", "Action ID .. is only dots: write it as 5.8.3"),
    ],
)
def test_an_action_id_that_cannot_be_a_web_address_is_refused(
    write_csv, action_id: str, message: str
) -> None:
    path = write_csv(
        "plan.csv", [HEADER, ["1.1", "Publish.", "", "", "Dec-16"], [action_id, "Audit.", "", "", "Jan-17"]]
    )
    assert f"plan.csv, row 3, column A (Action ID): {message}" in problems(lambda: read_plan_file(path))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("new", "the plan's short name 'new' cannot be used: 'new' is the address of another page"),
        (
            "Bromley 2017",
            "the plan's short name 'Bromley 2017' cannot be used: Enter a short name of lower-case",
        ),
        ("b" * 51, "cannot be used: Enter a short name of lower-case letters"),
    ],
)
def test_a_new_plans_short_name_must_be_its_address(write_csv, slug: str, message: str) -> None:
    found = problems(lambda: import_plan(write_csv("plan.csv", PLAN_ROWS), slug, OFFICER))
    assert len(found) == 1 and message in found[0]
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_a_plans_title_and_council_must_fit(write_csv) -> None:
    run = lambda: import_plan(  # noqa: E731
        write_csv("plan.csv", PLAN_ROWS), "demo", OFFICER, title="T" * 201, council="C" * 201
    )
    assert problems(run) == [
        "plan.csv: The plan's title (--title) must be 200 characters or less",
        "plan.csv: The council's name (--council) must be 200 characters or less",
    ]


@pytest.mark.django_db
def test_an_over_long_commentary_in_a_status_file_is_refused(plan, write_csv) -> None:
    rows = [["Action ID", "RAG", "Commentary"], ["1.1", "Red", "c" * 20_001], ["1.2", "Green", "Done."]]
    assert problems(
        lambda: import_statuses(write_csv("s.csv", rows), "demo", date(2017, 2, 28), OFFICER)
    ) == [
        "s.csv, row 2, column C (Commentary): Commentary must be 20,000 characters or less"
        " (this one is 20,001)"
    ]


@pytest.mark.django_db
def test_an_over_long_theme_or_recommendation_is_refused(plan, write_csv) -> None:
    rows = [
        ["No", "Recommendation", "Theme"],
        ["1", "Agree the protocol.", "t" * 201],
        ["2", "r" * 20_001, ""],
    ]
    found = problems(
        lambda: import_recommendations(write_csv("r.csv", rows), "demo", date(2016, 8, 1), OFFICER)
    )
    assert found == [
        "r.csv, row 2, column C (Theme): Theme must be 200 characters or less (this one is 201)",
        "r.csv, row 3, column B (Recommendation): Recommendation must be 20,000 characters or less"
        " (this one is 20,001)",
    ]


@pytest.mark.django_db
def test_an_over_long_indicator_definition_is_refused(plan, write_csv) -> None:
    rows = [["Indicator", "Service area", "Definition"], ["Visits in time", "Safeguarding", "d" * 20_001]]
    found = problems(lambda: import_indicators(write_csv("i.csv", rows), "demo", OFFICER))
    assert found == ["i.csv, row 2, column C (Definition): The definition must be 20,000 characters or less"]
