"""A meeting's pack: what the board looks at before verifying a completion, verifying from the pack,
and the record a past meeting's pack becomes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from oversight.audit.actors import Actor
from oversight.governance.models import Board
from oversight.performance.models import Indicator
from oversight.performance.values import record_value
from oversight.plans.evidence import add_link
from oversight.plans.models import Evidence, StatusRecord, Verification
from oversight.plans.revisions import plan_changed
from oversight.plans.status_import import import_statuses
from tests import parsed
from tests.governance.test_boards import meeting_on
from tests.papers import check_paper
from tests.pdfs import read_pdf

pytestmark = pytest.mark.django_db

TODAY = date.today()
STATUS_HEADER = ["Action ID", "RAG", "Commentary"]


@pytest.fixture
def board(plan) -> Board:
    return Board.objects.create(plan=plan, name="Improvement Team Board")


@pytest.fixture
def evidence(plan) -> Evidence:
    """The minutes showing 1.2 (Green, awaiting verification) done."""
    action = plan.actions.get(action_id="1.2")
    return add_link(
        action, "https://minutes.council.example/itb-12", "Terms of reference agreed", Actor("Lee")
    )


@pytest.fixture
def red_measure(plan) -> Indicator:
    """A measure 1.2 was meant to move, Red at 40% against 75% in December 2016."""
    indicator = Indicator.objects.create(
        plan=plan, name="Audits rated good or better", service_area="Quality assurance",
        polarity="higher", target=Decimal(75), tolerance=Decimal(5),
    )  # fmt: skip
    indicator.actions.set([plan.actions.get(action_id="1.2")])
    record_value(indicator, date(2016, 12, 1), Decimal(40), Actor("Ana"), "test")
    return indicator


def recorded_on(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def statuses(write_csv, as_at: date, rows: list[list[str]], name: str) -> None:
    import_statuses(write_csv(name, [STATUS_HEADER, *rows]), "demo", as_at, Actor("setup"))


def test_each_completion_in_the_pack_shows_its_evidence_and_measures_and_flags_a_red_one(
    signed_in, board, evidence, red_measure
) -> None:
    client = signed_in("bob")
    meeting = meeting_on(client, board, TODAY)
    page = client.get(f"/plans/demo/governance/meetings/{meeting.pk}/")
    completion = "//*[@id='completion-1.2']"
    assert (
        parsed.links(page)["Terms of reference agreed"] == f"/plans/demo/actions/1.2/evidence/{evidence.pk}/"
    )
    assert parsed.texts(page, completion + "//strong[@class='govuk-warning-text__text']") == [
        "Warning Complete, but the measure it was meant to move is Red: Audits rated good or better."
    ]
    measures = parsed.texts(
        page, completion + "//h5[.='The measures it was meant to move']/following-sibling::ul[1]/li"
    )
    assert measures == ["Audits rated good or better: 40% in December 2016, target 75% Red"]


def test_the_pack_says_since_when_each_red_action_has_been_red(signed_in, board, write_csv) -> None:
    statuses(write_csv, date(2016, 11, 30), [["1.1", "A", "Drafting."]], "nov.csv")
    statuses(write_csv, date(2016, 12, 31), [["1.1", "R", "Late."]], "dec.csv")
    client = signed_in("bob")
    meeting = meeting_on(client, board, TODAY)
    page = client.get(f"/plans/demo/governance/meetings/{meeting.pk}/")
    header = parsed.texts(page, "//table[caption[starts-with(., 'Red and Amber')]]//thead//th")
    row = parsed.texts(page, "//table[caption[starts-with(., 'Red and Amber')]]//tbody/tr[1]/*")
    assert dict(zip(header, row, strict=True))["Red since"] == "31 December 2016"  # Red in January too


def test_verify_from_the_pack_asks_for_confirmation_and_returns_to_the_same_place(
    signed_in, board, evidence
) -> None:
    client = signed_in("bob")
    meeting = meeting_on(client, board, TODAY)
    here = f"/plans/demo/governance/meetings/{meeting.pk}/"
    verify = parsed.links(client.get(here))["Verify action 1.2"]
    assert verify == f"/plans/demo/actions/1.2/verify/?next={here}%23completions"
    confirmation = client.get(verify)
    assert parsed.texts(confirmation, "//h1") == ["Verify the completion"]
    assert Verification.objects.count() == 0
    response = client.post("/plans/demo/actions/1.2/verify/", {"next": here + "#completions"})
    assert response["Location"] == here + "#completions"
    assert Verification.objects.get().outcome == "verified"
    back = client.get(here)
    assert "No completion in these priorities is awaiting verification." in parsed.main_text(back)


def test_several_completions_ticked_in_the_pack_are_verified_together_after_one_confirmation(
    signed_in, board, evidence, write_csv
) -> None:
    statuses(write_csv, date(2017, 1, 31), [["2.2", "G", "Managers trained."]], "jan.csv")
    client = signed_in("bob")
    meeting = meeting_on(client, board, TODAY, priorities=["1", "2"])
    here = f"/plans/demo/governance/meetings/{meeting.pk}/"
    pack = client.get(here)
    ticks = parsed.document(pack).xpath(
        "//form[@action='/plans/demo/verify/']//input[@type='checkbox']/@value"
    )
    assert ticks == ["1.2", "2.2"]

    chosen = {"action": ["1.2", "2.2"], "next": here + "#completions"}
    confirmation = client.get("/plans/demo/verify/", chosen)
    assert parsed.texts(confirmation, "//h1") == ["Verify 2 completions"]
    assert parsed.texts(confirmation, "//main//h2") == ["Action 1.2", "Action 2.2"]

    refused = client.post("/plans/demo/verify/", chosen)  # 2.2 has no evidence, and no reason is given
    assert refused.status_code == 400
    assert parsed.texts(refused, "//*[@class='govuk-error-summary']//li") == [
        "Action 2.2 has no evidence: add its evidence, or give the reason none is needed"
    ]
    assert Verification.objects.count() == 0  # all or none

    reason = "The board met the trained managers at its meeting."
    done = client.post("/plans/demo/verify/", {**chosen, "reason-2.2": reason})
    assert done["Location"] == here + "#completions"
    verified = dict(Verification.objects.values_list("action__action_id", "reason"))
    assert verified == {"1.2": "", "2.2": reason}


def test_the_pack_of_a_past_meeting_keeps_the_commentary_it_had_not_what_was_written_after(
    signed_in, board, write_csv
) -> None:
    held = TODAY - timedelta(days=7)
    StatusRecord.objects.update(recorded=recorded_on(held - timedelta(days=1)))  # returned before
    client = signed_in("bob")
    meeting = meeting_on(client, board, held)
    statuses(write_csv, date(2017, 1, 31), [["1.1", "R", "Written after the meeting."]], "late.csv")

    page = client.get(f"/plans/demo/governance/meetings/{meeting.pk}/")
    text = parsed.main_text(page)
    assert "Protocol drafted, not yet agreed." in text and "Written after the meeting." not in text
    assert f"The record of the pack as it stood at the end of {held:%-d %B %Y}" in text
    assert not parsed.texts(page, "//a[starts-with(., 'Verify')]")  # a record is not acted on

    data = client.get(f"/plans/demo/governance/meetings/{meeting.pk}/pack.docx").content
    pack = check_paper(data).doc
    cells = [c.text for t in pack.tables for r in t.rows for c in r.cells]
    assert "Protocol drafted, not yet agreed." in cells and "Written after the meeting." not in cells
    pdf = read_pdf(client.get(f"/plans/demo/governance/meetings/{meeting.pk}/pack.pdf").content)
    assert "Protocol drafted, not yet agreed." in pdf.text and "Written after the meeting." not in pdf.text
    assert pdf.orientations[0] == "portrait" and pdf.orientations[-1] == "landscape"
    assert pack.paragraphs[1].text.startswith("The record of the pack as it stood at the end of")


def test_a_past_meetings_pack_once_recorded_does_not_change(signed_in, board, write_csv) -> None:
    held = TODAY - timedelta(days=7)
    StatusRecord.objects.update(recorded=recorded_on(held - timedelta(days=1)))
    client = signed_in("bob")
    meeting = meeting_on(client, board, held)
    url = f"/plans/demo/governance/meetings/{meeting.pk}/"
    before = parsed.texts(client.get(url), "//table[caption[starts-with(., 'Red and Amber')]]//tr")
    # afterwards, 1.1's status that the board saw is corrected with an earlier recording time
    StatusRecord.objects.filter(action__action_id="1.1").update(commentary="Rewritten history.")
    plan_changed(board.plan_id)
    after = parsed.texts(client.get(url), "//table[caption[starts-with(., 'Red and Amber')]]//tr")
    assert after == before and any("Protocol drafted, not yet agreed." in row for row in after)


def test_the_pack_for_a_meeting_today_or_to_come_is_live(signed_in, board, write_csv) -> None:
    client = signed_in("bob")
    meeting = meeting_on(client, board, TODAY + timedelta(days=7))
    statuses(write_csv, date(2017, 1, 31), [["1.1", "R", "The latest word."]], "now.csv")
    text = parsed.main_text(client.get(f"/plans/demo/governance/meetings/{meeting.pk}/"))
    assert "The latest word." in text and "This pack is live" in text


def test_the_live_pack_makes_as_many_queries_for_a_long_plan_as_for_a_short_one(
    signed_in, board, evidence, red_measure, write_csv
) -> None:
    from oversight.plans.plan_import import import_plan
    from tests.conftest import PLAN_ROWS
    from tests.plans.views.test_query_counts import queries

    client = signed_in("bob")
    meeting = meeting_on(client, board, TODAY, priorities=["1", "2"])
    url = f"/plans/demo/governance/meetings/{meeting.pk}/"
    small = queries(client, url, cold=True)
    more = [
        ["Priority 2 - Practice", f"2.9.{i}", f"Further action {i}.", "PSW", "", "Dec 16"] for i in range(60)
    ]
    import_plan(write_csv("bigger.csv", [*PLAN_ROWS, *more]), "demo", Actor("setup"))
    for month in (date(2016, 11, 30), date(2016, 12, 31), date(2017, 1, 31)):  # Red, then Amber, then Green
        rag = {11: "R", 12: "A", 1: "G"}[month.month]
        statuses(write_csv, month, [[row[1], rag, "Moving."] for row in more], f"{month}.csv")
    for action in board.plan.actions.filter(action_id__startswith="2.9."):
        add_link(action, "https://minutes.council.example/x", "Minutes", Actor("Lee"))
        red_measure.actions.add(action)
    assert queries(client, url, cold=True) == small


def test_verifying_several_needs_a_role_in_the_plan_and_signing_in(client, signed_in) -> None:
    assert signed_in("nora").get("/plans/demo/verify/?action=1.2").status_code == 404
    client.logout()
    response = client.get("/plans/demo/verify/?action=1.2")
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")
