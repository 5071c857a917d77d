"""`oversight seed-demo`: the demo council, its plan with twelve months of history, its boards, its
scorecard and its made-up Annex A extracts."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.management import call_command

from oversight.accounts.models import Membership
from oversight.plans.models import Plan, StatusRecord
from tests.parsed import words


@pytest.fixture
def demo_files(private_files, settings, tmp_path) -> None:
    """The demo's files, and its Annex A database, in the test's own folder."""
    settings.ANNEX_A_DATABASE = tmp_path / "annex_a.duckdb"
    settings.ANNEX_A_REGIONS_DIR = tmp_path / "regions"


@pytest.mark.django_db
def test_seed_demo_loads_a_council_with_twelve_months_and_a_person_per_role(demo_files) -> None:
    call_command("seed_demo", today=date(2026, 11, 24), stdout=io.StringIO())
    demo = Plan.objects.get(slug="demo")
    assert demo.started == date(2025, 12, 1)
    months = StatusRecord.objects.filter(action__plan=demo).values_list("month", flat=True).distinct()
    assert len(set(months)) == 12
    assert sorted(Membership.objects.filter(plan=demo).values_list("user__username", "role")) == [
        ("admin", "administrator"),
        ("analyst", "analyst"),
        ("auditor", "auditor"),
        ("board", "board"),
        ("lead", "lead"),
        ("officer", "officer"),
        ("qa", "qa_lead"),
        ("viewer", "viewer"),
    ]
    november = StatusRecord.objects.filter(action__plan=demo, month=date(2026, 11, 1)).count()
    assert 0 < november < demo.actions.count()  # this month's returns are still coming in
    assert Plan.objects.filter(slug="bromley-2017").exists()
    from oversight.governance.models import Board

    board = Board.objects.get(plan=demo)
    assert board.meetings.count() == 4 and all(m.priorities.count() == 2 for m in board.meetings.all())


@pytest.mark.django_db
def test_the_demo_plan_reads_like_a_plan_and_governance_has_its_recommendations(demo_files) -> None:
    from collections import Counter

    from oversight.governance.models import Recommendation

    call_command("seed_demo", today=date(2026, 11, 24), stdout=io.StringIO())
    demo = Plan.objects.get(slug="demo")
    texts = Counter(demo.actions.values_list("key_action", flat=True))
    assert texts.most_common(1)[0][1] == 1  # no key action repeated as filler
    recommendations = Recommendation.objects.filter(inspection__plan=demo)
    assert recommendations.count() == 14
    assert all(r.actions.exists() for r in recommendations)
    assert demo.inspections.get().published == date(2025, 11, 1)  # the month before the plan started


@pytest.mark.django_db
def test_the_demo_boards_past_packs_are_records_of_what_stood_then(demo_files, client) -> None:
    from oversight.governance.models import Meeting
    from oversight.governance.pack_data import meeting_pack

    call_command("seed_demo", today=date.today(), stdout=io.StringIO())
    meetings = list(Meeting.objects.filter(board__plan__slug="demo").order_by("held"))
    past, live = meetings[:3], meetings[3]
    for meeting in past:
        pack = meeting_pack(meeting)
        assert pack.as_it_stood is not None and (pack.red_amber or pack.awaiting_verification)
    pack = meeting_pack(live)
    assert pack.as_it_stood is None
    assert any(a.case and a.case.evidence for a in pack.awaiting_verification)


@pytest.mark.django_db
def test_the_demo_scorecard_has_twelve_months_of_values_ending_last_month(demo_files, client) -> None:
    call_command("seed_demo", today=date(2027, 3, 5), stdout=io.StringIO())
    from oversight.performance.models import Indicator, IndicatorValue

    demo = Plan.objects.get(slug="demo")
    # those computed from Annex A and from the case audits (this month's included) have theirs
    computed = [Indicator.Source.ANNEX_A, Indicator.Source.CASE_AUDITS]
    indicators = Indicator.objects.filter(plan=demo).exclude(source__in=computed)
    assert indicators.count() >= 20 and len({i.service_area for i in indicators}) >= 4
    months = sorted(
        set(IndicatorValue.objects.filter(indicator__in=indicators).values_list("period", flat=True))
    )
    assert (months[0], months[-1], len(months)) == (date(2026, 3, 1), date(2027, 2, 1), 12)
    assert all(i.values.count() == 12 for i in indicators)
    icpcs = indicators.get(name="ICPCs within 15 working days")
    assert (icpcs.values.get(period=date(2027, 2, 1)).value, icpcs.target) == (86, 90)
    assert list(
        indicators.get(name="Return interviews within 72 hours").actions.values_list("action_id", flat=True)
    ) == ["5.2.1", "8.2.4", "8.3.4"]
    client.force_login(demo.memberships.get(user__username="viewer").user)
    page = client.get("/plans/demo/scorecard/?month=2027-02").content.decode()
    # those from Annex A have 3 months, those from the case audits 6
    from oversight.demo.quality import INDICATORS

    audits = [name for _, name, _ in INDICATORS]
    rows = [
        row for row in page.split("<tr")[1:] if "(Annex A)" not in row and not any(n in row for n in audits)
    ]
    assert "86%" in page and len(rows) > 20 and not any("No data" in row for row in rows)


@pytest.mark.django_db
def test_the_demo_has_annex_a_extracts_for_the_last_three_months_and_reloads_them(demo_files, client) -> None:
    from oversight.annex_a.extracts import loaded_extracts
    from oversight.performance.annex_a_engine import annex_a_engine
    from oversight.performance.models import Indicator, ServiceAreaManager

    for _ in range(2):  # seeding again replaces each extract, and records no value twice
        call_command("seed_demo", today=date(2026, 11, 24), stdout=io.StringIO())
    demo = Plan.objects.get(slug="demo")
    ends = [date(2026, 10, 31), date(2026, 9, 30), date(2026, 8, 31)]
    assert [e.as_at for e in loaded_extracts(annex_a_engine(), "Demo Borough Council")] == ends
    computed = Indicator.objects.filter(plan=demo, source=Indicator.Source.ANNEX_A)
    assert {i.measure for i in computed} == {"icpc_15", "assessments_45", "cp_visits", "return_interviews"}
    for indicator in computed:
        values = list(indicator.values.order_by("period"))
        assert [v.period for v in values] == [date(2026, 8, 1), date(2026, 9, 1), date(2026, 10, 1)]
        assert all(50 < v.value < 100 and v.source.startswith("Annex A as at") for v in values)

    client.force_login(demo.memberships.get(user__username="officer").user)
    caseloads = client.get("/plans/demo/caseloads/").content.decode()
    assert "Court Team" in caseloads and "Leaving Care Team" in caseloads and "31 October 2026" in caseloads
    assert "workers above their band, most cases first" in caseloads  # a few, not one or none

    from oversight.performance.models import ExtractUpload

    # the latest month's came as the analyst uploads it: a workbook, with its data-quality report
    assert [(u.file_name, u.status) for u in ExtractUpload.objects.order_by("pk")] == [
        ("annex-a-2026-10.xlsx", "loaded"),
        ("annex-a-2026-10.xlsx", "loaded"),  # seeded again, in place of the first
    ]
    upload = ExtractUpload.objects.last()
    assert upload.rows_loaded > 1000 and sum(sum(p["counts"].values()) for p in upload.report["lists"]) > 0
    icpcs = computed.get(measure="icpc_15")
    client.force_login(demo.memberships.get(user__username="analyst").user)
    uploads_page = client.get("/plans/demo/annex-a/").content.decode()
    assert "annex-a-2026-10.xlsx" in uploads_page and "31 October 2026" in uploads_page
    records = client.get(
        f"/plans/demo/scorecard/{icpcs.pk}/records/?as_at=2026-10-31&team=Child+Protection+Team+1"
    )
    assert records.status_code == 200 and any(word.startswith("CH0") for word in words(records))

    managers = ServiceAreaManager.objects.filter(plan=demo)
    areas = set(Indicator.objects.filter(plan=demo).values_list("service_area", flat=True))
    assert set(managers.filter(user__username="officer").values_list("service_area", flat=True)) == areas
    assert list(managers.filter(user__username="lead").values_list("service_area", flat=True)) == [
        "Children in care"
    ]


@pytest.mark.django_db
def test_the_demo_shows_the_monthly_cycle_revised_timescales_a_withdrawal_and_safeguarding(
    demo_files,
) -> None:
    from oversight.governance.models import RemedialTask
    from oversight.plans.models import TimescaleChange
    from oversight.plans.report_data import exception_report

    call_command("seed_demo", today=date(2026, 11, 24), stdout=io.StringIO())
    changes = TimescaleChange.objects.filter(action__plan__slug="demo")
    assert changes.filter(kind="retime", state="approved").count() == 2  # one action re-timed twice
    assert changes.filter(state="requested").count() == 1  # waiting for a decision
    assert changes.filter(kind="withdraw", state="approved").count() == 1
    report = exception_report("demo", date(2026, 11, 24))
    assert len(report.retimed) == 1 and report.retimed[0].revisions == 2 and report.retimed[0].months == 5
    assert len(report.withdrawn) == 1
    assert report.red_risk_not_said < report.red  # the demo's returns answer the safeguarding question
    owned = RemedialTask.objects.filter(owner_user__isnull=False)
    assert all(task.owner == "Lena Lead" for task in owned)  # a task for the demo's lead is hers by name too


@pytest.mark.django_db
def test_the_demo_has_a_case_audit_programme_drawn_from_its_made_up_extracts(demo_files, client) -> None:
    from django.contrib.auth import get_user_model

    from oversight.notices.models import Email
    from oversight.performance.models import IndicatorValue
    from oversight.quality.models import CaseAction, CaseAudit, Cohort, PracticeWeek, Theme
    from oversight.quality.reading import summary

    out = io.StringIO()
    call_command("seed_demo", today=date(2026, 11, 24), stdout=out)
    audits = CaseAudit.objects.filter(cohort__plan__slug="demo")
    assert f"Case audit programme (made up, drawn from those extracts): {audits.count()} case audits." in (
        out.getvalue()
    )
    demo = Plan.objects.get(slug="demo")
    monthly = Cohort.objects.filter(plan=demo, kind="monthly")
    assert monthly.count() == 6 and all(c.audits.count() == 24 for c in monthly)
    trend = [summary(demo, c.month, date(2026, 11, 24)).good for c in monthly.order_by("month")]
    assert trend[-2].percent > trend[0].percent  # better month by month, as the programme meant
    assert audits.filter(concern_raised__isnull=False).count() == 1
    assert audits.filter(moderated__isnull=False).count() == 10
    assert audits.filter(state="assigned", cohort__month=date(2026, 10, 1)).count() == 1  # October's overdue
    assert CaseAction.objects.filter(audit__cohort__plan=demo).exists()
    deep_dive = Cohort.objects.get(plan=demo, kind="deep_dive")
    assert (
        deep_dive.report and demo.actions.filter(evidence__url__contains=f"/cohorts/{deep_dive.pk}/").exists()
    )
    assert Theme.objects.filter(plan=demo).count() == 1 and PracticeWeek.objects.get(plan=demo)
    assert IndicatorValue.objects.filter(indicator__plan=demo, indicator__source="audits").count() >= 12
    assert not Email.objects.filter(
        kind__startswith="audit", state="sent"
    ).exists()  # they wait in the outbox
    client.force_login(get_user_model().objects.get(username="viewer"))
    assert client.get("/plans/demo/quality/?month=2026-10").status_code == 200


@pytest.mark.django_db
def test_the_demo_has_a_workforce_with_figures_on_its_page_and_the_scorecard(demo_files, client) -> None:
    from django.contrib.auth import get_user_model

    from oversight.performance.models import Indicator
    from oversight.workforce.reading import picture

    call_command("seed_demo", today=date(2026, 11, 24), stdout=io.StringIO())
    demo = Plan.objects.get(slug="demo")
    found = picture(demo, date(2026, 10, 1))
    assert found.whole.figures.teams == 16 and found.whole.figures.vacancy.value is not None
    assert found.whole.figures.turnover.value is not None  # two years of returns: twelve months to count
    assert any(c.source.startswith("Annex A") and c.caseloads.workers for c in found.caseloads)
    assert any(c.source == "staff records" and c.caseloads.highest for c in found.caseloads)
    vacancy = Indicator.objects.get(plan=demo, name="Social work vacancy rate")
    assert vacancy.values.filter(period=date(2026, 10, 1)).exists()
    client.force_login(get_user_model().objects.get(username="viewer"))
    assert client.get("/plans/demo/workforce/").status_code == 200


@pytest.mark.django_db
def test_the_demo_region_pools_the_demo_council_and_four_made_up_neighbours(demo_files, client) -> None:
    from django.contrib.auth import get_user_model

    from oversight.performance.models import Region
    from oversight.performance.regions import councils, dates

    out = io.StringIO()
    call_command("seed_demo", today=date(2026, 11, 24), stdout=out)
    region = Region.objects.get(slug="demo-alliance")
    assert sorted(region.members.values_list("username", flat=True)) == ["analyst", "regional"]
    assert dates(region) == [date(2026, 10, 31), date(2026, 9, 30), date(2026, 8, 31)]
    assert councils(region, date(2026, 10, 31)) == [
        "Ashworth", "Brackley Vale", "Coldwater", "Demo Borough Council", "Dunhill",
    ]  # fmt: skip
    assert not Membership.objects.filter(user__username="regional").exists()
    assert "regional Rhea Regional, of Demo regional improvement alliance, with no role" in out.getvalue()
    client.force_login(get_user_model().objects.get(username="regional"))
    page = client.get("/regions/demo-alliance/")
    assert page.status_code == 200
    assert "As at 31 October 2026: 5 councils" in " ".join(words(page.content.decode()))
