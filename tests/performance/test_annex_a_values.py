"""Indicators computed from Annex A: each loaded extract's measure recorded as the value of the period
its date falls in, with the history kept, and what could not be recorded reported."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal as D

import pytest
from django.core.management import CommandError, call_command

from oversight.annex_a.load import load_extract
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.performance.annex_a_engine import annex_a_engine
from oversight.performance.annex_a_values import refresh_from_annex_a
from oversight.performance.models import Indicator, IndicatorValue
from tests.annex_a.conftest import COMMON, load_small_extract
from tests.performance.conftest import computed

pytestmark = pytest.mark.django_db
ANALYST = Actor("Ana")
SOURCE = "Annex A as at 2023-05-31"


def values(indicator) -> dict[date, D | None]:
    return dict(IndicatorValue.objects.filter(indicator=indicator).values_list("period", "value"))


def test_each_indicator_gets_its_measure_for_the_period_of_the_extract(annex_a) -> None:
    icpcs = computed(annex_a, "ICPCs in timescale", "icpc_15")
    assessments = computed(annex_a, "Assessments in 45 days", "assessments_45", frequency="weekly")
    referrals = computed(annex_a, "Re-referrals", "re_referrals", "quarterly", "lower")
    entered = Indicator.objects.create(plan=annex_a, name="Entered", service_area="S", polarity="higher")
    result = refresh_from_annex_a(annex_a_engine(), annex_a, ANALYST)
    assert values(icpcs) == {date(2023, 5, 1): D("66.7")}
    assert values(assessments) == {date(2023, 5, 29): D("66.7")}  # the Monday of 31 May's week
    assert values(referrals) == {date(2023, 4, 1): D("33.3")}  # the quarter from April
    assert values(entered) == {}
    assert IndicatorValue.objects.get(indicator=icpcs).source == SOURCE
    assert (len(result.recorded), result.unchanged, result.problems) == (3, 0, [])
    assert f"ICPCs in timescale, May 2023: 66.7% ({SOURCE})" in result.recorded
    assert "Assessments in 45 days, week of 29 May 2023: 66.7% (Annex A as at 2023-05-31)" in result.recorded
    assert result.latest == date(2023, 5, 29)
    audited = Change.objects.get(plan=annex_a, field="indicator value: ICPCs in timescale, May 2023")
    assert (audited.actor, audited.source, audited.old_value, audited.new_value) == (
        "Ana",
        SOURCE,
        "",
        "66.7",
    )


def test_running_it_again_changes_nothing(annex_a) -> None:
    computed(annex_a, "ICPCs in timescale", "icpc_15")
    computed(annex_a, "Assessments in 45 days", "assessments_45", frequency="weekly")
    refresh_from_annex_a(annex_a_engine(), annex_a, ANALYST)
    changes = Change.objects.count()
    again = refresh_from_annex_a(annex_a_engine(), annex_a, ANALYST)
    assert (again.recorded, again.unchanged) == ([], 2)
    assert again.summary() == "Annex A values for Improvement plan: 0 recorded, 2 unchanged."
    assert Change.objects.count() == changes


def test_an_extract_loaded_again_with_other_figures_changes_the_value_and_keeps_the_old(
    annex_a, write_csv, settings
) -> None:
    icpcs = computed(annex_a, "ICPCs in timescale", "icpc_15")
    refresh_from_annex_a(annex_a_engine(), annex_a, ANALYST)
    list5 = [
        [*COMMON, "Strategy discussion initiating Section 47 Enquiry Start Date",
         "Date of Initial Child Protection Conference", "Allocated Team", "Allocated Worker"],
        ["S1", "F", "W", "", "", "16/09/2022", "10/10/2022", "Team 1", "Ann"],
    ]  # fmt: skip
    load_extract(annex_a_engine(), [write_csv("again.csv", list5)], "Anytown", date(2023, 5, 31))
    result = refresh_from_annex_a(annex_a_engine(), annex_a, ANALYST)
    assert result.recorded == [f"ICPCs in timescale, May 2023: 100% ({SOURCE})"]
    assert values(icpcs) == {date(2023, 5, 1): D(100)}
    history = Change.objects.filter(field="indicator value: ICPCs in timescale, May 2023").order_by("id")
    assert [(c.old_value, c.new_value) for c in history] == [("", "66.7"), ("66.7", "100")]


def test_every_extract_gives_a_value_and_the_newest_of_a_period_wins(annex_a, write_csv, settings) -> None:
    earlier = date(2023, 5, 3)
    list5 = [
        [*COMMON, "Strategy discussion initiating Section 47 Enquiry Start Date",
         "Date of Initial Child Protection Conference", "Allocated Team", "Allocated Worker"],
        ["S1", "F", "W", "", "", "16/09/2022", "10/10/2022", "Team 1", "Ann"],  # 1 of 1 in time
    ]  # fmt: skip
    list4 = [
        [*COMMON, "Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation",
         "Allocated Team", "Allocated Worker"],
        ["A4", "F", "W", "", "", "01/05/2023", "", "Team 2", "Bo"],  # none authorised: nothing in scope
    ]  # fmt: skip
    load_extract(
        annex_a_engine(), [write_csv("l5.csv", list5), write_csv("l4.csv", list4)], "Anytown", earlier
    )
    monthly = computed(annex_a, "ICPCs in timescale", "icpc_15")
    weekly = computed(annex_a, "ICPCs this week", "icpc_15", frequency="weekly")
    assessments = computed(annex_a, "Assessments in 45 days", "assessments_45", frequency="weekly")
    referrals = computed(annex_a, "Re-referrals", "re_referrals", "weekly", "lower")
    result = refresh_from_annex_a(annex_a_engine(), annex_a, ANALYST)
    assert values(monthly) == {date(2023, 5, 1): D("66.7")}  # 31 May's, not 3 May's 100%
    assert values(weekly) == {date(2023, 5, 1): D(100), date(2023, 5, 29): D("66.7")}
    assert values(assessments) == {date(2023, 5, 29): D("66.7")}
    assert values(referrals) == {date(2023, 5, 29): D("33.3")}
    assert result.problems == [
        "Assessments in 45 days: no records are in scope for 'assessments_45'"
        " in the extract as at 03 May 2023",
        "Re-referrals: List 3, which 're_referrals' needs, is not in the extract as at 03 May 2023",
    ]
    again = refresh_from_annex_a(annex_a_engine(), annex_a, ANALYST)
    assert (again.recorded, again.unchanged) == ([], 5)


def test_an_unknown_measure_is_reported_not_raised(annex_a) -> None:
    computed(annex_a, "ICPCs in timescale", "icpc_16")
    computed(annex_a, "Visits", "")
    computed(annex_a, "CP visits", "cp_visits")
    result = refresh_from_annex_a(annex_a_engine(), annex_a, ANALYST)
    assert result.recorded == []
    assert result.problems == [
        "ICPCs in timescale: 'icpc_16' is not an Annex A measure",
        "Visits: it names no Annex A measure",
        "CP visits: List 7, which 'cp_visits' needs, is not in the extract as at 31 May 2023",
    ]
    assert result.summary() == "Annex A values for Improvement plan: 0 recorded, 0 unchanged, 3 not recorded."


def test_a_plan_without_a_council_or_an_extract_is_reported(plan, tmp_path, settings) -> None:
    settings.ANNEX_A_DATABASE = tmp_path / "empty.duckdb"
    assert refresh_from_annex_a(annex_a_engine(), plan, ANALYST).summary() == (
        "No indicator of Improvement plan is computed from Annex A."
    )
    computed(plan, "ICPCs in timescale", "icpc_15")
    assert refresh_from_annex_a(annex_a_engine(), plan, ANALYST).problems == [
        "the plan names no council, so no Annex A extract is matched to it"
    ]
    plan.council = "Anytown"
    assert refresh_from_annex_a(annex_a_engine(), plan, ANALYST).problems == [
        "no Annex A extract is loaded for Anytown"
    ]


def test_loading_an_extract_records_the_indicators_of_the_councils_plans(
    plan, write_csv, tmp_path, settings
) -> None:
    settings.ANNEX_A_DATABASE = tmp_path / "cmd.duckdb"
    plan.council = "Anytown"
    plan.save(update_fields=["council"])
    icpcs = computed(plan, "ICPCs in timescale", "icpc_15")
    load_small_extract(write_csv, tmp_path / "small.duckdb")  # writes the lists' CSV files
    files = [str(tmp_path / name) for name in ("list3.csv", "list4.csv", "list5.csv")]
    out = io.StringIO()
    call_command("annex_a", "load", *files, "--council", "Anytown", "--as-at", "2023-05-31", "--by", "ana",
                 stdout=out)  # fmt: skip
    text = out.getvalue()
    assert "Annex A values for Improvement plan: 1 recorded, 0 unchanged." in text
    assert f"recorded: ICPCs in timescale, May 2023: 66.7% ({SOURCE})" in text
    assert values(icpcs) == {date(2023, 5, 1): D("66.7")}
    assert Change.objects.get(field="indicator value: ICPCs in timescale, May 2023").user.username == "ana"
    out = io.StringIO()
    call_command("annex_a", "load", *files, "--council", "Elsewhere", "--as-at", "2023-05-31", stdout=out)
    assert "No plan is for the council Elsewhere, so no indicator was recorded from it." in out.getvalue()


def test_the_indicators_command_records_a_plans_indicators_from_every_extract(annex_a) -> None:
    computed(annex_a, "ICPCs in timescale", "icpc_15")
    out = io.StringIO()
    call_command("annex_a", "indicators", "--plan", "demo", stdout=out)
    assert "Annex A values for Improvement plan: 1 recorded, 0 unchanged." in out.getvalue()
    out = io.StringIO()
    call_command("annex_a", "indicators", "--plan", "demo", stdout=out)
    assert "0 recorded, 1 unchanged" in out.getvalue()
    with pytest.raises(CommandError, match="there is no plan 'nowhere'"):
        call_command("annex_a", "indicators", "--plan", "nowhere")
