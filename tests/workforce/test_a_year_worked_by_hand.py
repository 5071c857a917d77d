"""Thirteen months of returns for five teams (tests/workforce/conftest.py), worked by hand.

Every month each team returns the same posts and staff (FTE): Assessment 1 funded 10, permanent 8,
agency 1.5, vacancies 2, sickness 4 days; Assessment 2 12, 9, 3, 3, 9 days; Children in care 15, 12.5,
0, 2.5, 10 days; Child protection 8, 6, 2, 2, 12 days; IRO service 5, 5, 0, 0, 0 days. Children in care
sent no return for February 2026. Leavers: Assessment 1 one each in December 2025, March, June and
September 2026; Assessment 2 two in November 2025 and one in November 2026; Child protection two in
July 2026.

November 2026, all teams:
- vacancy rate: vacancies 2 + 3 + 2.5 + 2 + 0 = 9.5 of funded 10 + 12 + 15 + 8 + 5 = 50: 19%;
- agency rate: agency 1.5 + 3 + 0 + 2 + 0 = 6.5 of staff in post 40.5 + 6.5 = 47: 13.83%, 13.8%;
- sickness: 4 + 9 + 10 + 12 + 0 = 35 days over 40.5 permanent FTE: 0.864, 0.9 days;
- turnover over December 2025 to November 2026: Children in care is left out (no February return);
  leavers 4 (Assessment 1) + 1 (Assessment 2) + 2 (Child protection) + 0 = 7, over the average
  permanent staff 8 + 9 + 6 + 5 = 28: 25%.
October 2026's turnover (November 2025 to October 2026): 4 + 2 + 2 + 0 = 8 over 28: 28.57%, 28.6%.
September 2026's needs October 2025, which no team returned: no figure, every team left out.
February 2026, four teams: vacancies 7.0 of 35 funded: 20%; Children in care named as without a return.
The Assessment service in November 2026: 5 of 22 vacant, 22.73%, 22.7%; agency 4.5 of 21.5, 20.93%,
20.9%; turnover 5 leavers over 17, 29.41%, 29.4%.

Supervision in November 2026 (to the 30th), Assessment 1: 10 and 28 days within 4 weeks, 29 and 42
within 6 weeks, 43 overdue, one with no date left out: 2, 2 and 1 of 5 counted, 40%, 40%, 20%. With
the four IROs, all supervised 14 days before: 6, 2 and 1 of 9 counted, 66.7%, 22.2%, 11.1%. October:
1 within 4 weeks and 1 overdue, 50% each.
Training on the Threshold briefing (any case of the name): E1, E2, E3 and I1, 4 of the 10 staff, 40%.
IRO caseloads: 84, 96 and 70 (I4 gives none, left out): average 250 / 3 = 83.3, highest 96, 2 over the
policy of 70.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from oversight.workforce.reading import picture
from oversight.workforce.tables import all_tables

pytestmark = pytest.mark.django_db
NOVEMBER = date(2026, 11, 1)


def line(found, name):
    return next(
        line
        for line in found.lines
        if line.figures.name == name or line.service == name and line.level == "service"
    )


def test_all_teams_figures_in_november(a_year) -> None:
    whole = picture(a_year, NOVEMBER).whole.figures
    assert (whole.funded, whole.vacancies, str(whole.vacancy)) == (Decimal(50), Decimal("9.5"), "19%")
    assert (whole.agency, whole.agency_share.whole, str(whole.agency_share)) == (
        Decimal("6.5"), Decimal(47), "13.8%"
    )  # fmt: skip
    assert str(whole.sickness) == "0.9"
    assert (whole.turnover.part, whole.turnover.whole, str(whole.turnover)) == (7, 28, "25%")
    assert whole.turnover_left_out == ("Children in care",)
    assert whole.missing == ()


def test_turnover_in_october_and_none_in_september(a_year) -> None:
    history = {f.month: f for f in picture(a_year, NOVEMBER).history}
    assert str(history[date(2026, 10, 1)].turnover) == "28.6%"
    september = history[date(2026, 9, 1)]
    assert september.turnover.value is None and len(september.turnover_left_out) == 5


def test_a_month_without_a_teams_return_counts_the_others_and_names_it(a_year) -> None:
    february = {f.month: f for f in picture(a_year, NOVEMBER).history}[date(2026, 2, 1)]
    assert (february.teams, february.funded, str(february.vacancy)) == (4, Decimal(35), "20%")
    assert february.missing == ("Children in care",)


def test_a_services_figures(a_year) -> None:
    assessment = next(
        found.figures
        for found in picture(a_year, NOVEMBER).lines
        if found.level == "service" and found.service == "Assessment"
    )
    assert (str(assessment.vacancy), str(assessment.agency_share), str(assessment.turnover)) == (
        "22.7%", "20.9%", "29.4%"
    )  # fmt: skip


def test_supervision_in_reading_bands(a_year) -> None:
    found = picture(a_year, NOVEMBER)
    team = next(line.supervision for line in found.lines if line.figures.name == "Assessment 1")
    assert (team.within_4_weeks, team.within_6_weeks, team.overdue, team.no_date) == (2, 2, 1, 1)
    assert [str(team.share(b)) for b in ("within_4_weeks", "within_6_weeks", "overdue")] == [
        "40%",
        "40%",
        "20%",
    ]
    whole = found.whole.supervision
    assert [str(whole.share(b)) for b in ("within_4_weeks", "within_6_weeks", "overdue")] == [
        "66.7%", "22.2%", "11.1%"
    ]  # fmt: skip
    october = dict(found.supervision_history)[date(2026, 10, 1)]
    assert (str(october.share("within_4_weeks")), str(october.share("overdue"))) == ("50%", "50%")


def test_training_on_a_course_an_action_requires(a_year) -> None:
    (course,) = picture(a_year, NOVEMBER).courses
    assert (course.name, course.actions, str(course.trained)) == ("Threshold briefing", ("1.1",), "40%")
    assert (course.trained.part, course.trained.whole) == (4, 10)


def test_iro_caseloads_from_the_staff_records(a_year) -> None:
    (iro,) = picture(a_year, NOVEMBER).caseloads  # no Annex A extract: no social work team's caseloads
    found = iro.caseloads
    assert (iro.team, iro.source) == ("IRO service", "staff records")
    assert (str(found.average), found.highest, found.over_policy, found.left_out) == ("83.3", 96, 2, 1)


def test_the_tables_show_the_same_figures(a_year) -> None:
    teams, trend, supervision, _, courses, caseloads = all_tables(picture(a_year, NOVEMBER))
    assert [str(c) for c in teams.total or []][:9] == [
        "All teams", "50", "40.5", "6.5", "9.5", "19%", "13.8%", "25%", "0.9"
    ]  # fmt: skip
    assert [str(c) for c in trend.rows[-2]][:4] == ["October 2026", "19%", "13.8%", "28.6%"]
    assert [str(c) for c in supervision.total or []] == ["All teams", "9", "66.7%", "22.2%", "11.1%", "1"]
    assert [str(c) for c in courses.rows[0]] == ["Threshold briefing", "1.1", "4", "10", "40%"]
    assert [str(c) for c in caseloads.rows[0]] == [
        "IRO service",
        "staff records",
        "70",
        "3",
        "250",
        "83.3",
        "96",
        "2",
        "1",
    ]
