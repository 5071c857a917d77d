"""The governance commands, as an officer runs them."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from oversight.audit.actors import Actor
from oversight.plans.plan_import import import_plan
from tests.conftest import DATA

pytestmark = pytest.mark.django_db


@pytest.fixture
def reading_plan(write_csv) -> None:
    rows = [["Priority", "Action ID", "Key Action", "Lead", "Agency Involvement", "Timescale"]]
    rows.append(["Priority 1 - Practice", "1.1", "Recruit permanent social workers.", "DCS", "", "Dec 16"])
    import_plan(write_csv("plan.csv", rows), "reading", Actor("setup"), title="Reading Improvement Plan")


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_import_recommendations_then_write_the_committee_report(reading_plan, tmp_path) -> None:
    path = str(DATA / "reading-2016" / "recommendations.csv")
    summary = run(
        "import_recommendations", path, "--plan", "reading", "--published", "2016-08-01", "--by", "o"
    )
    assert "recommendations added: 18" in summary
    output = tmp_path / "committee.docx"
    args = ["--plan", "reading", "--as-at", "2016-09-30", "--group-by", "pillar", "--format", "docx"]
    run("committee_report", *args, "--output", str(output))
    headings = [p.text for p in Document(str(output)).paragraphs if p.style.name.startswith("Heading")]
    assert headings == [  # the title is Word's Title style, then a Heading 1 per pillar
        "People and Leadership",
        "Practice and Systems",
        "Governance and Accountability",
        "Recommendations aligned to 'Putting Children First' pillars",
    ]
    html = run("committee_report", "--plan", "reading", "--as-at", "2016-09-30")
    assert "Recommendations aligned to &#x27;Putting Children First&#x27; pillars" in html


def test_a_plan_with_no_inspection_is_a_clear_error(reading_plan) -> None:
    with pytest.raises(
        CommandError, match="plan 'reading' has no inspection: import its recommendations first"
    ):
        run("committee_report", "--plan", "reading", "--as-at", str(date(2016, 9, 30)))


def test_a_bad_file_is_reported_by_row_and_column(reading_plan, write_csv) -> None:
    path = write_csv("bad.csv", [["No", "Recommendation"], ["one", "Text"]])
    with pytest.raises(
        CommandError, match=r"Nothing was imported: 1 problem found.\n  bad.csv, row 2, column A"
    ):
        run("import_recommendations", str(path), "--plan", "reading", "--published", "2016-08-01")


def test_the_inspections_judgements_are_kept(reading_plan) -> None:
    from oversight.governance.models import Inspection

    path = str(DATA / "reading-2016" / "recommendations.csv")
    run(
        "import_recommendations", path, "--plan", "reading", "--published", "2016-08-01",
        "--judgement", "Overall effectiveness=Inadequate",
        "--judgement", "Children looked after=Requires improvement",
    )  # fmt: skip
    assert Inspection.objects.get().judgements == {
        "Overall effectiveness": "Inadequate",
        "Children looked after": "Requires improvement",
    }
    with pytest.raises(CommandError, match="--judgement expects AREA=JUDGEMENT"):
        run(
            "import_recommendations",
            path,
            "--plan",
            "reading",
            "--published",
            "2016-08-01",
            "--judgement",
            "x",
        )
