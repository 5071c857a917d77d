"""A new plan imported with its inspection's recommendations in one go, its actions linked to them."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from oversight.audit.actors import Actor
from oversight.governance.models import Inspection, Recommendation
from oversight.lib.problems import ImportFailed
from oversight.plans.models import Action, Plan
from oversight.plans.plan_import import import_plan
from oversight.plans.plan_links import Recommendations
from tests import parsed
from tests.posted import date_boxes

pytestmark = pytest.mark.django_db

PLAN = [
    ["Priority", "Action ID", "Key Action", "Timescale", "Ofsted Recommendations"],
    ["Priority 1 - Leadership", "1.1", "Publish the governance protocol.", "Nov 16", "1"],
    ["Priority 1 - Leadership", "1.2", "Review the board's terms of reference.", "Dec 16", "1, 2"],
    ["Priority 2 - Practice", "2.1", "Audit strategy discussions monthly.", "Jan 17", ""],
]
RECOMMENDATIONS = [
    ["No", "Recommendation", "Actions"],
    ["1", "Ensure that leaders have oversight of practice.", ""],
    ["2", "Improve the quality of supervision.", "2.1"],
]


def linked() -> dict[int, list[str]]:
    return {
        r.number: sorted(r.actions.values_list("action_id", flat=True)) for r in Recommendation.objects.all()
    }


def test_a_new_plan_comes_in_with_its_recommendations_and_the_links_both_files_make(write_csv) -> None:
    recommendations = Recommendations(write_csv("recs.csv", RECOMMENDATIONS), date(2016, 8, 1))
    summary = import_plan(
        write_csv("plan.csv", PLAN),
        "anytown",
        Actor("olivia"),
        title="Anytown plan",
        recommendations=recommendations,
    )
    assert Inspection.objects.get().published == date(2016, 8, 1)
    assert linked() == {1: ["1.1", "1.2"], 2: ["1.2", "2.1"]}
    assert "  and, from the recommendations file imported with it:" in summary.lines()
    assert "    recommendations added: 2" in summary.lines()


def test_every_problem_in_either_file_is_listed_at_once_and_nothing_is_imported(write_csv) -> None:
    plan = [list(row) for row in PLAN]
    plan[1][3] = "Ongoing"
    plan[2][4] = "1, 7"
    recs = [list(row) for row in RECOMMENDATIONS]
    recs[2][2] = "9.9"
    recommendations = Recommendations(write_csv("recs.csv", recs), date(2016, 8, 1))
    with pytest.raises(ImportFailed) as failed:
        import_plan(write_csv("plan.csv", plan), "anytown", Actor("olivia"), recommendations=recommendations)
    assert [str(p) for p in failed.value.problems] == [
        "plan.csv, row 2, column D (Timescale): 'Ongoing' is not a timescale Oversight can read: expected "
        "'Dec-16', 'Oct - Dec 16', 'Nov 16 - Jun 17', 'Q3 2016/17' or '31/12/2016'",
        "plan.csv, row 3, column E (Ofsted Recommendations): there is no recommendation 7 in recs.csv",
        "recs.csv, row 3, column C (Actions): Action ID 9.9 is not in plan '(new)'",
    ]
    assert not Plan.objects.exists() and not Inspection.objects.exists()


def test_the_command_imports_both_in_one_go(write_csv, capsys) -> None:
    call_command(
        "import_plan",
        str(write_csv("plan.csv", PLAN)),
        plan="anytown",
        recommendations=str(write_csv("recs.csv", RECOMMENDATIONS)),
        published=date(2016, 8, 1),
        by="olivia",
    )
    assert linked() == {1: ["1.1", "1.2"], 2: ["1.2", "2.1"]}
    assert "links from actions to Ofsted's recommendations: 3" in capsys.readouterr().out
    with pytest.raises(CommandError, match="--recommendations needs --published"):
        call_command("import_plan", str(write_csv("p.csv", PLAN)), plan="x", recommendations="r.csv")


def test_an_officer_uploads_the_plan_with_its_recommendations(signed_in, private_files, write_csv) -> None:
    client = signed_in("olivia")
    plan_file = write_csv("plan.csv", PLAN)
    recs_file = write_csv("recs.csv", RECOMMENDATIONS)
    response = client.post(
        "/plans/demo/import/",
        {
            "kind": "plan",
            "file": SimpleUploadedFile("plan.csv", plan_file.read_bytes()),
            "recommendations_file": SimpleUploadedFile("recs.csv", recs_file.read_bytes()),
            **date_boxes("published", date(2016, 8, 1)),
            "sheet": "",
        },
    )
    preview = client.get(response["Location"])
    assert parsed.texts(preview, "//h1") == ["Check the changes in plan.csv and recs.csv"]
    assert not Inspection.objects.exists()  # a preview imports nothing
    revision = parsed.document(preview).xpath("//input[@name='revision']/@value")[0]
    client.post(response["Location"] + "confirm/", {"revision": revision})
    assert linked() == {1: ["1.1", "1.2"], 2: ["1.2", "2.1"]}
    assert Action.objects.filter(plan__slug="demo", action_id="1.2").get().key_action == (
        "Review the board's terms of reference."
    )


def test_recommendations_with_a_plan_need_the_inspection_date(signed_in, private_files, write_csv) -> None:
    response = signed_in("olivia").post(
        "/plans/demo/import/",
        {
            "kind": "plan",
            "file": SimpleUploadedFile("plan.csv", write_csv("plan.csv", PLAN).read_bytes()),
            "recommendations_file": SimpleUploadedFile(
                "r.csv", write_csv("r.csv", RECOMMENDATIONS).read_bytes()
            ),
        },
    )
    assert response.status_code == 400
    assert parsed.texts(response, "//*[@class='govuk-error-summary']//li") == [
        "Enter the date the inspection report was published"
    ]
