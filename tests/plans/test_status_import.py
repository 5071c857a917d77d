from __future__ import annotations

from datetime import date

import pytest

from oversight.audit.actors import Actor
from oversight.lib.problems import ImportFailed
from oversight.plans.models import Plan, StatusRecord
from oversight.plans.plan_import import import_plan
from oversight.plans.status_file import parse_rag, read_status_file
from oversight.plans.status_import import import_statuses
from tests.conftest import BROMLEY, accepting_statuses_without_commentary

pytestmark = pytest.mark.django_db

JAN = date(2017, 1, 31)
ALICE = Actor("alice")


@pytest.fixture
def bromley() -> None:
    import_plan(BROMLEY / "plan.csv", "bromley", ALICE)
    accepting_statuses_without_commentary("bromley")


def test_it_records_the_bromley_january_statuses(bromley) -> None:
    summary = import_statuses(BROMLEY / "status-2017-01-31.csv", "bromley", JAN, ALICE)
    assert summary.recorded == 256
    assert dict(summary.by_rag) == {"R": 20, "A": 65, "G": 142, "W": 29}
    record = StatusRecord.objects.get(action__action_id="5.8.3")
    assert (record.rag, record.as_at, record.month, record.actor) == ("R", JAN, date(2017, 1, 1), "alice")
    assert record.source == "status import: status-2017-01-31.csv"


def test_rag_values_are_read_in_any_case_or_as_letters() -> None:
    assert [parse_rag(v) for v in ["Red", "AMBER", "g", "white", " W ", "Blue", ""]] == [
        "R",
        "A",
        "G",
        "W",
        "W",
        None,
        None,
    ]


def test_the_column_names_councils_use_are_accepted(write_csv) -> None:
    path = write_csv("s.csv", [["Ref", "RAG rating", "Progress update"], ["1.1", "a", "Started"]])
    row = read_status_file(path).statuses[0]
    assert (row.action_id, row.rag, row.commentary) == ("1.1", "A", "Started")


def test_bad_rag_values_and_unknown_actions_are_refused_and_nothing_is_saved(bromley, write_csv) -> None:
    bad_rag = write_csv(
        "s.csv", [["Action ID", "Status", "Comments"], ["1.1.1", "Blue", ""], ["1.1.2", "Green", ""]]
    )
    with pytest.raises(ImportFailed) as error:
        import_statuses(bad_rag, "bromley", JAN, ALICE)
    assert str(error.value.problems[0]) == (
        "s.csv, row 2, column B (Status): 'Blue' is not a RAG status: expected Red, Amber, Green or "
        "White (or R, A, G, W)"
    )
    unknown = write_csv("u.csv", [["Action ID", "RAG"], ["1.1.1", "G"], ["99.1", "R"]])
    with pytest.raises(ImportFailed, match="u.csv, row 3, column A \\(Action ID\\): Action ID 99.1 is not"):
        import_statuses(unknown, "bromley", JAN, ALICE)
    assert StatusRecord.objects.count() == 0


def test_duplicate_action_ids_are_refused(bromley, write_csv) -> None:
    path = write_csv("s.csv", [["Action ID", "RAG"], ["1.1.1", "G"], ["1.1.1", "R"]])
    with pytest.raises(ImportFailed, match="row 3, column A \\(Action ID\\): Action ID 1.1.1 appears twice"):
        import_statuses(path, "bromley", JAN, ALICE)


def test_a_missing_rag_column_is_named(bromley, write_csv) -> None:
    path = write_csv("s.csv", [["Action ID", "Comments"], ["1.1.1", "x"]])
    with pytest.raises(ImportFailed, match="missing required column\\(s\\): RAG \\(or 'RAG Status'"):
        import_statuses(path, "bromley", JAN, ALICE)


def test_an_unknown_plan_is_refused(write_csv) -> None:
    path = write_csv("s.csv", [["Action ID", "RAG"], ["1.1", "G"]])
    with pytest.raises(ImportFailed, match="there is no plan 'nope'"):
        import_statuses(path, "nope", JAN, ALICE)


def test_importing_the_same_file_twice_records_nothing_new(bromley) -> None:
    import_statuses(BROMLEY / "status-2017-01-31.csv", "bromley", JAN, ALICE)
    again = import_statuses(BROMLEY / "status-2017-01-31.csv", "bromley", JAN, ALICE)
    assert (again.recorded, again.unchanged) == (0, 256)
    assert StatusRecord.objects.count() == 256


def test_a_corrected_status_is_a_new_record_and_the_old_one_stays(bromley, write_csv) -> None:
    import_statuses(write_csv("a.csv", [["Action ID", "RAG"], ["1.1.1", "R"]]), "bromley", JAN, ALICE)
    import_statuses(write_csv("b.csv", [["Action ID", "RAG"], ["1.1.1", "A"]]), "bromley", JAN, Actor("bob"))
    history = list(StatusRecord.objects.filter(action__action_id="1.1.1").values_list("rag", "actor"))
    assert history == [("R", "alice"), ("A", "bob")]


def test_heading_rows_in_a_status_file_are_skipped(bromley, write_csv) -> None:
    path = write_csv(
        "s.csv", [["Action ID", "RAG"], ["Priority 1 - Leadership and Governance"], ["1.1.1", "G"]]
    )
    assert import_statuses(path, "bromley", JAN, ALICE).recorded == 1


def test_a_status_workbook_with_title_rows_is_read(bromley, write_xlsx) -> None:
    path = write_xlsx(
        "january.xlsx",
        {
            "January": [
                ["Improvement plan: January 2017 update"],
                [],
                ["Action Ref", "RAG Status", "Progress update"],
                ["1.1.1", "GREEN", "Done"],
                ["5.8.3", "r", "@Jane: please update"],
            ]
        },
    )
    summary = import_statuses(path, "bromley", JAN, ALICE)
    assert summary.recorded == 2 and summary.sheet == "January"
    assert StatusRecord.objects.get(action__action_id="5.8.3").commentary == "@Jane: please update"


@pytest.fixture
def strict() -> None:
    """Bromley's plan, with the default rule: Red and Amber statuses need commentary, as on the website."""
    import_plan(BROMLEY / "plan.csv", "bromley", ALICE)


def test_a_bad_rag_value_and_an_unknown_action_id_are_listed_in_the_same_pass(strict, write_csv) -> None:
    rows = [["Action ID", "RAG", "Commentary"], ["1.1.1", "Blue", ""], ["99.1", "G", ""], ["1.1.2", "R", ""]]
    with pytest.raises(ImportFailed) as error:
        import_statuses(write_csv("s.csv", rows), "bromley", JAN, ALICE)
    assert [str(p) for p in error.value.problems] == [
        "s.csv, row 2, column B (RAG): 'Blue' is not a RAG status: expected Red, Amber, Green or White "
        "(or R, A, G, W)",
        "s.csv, row 3, column A (Action ID): Action ID 99.1 is not in plan 'bromley'",
        "s.csv, row 4, column C (Commentary): Red status with no commentary: commentary is needed for Red "
        "and Amber statuses, as on the website",
    ]
    assert StatusRecord.objects.count() == 0


def test_red_and_amber_statuses_need_commentary_as_on_the_website(strict, write_csv) -> None:
    no_column = write_csv("n.csv", [["Action ID", "RAG"], ["1.1.1", "G"], ["1.1.2", "A"], ["1.1.3", "R"]])
    with pytest.raises(ImportFailed) as error:
        import_statuses(no_column, "bromley", JAN, ALICE)
    assert [str(p) for p in error.value.problems] == [
        "n.csv, row 1: there is no Commentary column, and 2 Red or Amber statuses need commentary "
        "(rows 3, 4), as on the website: add a Commentary column"
    ]
    assert StatusRecord.objects.count() == 0


def test_a_plan_may_accept_them_with_a_warning(strict, write_csv) -> None:
    Plan.objects.filter(slug="bromley").update(accept_red_without_commentary=True)
    rows = [["Action ID", "RAG", "Commentary"], ["1.1.1", "R", ""], ["1.1.2", "A", "Started."]]
    summary = import_statuses(write_csv("s.csv", rows), "bromley", JAN, ALICE)
    assert summary.recorded == 2
    assert summary.lines()[-2:] == [
        "  warnings (recorded anyway, as the plan's settings allow):",
        "    s.csv, row 2, column C (Commentary): Red status with no commentary: recorded",
    ]
