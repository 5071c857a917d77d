"""Importing Reading's and Telford's recommendations as they published them, and the committee report."""

from __future__ import annotations

import csv
import re
from datetime import date

import pytest

from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.governance.committee_data import committee_report
from oversight.governance.committee_report import pillar_table, progress_table
from oversight.governance.models import ProgressUpdate, Recommendation
from oversight.governance.pillars import Pillar
from oversight.governance.recommendation_import import import_recommendations
from oversight.governance.render.committee import render_docx, render_html, render_pdf
from oversight.lib.problems import ImportFailed
from oversight.plans.plan_import import import_plan
from oversight.plans.status_import import import_statuses
from tests.conftest import DATA
from tests.papers import check_paper
from tests.pdfs import read_pdf

pytestmark = pytest.mark.django_db

READING = DATA / "reading-2016" / "recommendations.csv"
TELFORD = DATA / "telford-2018" / "recommendations.csv"
TELFORD_ACTIONS = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4"]


def published(path):  # the fixture's rows, as the council published them
    with path.open(encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


@pytest.fixture
def reading(write_csv):
    rows = [["Priority", "Action ID", "Key Action", "Lead", "Agency Involvement", "Timescale"]]
    rows.append(["Priority 1 - Practice", "1.1", "Recruit permanent social workers.", "DCS", "", "Dec 16"])
    import_plan(write_csv("plan.csv", rows), "reading", Actor("setup"), title="Reading Improvement Plan")
    import_recommendations(READING, "reading", date(2016, 8, 1), Actor("officer"))
    return "reading"


@pytest.fixture
def telford(write_csv):
    rows = [["Priority", "Action ID", "Key Action", "Lead", "Agency Involvement", "Timescale"]]
    rows += [
        [f"Priority {a[0]}", a, f"Getting to Good action {a}.", "AD", "", "Sep 17"] for a in TELFORD_ACTIONS
    ]
    import_plan(write_csv("g2g.csv", rows), "telford", Actor("setup"), title="Getting to Good")
    statuses = [
        ["Action ID", "RAG", "Commentary"],
        ["1.1", "G", "Done."],
        ["1.2", "A", "IRO recruitment continues."],
    ]
    import_statuses(write_csv("dec.csv", statuses), "telford", date(2017, 12, 31), Actor("setup"))
    import_recommendations(TELFORD, "telford", date(2016, 8, 26), Actor("officer"))
    return "telford"


def test_readings_18_recommendations_are_imported_with_their_pillars(reading) -> None:
    recommendations = {r.number: r for r in Recommendation.objects.all()}
    rows = published(READING)
    assert sorted(recommendations) == list(range(1, 19)) and len(rows) == 18
    for row in rows:
        rec = recommendations[int(row["No"])]
        assert rec.text == row["Recommendation"]
        assert [Pillar(p).label.lower() for p in rec.pillars] == [
            p.strip().lower() for p in row["Putting Children First Pillars"].split(";")
        ]
    people = [n for n, r in recommendations.items() if "people" in r.pillars]
    governance = [n for n, r in recommendations.items() if "governance" in r.pillars]
    assert (people, governance) == ([1, 4, 7], [1, 4, 8, 14, 15])


def test_the_pillar_table_matches_readings(reading) -> None:
    table = pillar_table(committee_report("reading", date(2016, 9, 30), "pillar"))
    assert table.headers == ["No", "Recommendation", "Putting Children First Pillars"]
    expected = [
        [int(r["No"]), r["Recommendation"], r["Putting Children First Pillars"]] for r in published(READING)
    ]
    normalised = [[n, text, pillars.lower()] for n, text, pillars in table.rows]
    assert normalised == [[n, text, pillars.lower()] for n, text, pillars in expected]


def test_grouped_by_pillar_a_recommendation_appears_under_each_of_its_pillars(reading) -> None:
    report = committee_report("reading", date(2016, 9, 30), "pillar")
    groups = {name: [r.number for r in members] for name, members in report.groups}
    assert groups["People and Leadership"] == [1, 4, 7]
    assert groups["Governance and Accountability"] == [1, 4, 8, 14, 15]
    assert len(groups["Practice and Systems"]) == 16


def test_telfords_11_recommendations_come_with_themes_updates_impact_and_actions(telford) -> None:
    rows = published(TELFORD)
    assert Recommendation.objects.count() == 11
    for row in rows:
        rec = Recommendation.objects.get(number=int(row["Ofsted Recommendation No"]))
        assert rec.theme == row["Theme"]
        assert [a.action_id for a in rec.actions.all()] == [row["G2G Action"]]
        update = ProgressUpdate.objects.get(recommendation=rec)
        assert (update.as_at, update.progress, update.impact) == (
            date(2017, 12, 31),
            row["Update at 31.12.2017"],
            row["Impact / Performance"],
        )


def test_telfords_committee_report_lists_each_theme_with_its_recommendations(telford) -> None:
    report = committee_report("telford", date(2017, 12, 31), "theme")
    themes = [(name, [r.number for r in members]) for name, members in report.groups]
    assert themes == [
        ("Scrutiny, oversight and advocacy", [1, 2, 3, 11]),
        ("Quality and effectiveness of front line practice", [4, 5, 10]),
        ("Outcomes for children and young people in specific circumstances", [6, 7, 8, 9]),
    ]
    table = progress_table(report, *report.groups[0])
    assert table.headers == [
        "No",
        "Recommendation",
        "Update at 31.12.2017",
        "Impact / Performance",
        "Plan actions",
    ]
    by_number = {int(r["Ofsted Recommendation No"]): r for r in published(TELFORD)}
    for number, text, update, impact, _ in table.rows:
        assert (text, update, impact) == (
            by_number[number]["Ofsted Recommendation"],
            by_number[number]["Update at 31.12.2017"],
            by_number[number]["Impact / Performance"],
        )
    assert table.rows[0][4] == "1.1: 1 Green"
    assert table.rows[1][4] == "1.2: 1 Amber; overdue: 1.2"


def test_the_word_and_html_reports_hold_every_recommendation(telford) -> None:
    report = committee_report("telford", date(2017, 12, 31), "theme")
    document = check_paper(render_docx(report)).doc
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for row in published(TELFORD):
        assert row["Ofsted Recommendation"] in cells
        assert row["Impact / Performance"] in cells
    assert "Update at 31.12.2017" in cells
    html = render_html(report).decode()
    assert len(re.findall(r"<h2>", html)) == 4  # three themes and the pillar table
    assert "Scrutiny, oversight and advocacy" in html


def test_an_update_before_the_reports_date_is_the_one_shown(telford) -> None:
    report = committee_report("telford", date(2017, 11, 30), "theme")
    assert all(rec.progress == "" for rec in report.recommendations)


def test_an_action_is_overdue_from_the_month_after_its_timescale_ends(telford) -> None:
    def overdue(as_at: date) -> dict[int, list[str]]:
        return {r.number: r.overdue for r in committee_report("telford", as_at, "theme").recommendations}

    # every Telford action's timescale is Sep 17, and none had a status before December
    assert overdue(date(2017, 9, 30)) == {number: [] for number in range(1, 12)}
    october = overdue(date(2017, 10, 31))
    assert october[1] == ["1.1"] and october[2] == ["1.2"] and all(october.values())


def test_importing_again_changes_nothing_and_a_changed_text_is_recorded(telford, write_csv) -> None:
    before = (Recommendation.objects.count(), ProgressUpdate.objects.count(), Change.objects.count())
    summary = import_recommendations(TELFORD, "telford", date(2016, 8, 26), Actor("officer"))
    assert (summary.unchanged, summary.updates) == (11, 0)
    assert (Recommendation.objects.count(), ProgressUpdate.objects.count()) == before[:2]
    rows = [
        ["No", "Recommendation", "Theme"],
        ["1", "Ensure regular supervision.", "Scrutiny, oversight and advocacy"],
    ]
    import_recommendations(write_csv("one.csv", rows), "telford", date(2016, 8, 26), Actor("officer"))
    change = Change.objects.get(field="recommendation 1 text")
    assert change.new_value == "Ensure regular supervision." and change.actor == "officer"


def test_a_bad_file_names_every_problem_and_changes_nothing(telford, write_csv) -> None:
    rows = [
        ["No", "Recommendation", "Putting Children First Pillars", "Actions"],
        ["12", "A new one.", "Finance", "1.1"],
        ["x", "Another.", "", ""],
        ["13", "Third.", "Practice and Systems", "9.9"],
    ]
    with pytest.raises(ImportFailed) as failed:
        import_recommendations(write_csv("bad.csv", rows), "telford", date(2016, 8, 26), Actor("officer"))
    messages = [str(p) for p in failed.value.problems]
    assert messages == [
        "bad.csv, row 2, column C (Putting Children First Pillars): 'Finance' is not a Putting Children "
        "First pillar: expected People and Leadership; Practice and Systems; Governance and Accountability",
        "bad.csv, row 3, column A (No): 'x' is not a recommendation number: expected a whole number such as "
        "7",
        "bad.csv, row 4, column D (Actions): Action ID 9.9 is not in plan 'telford'",  # in the same pass
    ]
    assert Recommendation.objects.count() == 11
    rows = [["No", "Recommendation", "Actions"], ["13", "Third.", "9.9"]]
    with pytest.raises(
        ImportFailed, match=r"row 2, column C \(Actions\): Action ID 9.9 is not in plan 'telford'"
    ):
        import_recommendations(write_csv("unknown.csv", rows), "telford", date(2016, 8, 26), Actor("officer"))


def test_undated_updates_are_refused_unless_a_date_is_given(telford, write_csv) -> None:
    rows = [["No", "Recommendation", "Progress update"], ["1", "Supervision.", "Done."]]
    path = write_csv("undated.csv", rows)
    with pytest.raises(ImportFailed, match="the updates are not dated"):
        import_recommendations(path, "telford", date(2016, 8, 26), Actor("officer"))
    import_recommendations(path, "telford", date(2016, 8, 26), Actor("officer"), as_at=date(2018, 3, 31))
    assert ProgressUpdate.objects.filter(as_at=date(2018, 3, 31)).count() == 1


def test_the_pdf_report_is_a_landscape_paper_with_every_recommendation(telford) -> None:
    report = committee_report("telford", date(2017, 12, 31), "theme")
    pdf = read_pdf(render_pdf(report))
    assert pdf.info["Tagged"] == "yes" and set(pdf.orientations) == {"landscape"}
    words = " ".join(pdf.text.split())
    for row in published(TELFORD):
        assert " ".join(row["Ofsted Recommendation"].split())[:60] in words
    assert f"Page 1 of {len(pdf.pages)}" in pdf.pages[0]
