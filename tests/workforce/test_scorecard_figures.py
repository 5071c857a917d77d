"""The workforce's figures as scorecard indicators: an indicator computed from a workforce figure has, in
each month, the figure the workforce page shows (tests/workforce/test_a_year_worked_by_hand.py), and a
quarter's value is its months' parts over their wholes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from oversight.performance.models import Indicator
from oversight.plans import programme_figures

pytestmark = pytest.mark.django_db
NOVEMBER, OCTOBER = date(2026, 11, 1), date(2026, 10, 1)


def computed(plan, measure: str, frequency: str = "monthly") -> dict[date, Decimal]:
    indicator = Indicator.objects.create(
        plan=plan, name=measure, service_area="Workforce", polarity="lower", frequency=frequency,
        source=Indicator.Source.CASE_AUDITS, measure=measure,
    )  # fmt: skip
    programme_figures.changed(plan.pk)
    return dict(indicator.values.values_list("period", "value"))


def test_the_workforce_offers_its_figures_to_the_scorecard(a_year) -> None:
    offered = {f.key: f.name for f in programme_figures.offered(a_year.pk)}
    assert offered["workforce-vacancy"] == "Vacancy rate, all teams"
    assert offered["workforce-turnover:Assessment"] == "Turnover over 12 months, Assessment"
    assert offered["workforce-trained:Threshold briefing"] == "Staff trained: Threshold briefing"
    assert "audits-good" in offered  # the case audit programme's beside them


def test_indicators_have_the_figures_worked_by_hand(a_year) -> None:
    assert computed(a_year, "workforce-vacancy")[NOVEMBER] == Decimal(19)
    turnover = computed(a_year, "workforce-turnover")
    assert (turnover[NOVEMBER], turnover[OCTOBER]) == (Decimal(25), Decimal("28.6"))
    assert date(2026, 9, 1) not in turnover  # no team had twelve months of returns: no value, never 0
    assert computed(a_year, "workforce-turnover:Assessment")[NOVEMBER] == Decimal("29.4")
    assert computed(a_year, "workforce-sickness")[NOVEMBER] == Decimal("0.9")
    supervised = computed(a_year, "workforce-supervised")
    assert (supervised[NOVEMBER], supervised[OCTOBER]) == (Decimal("66.7"), Decimal(50))
    assert computed(a_year, "workforce-trained:Threshold briefing")[NOVEMBER] == Decimal(40)
    assert computed(a_year, "workforce-iro-caseload")[NOVEMBER] == Decimal("83.3")


def test_a_quarter_is_its_months_parts_over_their_wholes(a_year) -> None:
    # October and November 2026: vacancies 9.5 + 9.5 of funded 50 + 50, 19%; the quarter from October
    quarters = computed(a_year, "workforce-vacancy", "quarterly")
    assert quarters[date(2026, 10, 1)] == Decimal(19)
    # January to March 2026: February without Children in care (7 of 35): 9.5 + 7 + 9.5 = 26 of 135
    assert quarters[date(2026, 1, 1)] == Decimal("19.3")


def test_social_workers_caseload_comes_from_each_annex_a_extract(
    a_year, settings, tmp_path, write_csv
) -> None:
    from oversight.annex_a.load import load_extract
    from oversight.performance.annex_a_engine import annex_a_engine
    from tests.performance.test_caseload_pages import HEADER, cases

    settings.ANNEX_A_DATABASE = tmp_path / "annex_a.duckdb"
    a_year.council = "Anytown"
    a_year.save()
    # October: Assessment 1's two workers hold 17 and 12; a team not in the workforce is left out
    october = cases("Assessment 1", "Jo Smith", 17) + cases("Assessment 1", "Sam Patel", 12)
    october += cases("Somewhere Else", "Al Jones", 40)
    load_extract(annex_a_engine(), [write_csv("oct.csv", [HEADER, *october])], "Anytown", date(2026, 10, 31))
    # November: Children in care joins with one worker of 9
    november = october[:29] + cases("Children in care", "Ann Lee", 9)
    load_extract(annex_a_engine(), [write_csv("nov.csv", [HEADER, *november])], "Anytown", date(2026, 11, 30))
    values = computed(a_year, "workforce-caseload")
    assert (values[OCTOBER], values[NOVEMBER]) == (Decimal("14.5"), Decimal("12.7"))  # 29 / 2; 38 / 3
