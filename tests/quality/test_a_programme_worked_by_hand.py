"""Three months of a programme for four teams, with moderation that changes grades and a deep dive,
whose figures are worked by hand below: the same figures on the page, in the Word report and as the
scorecard's indicators.

The tool grades two domains, Management oversight (MO) and Voice of the child (VoC), on Ofsted's scale.
Each month two cases a team are audited, due on the 20th; November also has a deep dive of two East
cases, due on the 30th. Each audit below: completed (day of the month, or None), overall, MO, VoC.

            September                 October                   November
East    15 G G RI | 18 RI RI G    12 G G G  | 14 G RI G     10 G G G  | 11 RI RI G
West    12 G G G  | 13 O G G      12 G G G  | 13 RI RI RI   12 O O G  | 13 G G G
North   25 I I RI | 19 RI RI RI   16 G G RI | 22 RI RI RI   15 RI RI RI | not done
South   10 G G G  | not done      10 G G G  | 11 G G RI     10 G G RI | 12 G RI G
East's deep dive in November:                               28 G G G  | 28 I I I

Moderated: East's first November audit (Good, agreed Requires improvement), West's second (Good,
agreed Good) and North's first October audit (Good, agreed Requires improvement).

Worked by hand, as at 1 December 2026:
- November: 10 planned, 9 done, 1 overdue (North), 9 of 10 due done on time (90%). Graded good or
  better, with the agreed grades: West 2, South 2 and the first deep dive audit: 5 of 9 (56%).
  MO good or better 5 of 9 (56%); VoC 6 of 9 (67%). Moderated 2, 1 changed (50%).
  By team: East 4 planned, 4 done, 1 of 4 good (25%); West 2, 2, 2 of 2 (100%); North 2, 1 done,
  1 overdue, 0 of 1 (0%); South 2, 2, 2 of 2 (100%).
- October: 8 done, 7 of 8 on time (88%: North's 22nd is late); good 5 of 8 (63%, North's first
  moderated down); MO 5 of 8 (63%); VoC 4 of 8 (50%).
- September: 7 of 8 done, 6 of 8 on time (75%); good 4 of 7 (57%); MO 4 of 7 (57%); VoC 4 of 7 (57%).
- Twelve months: good 14 of 24 (58%); by team East 4 of 8 (50%), West 5 of 6 (83%), North 0 of 5 (0%),
  South 5 of 5 (100%); MO 4 + 5 + 5 = 14 of 24 (58%), VoC 4 + 4 + 6 = 14 of 24 (58%); moderated 3,
  changed 2 (67%).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
import time_machine

from oversight.audit.actors import Actor
from oversight.performance.models import Indicator, IndicatorValue
from oversight.quality.audits import Grading, complete, moderate
from oversight.quality.cohorts import NewCohort, create_cohort
from oversight.quality.models import CaseAudit
from oversight.quality.reading import summary
from oversight.quality.sampling import Case
from oversight.quality.scales import OFSTED_GRADES, Domain
from oversight.quality.tools import save_tool
from tests.papers import check_paper
from tests.quality.conftest import fresh, person

pytestmark = pytest.mark.django_db
O, G, RI, I = 0, 1, 2, 3  # noqa: E741 - Ofsted's grades as places on the scale
SEP, OCT, NOV = date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)
DAY = date(2026, 12, 1)
TEAMS = ("East", "West", "North", "South")
AUDITS = {  # month: team: two audits, each (completed day, overall, MO, VoC) or None
    SEP: {
        "East": [(15, G, G, RI), (18, RI, RI, G)],
        "West": [(12, G, G, G), (13, O, G, G)],
        "North": [(25, I, I, RI), (19, RI, RI, RI)],
        "South": [(10, G, G, G), None],
    },
    OCT: {
        "East": [(12, G, G, G), (14, G, RI, G)],
        "West": [(12, G, G, G), (13, RI, RI, RI)],
        "North": [(16, G, G, RI), (22, RI, RI, RI)],
        "South": [(10, G, G, G), (11, G, G, RI)],
    },
    NOV: {
        "East": [(10, G, G, G), (11, RI, RI, G)],
        "West": [(12, O, O, G), (13, G, G, G)],
        "North": [(15, RI, RI, RI), None],
        "South": [(10, G, G, RI), (12, G, RI, G)],
    },
}
DEEP_DIVE = [(28, G, G, G), (28, I, I, I)]
QUINN = Actor("Quinn")


def ref(month: date, team: str, n: int) -> str:
    return f"{team[0]}{month:%m}{n}"


def do(audit: CaseAudit, month: date, graded: tuple[int, int, int, int]) -> None:
    day, overall, mo, voc = graded
    grading = Grading([mo, voc], overall, "", "", "")
    complete(audit, grading, Actor("Audrey"), audit.revision, month.replace(day=day))


@pytest.fixture
def worked(plan):
    audrey, quinn = person(plan, "audrey", "auditor"), person(plan, "quinn", "qa_lead")
    domains = (Domain("Management oversight"), Domain("Voice of the child"))
    version = save_tool(plan.pk, "Case file audit", OFSTED_GRADES, 2, domains, QUINN)
    for key, name, frequency in (
        ("audits-good", "Case audits graded good or better", "monthly"),
        ("domain-good:Management oversight", "Management oversight graded good or better", "monthly"),
        ("audits-on-time", "Case audits completed on time", "monthly"),
        ("moderation-changed", "Moderated grades changed", "quarterly"),
    ):
        Indicator.objects.create(
            plan=plan, name=name, service_area="Quality assurance", polarity="higher", frequency=frequency,
            source=Indicator.Source.CASE_AUDITS, measure=key,
        )  # fmt: skip
    for month, teams in AUDITS.items():
        cases = [Case(team, "", ref(month, team, n)) for team in TEAMS for n in (1, 2)]
        new = NewCohort("monthly", month, f"{month:%B} case audits", "", version, month.replace(day=20))
        create_cohort(plan.pk, new, cases, [audrey], QUINN)
        for team, audits in teams.items():
            for n, graded in enumerate(audits, 1):
                if graded is not None:
                    do(CaseAudit.objects.get(case_ref=ref(month, team, n)), month, graded)
    dive = NewCohort(
        "deep_dive", NOV, "Deep dive: neglect", "Do we see neglect early?", version, date(2026, 11, 30)
    )
    create_cohort(plan.pk, dive, [Case("East", "", "D1"), Case("East", "", "D2")], [audrey], QUINN)
    for n, graded in enumerate(DEEP_DIVE, 1):
        do(CaseAudit.objects.get(case_ref=f"D{n}"), NOV, graded)
    for case, agreed in (("E111", RI), ("W112", G), ("N101", RI)):
        audit = CaseAudit.objects.select_related("cohort__tool_version", "cohort__plan").get(case_ref=case)
        moderate(audit, agreed, "", QUINN, quinn, audit.revision, DAY)
    return plan


NOVEMBER_TEAMS = [  # team, planned, done, overdue, good or better in November, over the twelve months
    ("East", 4, 4, 0, "25% (1 of 4)", "50% (4 of 8)"),
    ("North", 2, 1, 1, "0% (0 of 1)", "0% (0 of 5)"),
    ("South", 2, 2, 0, "100% (2 of 2)", "100% (5 of 5)"),
    ("West", 2, 2, 0, "100% (2 of 2)", "83% (5 of 6)"),
]
DOMAINS = [  # September, October, November, twelve months
    ("Management oversight", ["57% (4 of 7)", "63% (5 of 8)", "56% (5 of 9)"], "58% (14 of 24)"),
    ("Voice of the child", ["57% (4 of 7)", "50% (4 of 8)", "67% (6 of 9)"], "58% (14 of 24)"),
]


def test_the_summary_gives_the_figures_worked_by_hand(worked) -> None:
    found = summary(fresh(worked), NOV, DAY)
    c = found.completion
    assert (c.planned, c.done, c.overdue, c.due, c.on_time, str(c.on_time_share)) == (
        10,
        9,
        1,
        10,
        9,
        "90% (9 of 10)",
    )
    assert str(found.good) == "56% (5 of 9)"
    assert [
        (t, c.planned, c.done, c.overdue, str(g), str(y)) for t, c, g, y in found.team_rows
    ] == NOVEMBER_TEAMS
    assert [(d, [str(s) for s in shares[-3:]], str(y)) for d, shares, y in found.domain_rows] == DOMAINS
    trend = {m: (c.done, str(c.on_time_share), str(g)) for m, c, g in found.trend_rows if c.planned}
    assert trend == {
        SEP: (7, "75% (6 of 8)", "57% (4 of 7)"),
        OCT: (8, "88% (7 of 8)", "63% (5 of 8)"),
        NOV: (9, "90% (9 of 10)", "56% (5 of 9)"),
    }
    assert str(found.year) == "58% (14 of 24)"
    assert (found.moderation.moderated, found.moderation.changed, str(found.moderation.change_rate)) == (
        2,
        1,
        "50% (1 of 2)",
    )
    assert str(found.moderation_year.change_rate) == "67% (2 of 3)"


def test_the_page_shows_them(worked, signed_in) -> None:
    with time_machine.travel(datetime(2026, 12, 1, 11, tzinfo=UTC), tick=False):
        page = signed_in("vic").get("/plans/demo/quality/?month=2026-11").content.decode()
    for figure in (
        "90% (9 of 10)",
        "56% (5 of 9)",
        "50% (1 of 2)",
        "25% (1 of 4)",
        "83% (5 of 6)",
        "67% (6 of 9)",
    ):
        assert figure in page, figure


def test_the_word_report_shows_them(worked, signed_in) -> None:
    with time_machine.travel(datetime(2026, 12, 1, 11, tzinfo=UTC), tick=False):
        response = signed_in("bob").get("/plans/demo/quality/report.docx?month=2026-11")
    assert response.status_code == 200
    paper = check_paper(response.content)
    doc = paper.doc
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "In November 2026, 10 case audits were planned and 9 completed; 1 is overdue." in text
    assert "Of the 10 audits due by 1 December 2026, 9 were completed on time (90%)." in text
    assert (
        "5 of the 9 audits graded (56%) were graded good or better, against 63% in October 2026; over the"
        " twelve months, 58% (14 of 24)." in text
    )
    assert "2 audits were moderated; moderation changed the grade of 1 (50%)." in text
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in doc.tables]
    trend, teams, domains, moderation = tables
    assert trend[-3:] == [
        ["September 2026", "8", "7", "75% (6 of 8)", "57% (4 of 7)"],
        ["October 2026", "8", "8", "88% (7 of 8)", "63% (5 of 8)"],
        ["November 2026", "10", "9", "90% (9 of 10)", "56% (5 of 9)"],
    ]
    assert teams[1:] == [[t, str(p), str(d), str(o), g, y] for t, p, d, o, g, y in NOVEMBER_TEAMS]
    assert [row[0] for row in domains[1:]] == ["Management oversight", "Voice of the child"]
    assert [row[-4:] for row in domains[1:]] == [[*shares, year] for _, shares, year in DOMAINS]
    assert moderation[1:] == [
        ["November 2026", "2", "1", "50% (1 of 2)"],
        ["Twelve months", "3", "2", "67% (2 of 3)"],
    ]
    assert (
        "Thematic deep dive: Deep dive: neglect" in text and "The question: Do we see neglect early?" in text
    )
    pictures = doc.inline_shapes
    assert len(pictures) == 1 and "good or better" in pictures[0]._inline.docPr.get("descr")


def test_the_scorecard_records_them_as_indicators_values(worked) -> None:
    def values(name: str) -> dict[date, Decimal]:
        rows = IndicatorValue.objects.filter(indicator__name=name).order_by("period")
        return dict(rows.values_list("period", "value"))

    assert values("Case audits graded good or better") == {
        SEP: Decimal("57.1"),
        OCT: Decimal("62.5"),
        NOV: Decimal("55.6"),
    }
    assert values("Management oversight graded good or better") == {
        SEP: Decimal("57.1"), OCT: Decimal("62.5"), NOV: Decimal("55.6")
    }  # fmt: skip
    assert values("Case audits completed on time") == {
        SEP: Decimal("75"),
        OCT: Decimal("87.5"),
        NOV: Decimal("90"),
    }
    # quarterly: October's 1 of 1 and November's 1 of 2; no moderation in the quarter to September
    assert values("Moderated grades changed") == {date(2026, 10, 1): Decimal("66.7")}


def test_the_pdf_report_is_a_tagged_a4_paper_with_the_figures(worked, signed_in) -> None:
    from tests.pdfs import read_pdf

    with time_machine.travel(datetime(2026, 12, 1, 11, tzinfo=UTC), tick=False):
        response = signed_in("bob").get("/plans/demo/quality/report.pdf?month=2026-11")
    pdf = read_pdf(response.content)
    assert pdf.info["Tagged"] == "yes" and "(A4)" in pdf.info["Page size"]
    text = " ".join(pdf.text.split())
    assert "Quality assurance report, November 2026" in text
    assert "In November 2026, 10 case audits were planned and 9 completed; 1 is overdue." in text
    assert "90% (9 of 10)" in text and "67% (2 of 3)" in text
    assert all(font["emb"] == "yes" for font in pdf.fonts)
