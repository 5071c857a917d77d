"""A Red action's update says whether the delay poses an immediate safeguarding risk and what is done
about it; the exception report says how many do, as Bromley's does ("none of which pose any immediate
safeguarding risks"), and lists those that do first. Status files may say so in two columns."""

from __future__ import annotations

import re
from datetime import date

import pytest

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.lib.problems import ImportFailed
from oversight.plans import exception_narrative as narrative
from oversight.plans.render.tables import red_actions_by_priority
from oversight.plans.report_data import exception_report
from oversight.plans.status_import import import_statuses
from tests.parsed import visible_text

pytestmark = pytest.mark.django_db
URL = "/plans/demo/actions/1.1/update/"
MARCH = date(2017, 3, 31)


def form_of(client) -> dict[str, str]:
    return dict(
        re.findall(r'type="hidden" name="(revision|seen)" value="(\d+)"', client.get(URL).content.decode())
    )


def test_a_red_update_must_say_whether_it_poses_a_risk_and_if_so_what_is_done(signed_in) -> None:
    client = signed_in("lee")
    refused = client.post(URL, {**form_of(client), "rag": "R", "commentary": "Stalled."})
    assert refused.status_code == 400
    assert "Say whether the delay poses an immediate safeguarding risk" in visible_text(
        refused.content.decode()
    )
    refused = client.post(
        URL, {**form_of(client), "rag": "R", "commentary": "Stalled.", "safeguarding_risk": "yes"}
    )
    assert "Enter what is being done about the risk" in visible_text(refused.content.decode())
    saved = client.post(
        URL,
        {**form_of(client), "rag": "R", "commentary": "Stalled.", "safeguarding_risk": "yes",
         "risk_response": "Cases reviewed weekly by the service manager."},
    )  # fmt: skip
    assert saved.status_code == 302
    said = Change.objects.get(field="immediate safeguarding risk")
    assert said.new_value == "Yes: Cases reviewed weekly by the service manager."


def test_an_amber_update_is_not_asked(signed_in) -> None:
    client = signed_in("lee")
    assert client.post(URL, {**form_of(client), "rag": "A", "commentary": "Under way."}).status_code == 302


def statuses(write_csv, rows) -> None:
    header = ["Action ID", "RAG", "Commentary", "Immediate safeguarding risk", "What is being done"]
    import_statuses(write_csv("march.csv", [header, *rows]), "demo", MARCH, Actor("setup"))


def test_the_report_says_none_pose_a_risk_when_every_red_status_says_no(plan, write_csv) -> None:
    statuses(write_csv, [["1.1", "R", "Stalled.", "No", ""], ["2.1", "R", "Late.", "no", ""]])
    report = exception_report("demo", MARCH)
    assert (report.red, report.red_at_risk, report.red_risk_not_said) == (2, 0, 0)
    assert "None of them poses an immediate safeguarding risk." in narrative.summary(report)[0]


def test_a_red_action_that_poses_a_risk_is_listed_first_with_what_is_done(plan, write_csv) -> None:
    statuses(
        write_csv,
        [
            ["1.1", "R", "Stalled.", "No", ""],
            ["2.1", "R", "Late.", "Yes", "Weekly case review."],
            ["2.2", "R", "No trainer.", "", ""],
        ],
    )
    report = exception_report("demo", MARCH)
    assert [a.action_id for a in report.red_actions] == ["2.1", "1.1", "2.2"]
    summary = narrative.summary(report)[0]
    assert "1 of them poses an immediate safeguarding risk (listed first in Appendix 1" in summary
    assert "the statuses of 1 does not say whether the delay poses an immediate safeguarding risk" in summary
    rows = dict(red_actions_by_priority(report))["Priority 2 - Practice"].rows
    assert rows[0][1] == "2.1" and rows[0][6] == "Immediate safeguarding risk: Weekly case review.\nLate."


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (["1.1", "R", "Stalled.", "Maybe", ""], "'Maybe' is not an answer: expected Yes or No"),
        (["1.1", "R", "Stalled.", "Yes", ""], "needs what is done about it"),
    ],
)
def test_a_status_file_that_says_it_unreadably_is_refused_naming_the_row(
    plan, write_csv, row, problem
) -> None:
    with pytest.raises(ImportFailed) as failed:
        statuses(write_csv, [row])
    [found] = failed.value.problems
    assert problem in found.message and found.row == 2
