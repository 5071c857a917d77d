"""The exception report's Word and Excel downloads hold Bromley's published January 2017 figures:
Table 1 (due and Red by priority), Table 2 (Red by priority, month by month) and Table 3 (Red by
deadline), read back from the files the website gives."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from openpyxl import load_workbook

from oversight.accounts.models import Membership
from oversight.audit.actors import Actor
from oversight.plans.models import Action, Plan
from oversight.plans.plan_import import import_plan
from oversight.plans.status_import import import_statuses
from oversight.plans.updates import StatusUpdate, latest_change_id, record_status
from tests.conftest import BROMLEY, accepting_statuses_without_commentary
from tests.papers import check_paper

pytestmark = pytest.mark.django_db

EXPECTED = json.loads((BROMLEY / "expected-2017-01-31.json").read_text())
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXCEL = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Red as a share of due, worked from the published counts and rounded to a whole percent:
# 1/11 = 9.1, 1/27 = 3.7, 2/20 = 10, 1/16 = 6.25, 3/41 = 7.3, 4/20 = 20, 3/5 = 60, 2/32 = 6.25,
# 2/14 = 14.3, 1/14 = 7.1; in all 20/200 = 10.
RED_PERCENT = ["9%", "4%", "10%", "6%", "7%", "20%", "60%", "6%", "14%", "7%"]
PRIORITIES = [f"Priority {p['priority']} - {p['title']}" for p in EXPECTED["by_priority"]]
TABLE_1 = [
    ["Priority", "Actions due May 16 - Jan 17", "Actions not progressed (Red)", "Red as % of due"],
    *[
        [name, str(p["due"]), str(p["red"]), percent]
        for name, p, percent in zip(PRIORITIES, EXPECTED["by_priority"], RED_PERCENT, strict=True)
    ],
    ["Total", "200", "20", "10%"],
]
# Only January's statuses are published: the two months before have no data, so no difference either.
TABLE_2 = [
    ["Priority", "Nov 16", "Dec 16", "Jan 17", "Difference"],
    *[
        [name, "no data", "no data", str(p["red"]), "no data"]
        for name, p in zip(PRIORITIES, EXPECTED["by_priority"], strict=True)
    ],
    ["Total", "no data", "no data", "20", "no data"],
]
TABLE_3_FIGURES = [[d["deadline"], str(d["count"]), f"{d['percent']}%"] for d in EXPECTED["by_deadline"]] + [
    ["Total", "20", "100%"]
]
# From the published report's appendix and narrative: the one action of October - December 2016,
# of October 2016 (Priority 6) and of September 2016 (Priority 5, the oldest).
ALONE_IN_THEIR_DEADLINE = {
    "October - December 2016": "2.10.1",
    "October 2016": "6.1.4",
    "September 2016": "5.3.3",
}


@pytest.fixture
def councillor(client: Client, private_files) -> Client:
    import_plan(BROMLEY / "plan.csv", "bromley", Actor("officer"), started=date(2016, 5, 1))
    accepting_statuses_without_commentary("bromley")
    import_statuses(BROMLEY / "status-2017-01-31.csv", "bromley", date(2017, 1, 31), Actor("officer"))
    user = get_user_model().objects.create_user("cllr", "cllr@council.example", "a long password 2017")
    Membership.objects.create(plan=Plan.objects.get(slug="bromley"), user=user, role="viewer")
    client.force_login(user)
    return client


def download(client: Client, fmt: str, content_type: str) -> bytes:
    response = client.get(f"/plans/bromley/report/2017-01.{fmt}")
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="bromley-exception-report-2017-01.{fmt}"'
    return response.content


def text(cell: object) -> str:
    return "" if cell is None else str(cell)


def shown(cell) -> str:  # type: ignore[no-untyped-def]
    """A spreadsheet cell as Excel shows it: a percentage stored as a fraction, in its format."""
    if isinstance(cell.value, int | float) and cell.number_format.endswith("%"):
        places = cell.number_format.count("0") - 1
        return f"{cell.value * 100:.{places}f}%"
    return text(cell.value)


def check_table_3(rows: list[list[str]]) -> None:
    assert [row[:3] for row in rows[1:]] == TABLE_3_FIGURES
    assert rows[0] == ["Action deadline", "Number of actions", "Percentage", "Action IDs"]
    ids = {deadline: ids.split(", ") for deadline, _, _, ids in rows[1:-1]}
    assert all(len(ids[deadline]) == int(count) for deadline, count, _ in TABLE_3_FIGURES[:-1])
    assert sorted(i for listed in ids.values() for i in listed) == sorted(EXPECTED["red_actions"])
    assert {deadline: ids[deadline] for deadline in ALONE_IN_THEIR_DEADLINE} == {
        deadline: [action] for deadline, action in ALONE_IN_THEIR_DEADLINE.items()
    }


def test_the_word_download_holds_bromleys_tables_1_to_3(councillor) -> None:
    paper = check_paper(download(councillor, "docx", WORD))
    doc = paper.doc
    title = Plan.objects.get(slug="bromley").title
    assert paper.header == f"{title}: exception report, January 2017, 31 January 2017"
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in doc.tables]
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]

    assert tables[0] == TABLE_1
    assert tables[1] == TABLE_2
    check_table_3(tables[2])
    assert captions[:3] == [
        "Table 1: actions due and not progressed (Red) by priority, January 2017",
        "Table 2: actions not progressed (Red) by priority, month by month",
        "Table 3: actions not progressed (Red) by their deadline",
    ]
    appendix = [row[1] for table in tables if table[0][:2] == ["Timescale", "Action ID"] for row in table[1:]]
    assert appendix == EXPECTED["red_actions"]


def test_the_excel_download_holds_bromleys_tables_1_to_3_and_totals(councillor) -> None:
    book = load_workbook(io.BytesIO(download(councillor, "xlsx", EXCEL)))
    sheets = {
        name: [[shown(cell) for cell in row] for row in book[name].iter_rows(min_row=2)]
        for name in ("Table 1", "Table 2", "Table 3")
    }

    assert sheets["Table 1"] == TABLE_1
    assert sheets["Table 2"] == TABLE_2
    check_table_3(sheets["Table 3"])
    assert book["Table 1"]["B3"].value == 11 and book["Table 3"]["B3"].value == 4  # numbers, not text
    assert book["Table 1"]["D3"].value == pytest.approx(0.09) and book["Table 1"]["D3"].number_format == "0%"
    assert book["Table 1"].auto_filter.ref == "A2:D12" and book["Table 1"].freeze_panes == "A3"
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(min_row=3, max_col=2, values_only=True)}
    totals = EXPECTED["totals"]
    assert (summary["Actions due"], summary["Actions Red"], summary["In progress, not yet due"]) == (
        totals["due"],
        totals["red"],
        totals["in_progress_not_yet_due"],
    )
    assert summary["Red as % of due"] == pytest.approx(totals["red_percent"] / 100)
    red = [row[2] for row in book["Red actions"].iter_rows(min_row=3, values_only=True)]
    assert red == EXPECTED["red_actions"]


def test_a_download_is_made_once_per_revision_and_made_again_when_a_status_changes(
    councillor, private_files
) -> None:
    made = download(councillor, "json", "application/json")
    stored = list((private_files / "downloads").rglob("*.json"))
    assert len(stored) == 1 and stored[0].read_bytes() == made
    assert download(councillor, "json", "application/json") == made  # served from storage
    # one more action found Red at January's end: January's report is made again, and shows it
    action = (
        Action.objects.filter(plan__slug="bromley", statuses__rag="G")
        .exclude(action_id__in=EXPECTED["red_actions"])
        .first()
    )
    assert action is not None
    update = StatusUpdate("R", "Audits paused.", action.revision, latest_change_id(action))
    record_status(action, update, Actor("lara"), date(2017, 1, 31))
    again = download(councillor, "json", "application/json")
    assert action.action_id in again.decode() and action.action_id not in made.decode()
    assert [p.read_bytes() for p in (private_files / "downloads").rglob("*.json")] == [again]
