"""The weekly performance summary: which indicators went Red (pure), and the email each service area's
managers get about them (the performance-summary command)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command

from oversight.accounts.models import Membership
from oversight.audit.actors import Actor
from oversight.performance.models import Indicator, ServiceAreaManager
from oversight.performance.scorecard import NO_DATA, Polarity, Unit
from oversight.performance.values import record_value
from oversight.performance.weekly_summary import Series, red_now, weekly_summary

MONDAY = date(2026, 11, 23)
OCT, SEP, AUG, NOV = date(2026, 10, 1), date(2026, 9, 1), date(2026, 8, 1), date(2026, 11, 1)


def series(
    values: dict[date, D | None],
    name: str = "ICPCs in timescale",
    area: str = "Safeguarding",
    frequency: str = "monthly",
    polarity: Polarity = Polarity.HIGHER,
    target: D | None = D(90),
) -> Series:
    return Series(1, name, area, Unit.PERCENTAGE, polarity, target, D(5), frequency, values)


# which indicators went Red


def test_red_this_month_and_not_red_the_month_before_went_red() -> None:
    red = red_now(series({SEP: D(88), OCT: D(80)}), MONDAY)  # November's figure is not in yet
    assert red is not None and red.went_red
    assert (red.period, red.value, red.previous_period, red.previous_value, red.previous_rag) == (
        OCT, D(80), SEP, D(88), "A",
    )  # fmt: skip


def test_red_in_both_months_is_still_red() -> None:
    red = red_now(series({SEP: D(70), OCT: D(80)}), MONDAY)
    assert red is not None and not red.went_red and red.previous_rag == "R"


def test_the_current_period_counts_once_it_has_a_value() -> None:
    red = red_now(series({SEP: D(70), OCT: D(95), NOV: D(60)}), MONDAY)
    assert red is not None and red.went_red and (red.period, red.previous_rag) == (NOV, "G")
    assert red_now(series({OCT: D(60), NOV: D(95)}), MONDAY) is None  # back to Green


@pytest.mark.parametrize(
    "values",
    [
        {OCT: D(89)},  # Amber
        {OCT: D(95)},  # Green
        {OCT: None, SEP: D(50)},  # no data this month: never Red, whatever came before
        {SEP: D(50)},  # nothing this month or last: an older Red is not news
        {AUG: D(50), SEP: None},
        {},
    ],
)
def test_amber_green_and_no_data_are_not_red(values) -> None:
    assert red_now(series(values), MONDAY) is None


def test_no_data_the_period_before_is_not_red_so_red_now_went_red() -> None:
    red = red_now(series({SEP: None, OCT: D(50)}), MONDAY)
    assert red is not None and red.went_red and red.previous_rag == NO_DATA
    first = red_now(series({OCT: D(50)}), MONDAY)
    assert first is not None and first.went_red and first.previous_value is None


def test_an_indicator_without_a_target_is_never_red() -> None:
    assert red_now(series({SEP: D(95), OCT: D(0)}, target=None), MONDAY) is None


def test_lower_is_better_goes_red_above_the_target() -> None:
    cancelled = {SEP: D(1), OCT: D(9)}
    red = red_now(series(cancelled, polarity=Polarity.LOWER, target=D(0)), MONDAY)
    assert red is not None and red.went_red and red.previous_rag == "A"  # 1 over nil, within 5


def test_weekly_and_quarterly_indicators_compare_with_their_own_period_before() -> None:
    weekly = {date(2026, 11, 16): D(95), date(2026, 11, 23): D(60)}  # last week Green, this week Red
    red = red_now(series(weekly, frequency="weekly"), MONDAY)
    assert red is not None and red.went_red and red.previous_period == date(2026, 11, 16)
    last_week = {date(2026, 11, 9): D(95), date(2026, 11, 16): D(60)}  # this week's not in yet
    red = red_now(series(last_week, frequency="weekly"), MONDAY)
    assert red is not None and red.period == date(2026, 11, 16) and red.went_red
    quarterly = {date(2026, 4, 1): D(60), date(2026, 7, 1): D(60)}  # July-September, and April-June
    red = red_now(series(quarterly, frequency="quarterly"), MONDAY)
    assert red is not None and not red.went_red and red.previous_period == date(2026, 4, 1)


def test_the_summary_lists_areas_where_something_went_red_with_what_is_still_red() -> None:
    summary = weekly_summary(
        [
            series({SEP: D(95), OCT: D(50)}, "Visits in timescale", "Safeguarding"),
            series({SEP: D(50), OCT: D(50)}, "ICPCs in timescale", "Safeguarding"),
            series({SEP: D(95), OCT: D(95)}, "Strategy discussions", "Safeguarding"),
            series({SEP: D(50), OCT: D(50)}, "Care leavers in touch", "Care leavers"),  # only still Red
            series({SEP: D(95), OCT: D(60)}, "Reviews on time", "Children in care"),
            series({SEP: D(95), OCT: D(60)}, "Health assessments", "Children in care"),
        ],
        MONDAY,
    )
    assert [
        (area.service_area, [r.series.name for r in area.went_red], [r.series.name for r in area.still_red])
        for area in summary
    ] == [
        ("Children in care", ["Health assessments", "Reviews on time"], []),
        ("Safeguarding", ["Visits in timescale"], ["ICPCs in timescale"]),
    ]


# the email


@pytest.fixture
def managed(plan, settings):
    """Safeguarding: ICPCs went Red, visits still Red, strategy discussions Green. Children in care:
    reviews went Red. Front door: no data this month. Lee manages Safeguarding and Children in care,
    Lara Children in care, Vic the Front door."""
    settings.SITE_URL = "https://oversight.council.example"
    users = get_user_model().objects

    def indicator(name: str, area: str, values: dict[date, D | None]) -> Indicator:
        made = Indicator.objects.create(
            plan=plan, name=name, service_area=area, polarity="higher", target=D(90), tolerance=D(5)
        )
        for period, value in values.items():
            record_value(made, period, value, Actor("Ana"), "test")
        return made

    found = {
        "icpcs": indicator("ICPCs in timescale", "Safeguarding", {SEP: D(88), OCT: D(80)}),
        "visits": indicator("Visits in timescale", "Safeguarding", {SEP: D(50), OCT: D(60)}),
        "strategy": indicator("Strategy discussions", "Safeguarding", {SEP: D(50), OCT: D(95)}),
        "reviews": indicator("<b>Reviews</b> on time", "Children in care", {SEP: D(95), OCT: D(40)}),
        "contacts": indicator("Contacts decided in a day", "Front door", {SEP: D(40), OCT: None}),
    }
    for username, area in [
        ("lee", "Safeguarding"),
        ("lee", "Children in care"),
        ("lara", "Children in care"),
        ("vic", "Front door"),
    ]:
        ServiceAreaManager.objects.create(plan=plan, service_area=area, user=users.get(username=username))
    return found


def run(*args: str) -> str:
    out = StringIO()
    call_command("performance_summary", *args, stdout=out)
    return out.getvalue()


def test_each_manager_gets_one_email_of_what_went_red_in_their_areas(managed) -> None:
    out = run("--today", "2026-11-23")
    assert out.splitlines() == [
        "demo: sent to lara@council.example: 1 went Red in Children in care",
        "demo: sent to lee@council.example: 2 went Red in Children in care, Safeguarding",
    ]
    lara, lee = mail.outbox
    assert (lee.to, lee.subject) == (["lee@council.example"], "Improvement plan: 2 indicators went Red")
    assert lara.subject == "Improvement plan: 1 indicator went Red"
    text = lee.body
    assert "Dear Lee," in text and "for 23 November 2026" in text
    icpcs = managed["icpcs"].pk
    assert (
        "- ICPCs in timescale: 80% in October 2026 against a target of 90% (Red). "
        "September 2026: 88% (Amber).\n"
        f"  https://oversight.council.example/plans/demo/scorecard/{icpcs}/"
    ) in text
    assert text.index("Went Red:") < text.index("ICPCs") < text.index("Still Red:") < text.index("Visits")
    assert "<b>Reviews</b> on time: 40%" in text  # plain text, as typed
    assert "Strategy discussions" not in text and "Front door" not in text
    html, kind = lee.alternatives[0]
    assert kind == "text/html"
    assert (
        f'<a href="https://oversight.council.example/plans/demo/scorecard/{icpcs}/">ICPCs in timescale</a>'
        in html
    )
    assert "&lt;b&gt;Reviews&lt;/b&gt; on time" in html and "<b>Reviews" not in html
    assert "88% (Amber, September 2026)" in html and html.count("<caption") == 3


def test_nothing_is_sent_when_nothing_went_red(managed) -> None:
    Indicator.objects.filter(pk__in=[managed["icpcs"].pk, managed["reviews"].pk]).delete()
    assert run("--today", "2026-11-23") == "demo: no indicator went Red; no email sent.\n"
    assert mail.outbox == []


def test_a_dry_run_says_who_would_be_told_and_sends_nothing(managed) -> None:
    out = run("--plan", "demo", "--today", "2026-11-23", "--dry-run")
    assert "demo: would send to lee@council.example: 2 went Red" in out
    assert mail.outbox == []


def test_managers_who_cannot_be_told_are_left_out_and_an_area_without_one_is_named(managed, plan) -> None:
    users = get_user_model().objects
    users.filter(username="lee").update(email="")
    Membership.objects.filter(user__username="lara").delete()
    users.filter(username="vic").update(is_active=False)
    ServiceAreaManager.objects.create(
        plan=plan, service_area="Children in care", user=users.get(username="vic")
    )
    out = run("--today", "2026-11-23")
    assert mail.outbox == []
    assert "demo: Children in care has no manager with an email address to tell" in out
    assert "demo: Safeguarding has no manager with an email address to tell" in out


def test_an_unknown_plan_is_an_error(managed) -> None:
    with pytest.raises(CommandError, match="no plan is called 'nowhere'"):
        run("--plan", "nowhere")


def test_today_is_the_default(managed, monkeypatch) -> None:
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda: date(2026, 11, 23))
    assert "demo: sent to lee@council.example" in run()


def test_the_story_behind_a_red_figure_goes_with_it(managed) -> None:
    record_value(managed["icpcs"], OCT, D(80), Actor("Ana"), "test", "Two social workers left in September.")
    run("--today", "2026-11-23")
    lee = next(m for m in mail.outbox if m.to == ["lee@council.example"])
    assert "  The story behind the figure: Two social workers left in September.\n" in lee.body
    assert ">Two social workers left in September.</td>" in lee.alternatives[0][0]
