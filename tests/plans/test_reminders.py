"""The monthly return runs itself: `oversight send-reminders`, run each morning, emails each lead with
actions still to update once on the reminder day and once before the return date, and the improvement
officers the list of who is missing after it; through a real SMTP server, and never the same email twice.

The small plan (tests/conftest.py) as at 31 January 2017: 1.1 (HOS LS: lee) Red, 1.2 (DCS: nobody on the
site) Green, 2.1 (HOS CLA: lara) Amber, 2.2 (HOS LS and HOS CLA), 2.3 (PSW: nobody). February 2017's
return date is Friday 24 February (the 25th is a Saturday), its second reminder Wednesday 22 February."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from io import StringIO

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from oversight.accounts.models import Membership
from oversight.audit.actors import Actor
from oversight.audit.models import Change
from oversight.notices.models import Email
from oversight.plans.models import Plan
from oversight.plans.status_import import import_statuses

pytestmark = pytest.mark.django_db


def run(day: str, *more: str) -> str:
    out = StringIO()
    call_command("send_reminders", "--today", day, *more, stdout=out, stderr=out)
    return out.getvalue()


def update(write_csv, day: date, *action_ids: str) -> None:
    rows = [["Action ID", "RAG", "Commentary"], *([a, "A", "Under way."] for a in action_ids)]
    import_statuses(write_csv(f"status-{day}.csv", rows), "demo", day, Actor("setup"))


def recipients(inbox) -> list[str]:
    return sorted(address for received in inbox.received for address in received.recipients)


def action_ids(text: str) -> list[str]:
    return re.findall(r"^- (\d\.\d):", text, flags=re.M)


def test_the_first_reminder_is_one_email_to_each_lead_listing_their_actions(plan, mail_server) -> None:
    output = run("2017-02-20")
    assert recipients(mail_server) == ["lara@council.example", "lee@council.example"]
    [lee] = mail_server.to("lee@council.example")
    assert lee.subject == "Improvement plan: 2 actions to update by 24 February"
    assert action_ids(lee.text) == ["1.1", "2.2"]
    assert "Updates are due by Friday 24 February 2017." in lee.text
    assert "http://localhost:8000/plans/demo/my-actions/" in lee.text
    assert "http://localhost:8000/plans/demo/actions/1.1/" in lee.text
    assert '<a href="http://localhost:8000/plans/demo/actions/2.2/">2.2</a>' in lee.html
    assert '<html lang="en-GB">' in lee.html and '<th scope="col"' in lee.html
    [lara] = mail_server.to("lara@council.example")
    assert action_ids(lara.text) == ["2.1", "2.2"]
    assert "first reminder (return date Friday 24 February 2017): 5 actions still to update" in output
    assert "nobody on the site leads as 'DCS' (1 action)" in output
    assert "Sent 2 emails." in output


def test_a_second_run_the_same_day_sends_nothing(plan, mail_server) -> None:
    run("2017-02-20")
    output = run("2017-02-20")
    assert len(mail_server.received) == 2
    assert "0 new emails (2 posted before" in output and "Sent 0 emails." in output


def test_the_second_reminder_goes_only_to_leads_still_missing_and_lists_only_what_is_left(
    plan, mail_server, write_csv
) -> None:
    run("2017-02-20")
    update(write_csv, date(2017, 2, 21), "2.1", "2.2")  # lara's two; 2.2 is lee's too
    run("2017-02-22")
    [first, second] = mail_server.to("lee@council.example")
    assert action_ids(second.text) == ["1.1"]
    assert second.text.count("This is a second reminder.") == 1
    assert len(mail_server.to("lara@council.example")) == 1


def test_a_run_missed_on_the_reminder_day_catches_up_with_the_latest_stage_alone(plan, mail_server) -> None:
    run("2017-02-23")
    assert len(mail_server.to("lee@council.example")) == 1
    assert "This is a second reminder." in mail_server.to("lee@council.example")[0].text


def test_a_lead_whose_actions_are_all_updated_gets_nothing(plan, mail_server, write_csv) -> None:
    update(write_csv, date(2017, 2, 10), "1.1", "2.2")
    run("2017-02-20")
    assert mail_server.to("lee@council.example") == []
    assert len(mail_server.to("lara@council.example")) == 1


def test_after_the_return_date_the_officers_get_the_list_of_who_is_missing(
    plan, mail_server, write_csv
) -> None:
    update(write_csv, date(2017, 2, 21), "2.1", "2.2")
    run("2017-02-27")
    [officer] = mail_server.received
    assert officer.recipients == ["olivia@council.example"]  # the officer, not the administrator
    assert officer.subject == "Improvement plan: 3 actions not updated for February 2017"
    text = officer.text
    assert "The return date for February 2017 was Friday 24 February 2017." in text
    assert re.search(r"Lee \(lee@council.example\):\n- 1\.1:", text)
    assert "Lara" not in text
    assert re.search(r"DCS:\n- 1\.2:", text) and re.search(r"PSW:\n- 2\.3:", text)
    run("2017-02-28")
    assert len(mail_server.received) == 1


def test_a_completion_verified_needs_no_monthly_update(plan, mail_server, signed_in) -> None:
    with time_machine.travel(datetime(2017, 2, 21, 11, tzinfo=UTC), tick=False):
        verified = signed_in("bob").post("/plans/demo/actions/1.2/verify/", {"reason-1.2": "Minutes seen."})
    assert verified.status_code == 302
    run("2017-02-27")
    assert not re.search(r"DCS:\n- 1\.2:", mail_server.received[0].text)


def test_every_email_sent_is_in_the_plans_audit_log(plan, mail_server) -> None:
    run("2017-02-20")
    sent = Change.objects.filter(kind=Change.Kind.EMAILED).order_by("new_value")
    assert [(c.field, c.new_value) for c in sent] == [
        ("email: Monthly return reminders", "to lara@council.example: first reminder, 2 actions: 2.1, 2.2"),
        ("email: Monthly return reminders", "to lee@council.example: first reminder, 2 actions: 1.1, 2.2"),
    ]


def test_an_email_the_server_refused_is_sent_on_the_next_run_and_nobody_gets_two(
    plan, mail_server, settings
) -> None:
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 9  # nothing listens on the discard port: the server is down
    with pytest.raises(CommandError, match="could not be sent"):
        run("2017-02-20")
    assert mail_server.received == []
    assert set(Email.objects.values_list("state", flat=True)) == {"failed", "waiting"}
    settings.EMAIL_PORT = port
    run("2017-02-20")
    assert recipients(mail_server) == ["lara@council.example", "lee@council.example"]
    run("2017-02-21")
    assert len(mail_server.received) == 2


def test_an_email_a_crashed_run_was_handing_over_is_not_sent_again_and_is_reported(plan, mail_server) -> None:
    run("2017-02-20", "--dry-run")
    assert mail_server.received == [] and not Email.objects.exists()
    run("2017-02-20")
    lee = Email.objects.get(to="lee@council.example")
    Email.objects.filter(pk=lee.pk).update(state=Email.State.SENDING)  # as a run that died mid-send leaves it
    Email.objects.exclude(pk=lee.pk).update(state=Email.State.WAITING)
    mail_server.received.clear()
    output = run("2017-02-20")
    assert [r.recipients for r in mail_server.received] == [["lara@council.example"]]
    assert "Perhaps not sent" in output and "to lee@council.example" in output


def test_a_plan_with_reminders_turned_off_sends_none(plan, mail_server) -> None:
    Plan.objects.filter(slug="demo").update(send_reminders=False)
    assert "reminders are turned off" in run("2017-02-20")
    assert mail_server.received == []


def test_before_the_reminder_day_nothing_is_sent(plan, mail_server) -> None:
    assert "no reminder today (the first is on 20 February" in run("2017-02-19")
    assert mail_server.received == []


def rerun_queries() -> int:
    run("2017-02-20")
    with CaptureQueriesContext(connection) as queries:
        run("2017-02-20")
    return len(queries)


def test_a_rerun_that_sends_nothing_makes_as_many_queries_for_twelve_leads_as_for_two(
    plan, mail_server
) -> None:
    with_two = rerun_queries()
    users = get_user_model()
    for n in range(10):
        user = users.objects.create_user(f"extra{n}", f"extra{n}@council.example", first_name=f"Extra {n}")
        Membership.objects.create(plan=plan, user=user, role="lead", leads="PSW" if n % 2 else "HOS LS")
    with_twelve = rerun_queries()
    assert len(mail_server.received) == 12
    assert with_twelve == with_two
