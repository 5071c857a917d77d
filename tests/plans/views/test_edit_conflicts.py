"""A form opened before any change to its action is refused on save, whatever made the change: a status
file, a plan file, a link to a recommendation or an indicator, evidence. Nothing is overwritten."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.audit.actors import Actor
from oversight.governance.recommendation_import import import_recommendations
from oversight.performance.links import link
from oversight.performance.models import Indicator
from oversight.plans.models import Action, StatusRecord
from oversight.plans.plan_import import import_plan
from oversight.plans.status_import import import_statuses
from tests.conftest import PLAN_ROWS
from tests.plans.views.test_update_status import URL, form_fields

pytestmark = pytest.mark.django_db
OFFICER = Actor("Olivia")


def revisions() -> dict[str, int]:
    return dict(Action.objects.filter(plan__slug="demo").values_list("action_id", "revision"))


def moved(before: dict[str, int]) -> dict[str, int]:
    """How far each action's revision has moved since `before`, for those that moved."""
    return {a: n - before[a] for a, n in revisions().items() if n != before[a]}


def test_a_status_import_after_the_lead_opened_the_form_refuses_the_leads_save(signed_in, write_csv) -> None:
    lee = signed_in("lee")
    opened = form_fields(lee.get(URL).content.decode())
    rows = [["Action ID", "RAG", "Commentary"], ["1.1", "Red", "The board has not agreed the protocol."]]
    import_statuses(write_csv("statuses.csv", rows), "demo", date.today(), OFFICER)

    response = lee.post(URL, {"rag": "G", "commentary": "Published.", **opened})
    assert response.status_code == 409
    assert "The board has not agreed the protocol." in response.content.decode()  # what the import said
    latest = StatusRecord.objects.filter(action__action_id="1.1").order_by("-as_at", "-id").first()
    assert (latest.rag, latest.commentary, latest.source) == (
        "R",
        "The board has not agreed the protocol.",
        "status import: statuses.csv",
    )


def test_a_status_file_that_leaves_the_action_as_it_was_does_not_refuse_the_save(
    signed_in, write_csv
) -> None:
    rows = [["Action ID", "RAG", "Commentary"], ["1.1", "Red", "Still with the board."]]
    import_statuses(write_csv("statuses.csv", rows), "demo", date.today(), OFFICER)
    lee = signed_in("lee")
    opened = form_fields(lee.get(URL).content.decode())
    import_statuses(write_csv("again.csv", rows), "demo", date.today(), OFFICER)  # records nothing new
    assert lee.post(URL, {"rag": "G", "commentary": "Published.", **opened}).status_code == 302


def test_a_plan_import_that_changes_the_action_refuses_a_form_opened_before_it(signed_in, write_csv) -> None:
    lee = signed_in("lee")
    opened = form_fields(lee.get(URL).content.decode())
    before = revisions()
    rows = [list(row) for row in PLAN_ROWS]
    rows[1][5] = "Feb 17"  # 1.1's deadline moves
    import_plan(write_csv("plan-v2.csv", rows), "demo", OFFICER)
    assert moved(before) == {"1.1": 1}  # unchanged actions keep their revision
    response = lee.post(URL, {"rag": "G", "commentary": "Published.", **opened})
    assert response.status_code == 409
    assert "Feb 17" in response.content.decode()


def test_linking_the_action_to_a_recommendation_moves_its_revision(write_csv, plan) -> None:
    before = revisions()
    rows = [["No", "Recommendation", "Actions"], ["1", "Agree the protocol.", "1.1"], ["2", "Train.", ""]]
    import_recommendations(write_csv("recs.csv", rows), "demo", date(2016, 8, 1), OFFICER)
    assert moved(before) == {"1.1": 1}
    rows[1][2], rows[2][2] = "", "2.1"  # 1.1 no longer answers recommendation 1; 2.1 answers 2
    import_recommendations(write_csv("recs.csv", rows), "demo", date(2016, 8, 1), OFFICER)
    assert moved(before) == {"1.1": 2, "2.1": 1}


def test_a_plan_files_ofsted_recommendations_column_moves_the_revision_of_the_actions_it_links(
    write_csv, plan
) -> None:
    recommendations = [["No", "Recommendation"], ["1", "Agree the protocol."]]
    import_recommendations(write_csv("recs.csv", recommendations), "demo", date(2016, 8, 1), OFFICER)
    before = revisions()
    rows = [[*row, "Ofsted Recommendations" if n == 0 else ("1" if row[1] == "2.1" else "")] for n, row in
            enumerate(PLAN_ROWS)]  # fmt: skip
    import_plan(write_csv("plan-v2.csv", rows), "demo", OFFICER)
    assert moved(before) == {"2.1": 1}


def test_linking_an_indicator_to_the_action_moves_its_revision(plan) -> None:
    indicator = Indicator.objects.create(plan=plan, name="Protocols agreed", service_area="Leadership")
    before = revisions()
    link(plan, indicator, ["1.1"], [])
    link(plan, indicator, ["1.1"], [])  # the same links again change nothing
    assert moved(before) == {"1.1": 1}
    link(plan, indicator, [], [])
    assert moved(before) == {"1.1": 2}


def test_evidence_added_after_the_form_was_opened_refuses_the_save(signed_in) -> None:
    lee = signed_in("lee")
    opened = form_fields(lee.get(URL).content.decode())
    added = signed_in("olivia").post(
        "/plans/demo/actions/1.1/evidence/",
        {"kind": "link", "url": "https://council.example/p", "title": "P"},
    )
    assert added.status_code == 302
    lee = signed_in("lee")
    assert lee.post(URL, {"rag": "G", "commentary": "Published.", **opened}).status_code == 409
