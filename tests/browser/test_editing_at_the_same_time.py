"""Two people update the same action at once: the second is told, and nothing is overwritten."""

from __future__ import annotations

import pytest

from oversight.plans.models import StatusRecord

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_second_of_two_people_saving_the_same_action_is_told_of_the_first_ones_change(
    sign_in, visit, submit
):
    olivia = visit(sign_in("olivia"), "/plans/demo/actions/2.2/update/")
    lee = visit(sign_in("lee"), "/plans/demo/actions/2.2/update/")

    olivia.get_by_label("Amber", exact=True).check()
    olivia.get_by_label("Commentary").fill("Two of five managers trained.")
    submit(olivia, "Save status")
    assert "Action 2.2 is now Amber." in olivia.locator(".govuk-notification-banner").inner_text()

    lee.get_by_label("Green", exact=True).check()
    lee.get_by_label("Commentary").fill("All managers trained.")
    submit(lee, "Save status", status=409)
    conflict = lee.locator(".govuk-error-summary")
    assert conflict.get_by_role("heading").inner_text().startswith("Someone else changed this action")
    told = conflict.locator("li").all_inner_texts()
    assert any(line.startswith("Olivia at ") and "changed RAG from “” to “Amber”" in line for line in told)
    assert any("changed commentary from “” to “Two of five managers trained.”" in line for line in told)
    # lee's own answers are kept on the form for them to check and save again
    assert lee.get_by_label("Green", exact=True).is_checked()
    assert lee.get_by_label("Commentary").input_value() == "All managers trained."

    stored = StatusRecord.objects.filter(action__action_id="2.2")
    assert [(s.rag, s.commentary, s.actor) for s in stored] == [
        ("A", "Two of five managers trained.", "Olivia")
    ]
