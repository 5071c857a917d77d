"""A funding line added and changed on the funding page by an administrator or officer: every figure
that changes is in the audit log with its old and new value, a bad figure is refused with every problem
named, and a save from a page opened before someone else's change is refused."""

from __future__ import annotations

import pytest

from oversight.audit.models import Change
from oversight.funding.models import FundingLine, FundingYear
from tests.parsed import visible_text

pytestmark = pytest.mark.django_db
NEW = "/plans/demo/funding/lines/new/"


def social_workers(**more: str) -> dict[str, str]:
    return {
        "title": "Additional funding for social workers and caseloads", "phase": "", "body": "Council",
        "decided-day": "1", "decided-month": "3", "decided-year": "2017", "reference": "",
        "comment": "£1,500k agreed by Council on the 1st March 2017.", "actions": "1.1",
        "new_year": "2017/18", "new-budget": "750", "new-committed": "0",
    } | more  # fmt: skip


def test_an_officer_adds_a_line_then_changes_a_figure_and_the_audit_log_has_old_and_new(
    signed_in, plan
) -> None:
    olivia = signed_in("olivia")
    assert olivia.post(NEW, social_workers()).status_code == 302
    line = FundingLine.objects.get()
    assert (line.body, line.decided.isoformat(), list(line.actions.values_list("action_id", flat=True))) == (
        "Council", "2017-03-01", ["1.1"]
    )  # fmt: skip
    assert FundingYear.objects.get().budget == 750
    page = f"/plans/demo/funding/lines/{line.pk}/"
    opened = olivia.get(page).content.decode()
    assert 'name="2017/18-budget"' in opened and 'value="750"' in opened
    changed = social_workers(
        **{"2017/18-budget": "750", "2017/18-committed": "500", "revision": "0", "new_year": ""}
    )
    changed |= {"new-budget": "", "new-committed": ""}
    assert olivia.post(page, changed).status_code == 302
    change = Change.objects.get(
        field="funding line Additional funding for social workers and caseloads: 2017/18 committed"
    )
    assert (change.old_value, change.new_value, change.actor) == ("0", "500", "Olivia")
    stale = olivia.post(page, changed | {"2017/18-committed": "600"})
    assert stale.status_code == 400 and "Someone changed this funding line" in visible_text(stale)
    assert FundingYear.objects.get().committed == 500


def test_a_line_with_bad_figures_is_refused_naming_each(signed_in, plan) -> None:
    response = signed_in("alice").post(
        NEW, social_workers(**{"new_year": "2017/19", "new-budget": "seven hundred", "actions": "1.1, 9.9"})
    )
    assert response.status_code == 400
    text = visible_text(response)
    assert "'2017/19' is not a financial year: enter one such as 2018/19" in text
    assert "Enter the new year's budget (£'000) as a whole number of £'000" in text
    assert "as a whole number of £'000" in text and "Not in this plan: 9.9" in text
    assert not FundingLine.objects.exists()


def test_a_second_line_of_the_same_name_is_refused(signed_in, plan) -> None:
    olivia = signed_in("olivia")
    olivia.post(NEW, social_workers())
    again = olivia.post(NEW, social_workers(title="ADDITIONAL FUNDING FOR SOCIAL WORKERS AND CASELOADS"))
    assert again.status_code == 400 and "There is already a funding line of that name" in visible_text(again)


def test_only_administrators_and_officers_change_the_funding(signed_in, plan) -> None:
    assert signed_in("ana").get(NEW).status_code == 403
    assert signed_in("vic").post(NEW, social_workers()).status_code == 403
