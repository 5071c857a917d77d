"""On the website, an Annex A figure says what it left out and why, the analyst sees each record left
out with its reason, and a measure whose every record was left out gives no value, saying why."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.annex_a.load import load_extract
from oversight.audit.actors import Actor
from oversight.performance.annex_a_engine import annex_a_engine
from oversight.performance.annex_a_values import refresh_from_annex_a
from oversight.performance.models import IndicatorValue
from tests.annex_a.conftest import COMMON
from tests.parsed import visible_text
from tests.performance.conftest import computed

pytestmark = pytest.mark.django_db


def test_the_indicator_page_says_what_the_figure_left_out(signed_in, annex_a) -> None:
    indicator = computed(annex_a, "Re-referrals", "re_referrals", polarity="lower")
    words = visible_text(signed_in("vic").get(f"/plans/demo/scorecard/{indicator.pk}/"))
    assert "Figure 1 of 3 records: 33.3% (lower is better)" in words
    assert "Left out 1 record left out: Number of Referrals in Last 12 Months could not be read (1)." in words


def test_the_analyst_sees_each_record_left_out_with_its_reason(signed_in, annex_a) -> None:
    indicator = computed(annex_a, "Re-referrals", "re_referrals", polarity="lower")
    url = f"/plans/demo/scorecard/{indicator.pk}/records/?as_at=2023-05-31&team=Team+2"
    words = visible_text(signed_in("ana").get(url))
    assert "Records 2 in scope: 1 counted, 1 left out" in words
    assert "R3 Team 2 Not allocated No" in words
    assert "R4 Team 2 Bo Left out: Number of Referrals in Last 12 Months could not be read" in words


def test_a_measure_whose_every_record_was_left_out_records_no_value_and_says_why(
    write_csv, tmp_path, plan, settings
) -> None:
    settings.ANNEX_A_DATABASE = tmp_path / "all-left-out.duckdb"
    plan.council = "Anytown"
    plan.save(update_fields=["council"])
    rows = [
        [*COMMON, "Date of referral", "Number of Referrals in Last 12 Months"],
        ["R1", "F", "W", "", "", "01/05/2023", "#N/A"],
        ["R2", "F", "W", "", "", "01/05/2023", ""],
    ]
    load_extract(annex_a_engine(), [write_csv("list3.csv", rows)], "Anytown", date(2023, 5, 31))
    indicator = computed(plan, "Re-referrals", "re_referrals", polarity="lower")
    refresh = refresh_from_annex_a(annex_a_engine(), plan, Actor("test"))
    assert refresh.recorded == [] and not IndicatorValue.objects.filter(indicator=indicator).exists()
    assert refresh.problems == [
        "Re-referrals: every record in scope for 're_referrals' in the extract as at 31 May 2023 was left"
        " out: no Number of Referrals in Last 12 Months (1); Number of Referrals in Last 12 Months could"
        " not be read (1)"
    ]
