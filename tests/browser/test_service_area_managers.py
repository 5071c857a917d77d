"""An officer chooses who manages each service area of the scorecard (the people the weekly summary
emails), from the scorecard page; the page passes axe in each state."""

from __future__ import annotations

from decimal import Decimal

import pytest

from oversight.performance.models import Indicator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_adds_and_removes_a_service_area_manager(sign_in, visit, submit, follow):
    from oversight.plans.models import Plan

    plan = Plan.objects.get(slug="demo")
    for name, area in [("ICPCs in timescale", "Safeguarding"), ("Care leavers in touch", "Care leavers")]:
        Indicator.objects.create(
            plan=plan, name=name, service_area=area, polarity="higher", target=Decimal(90)
        )
    olivia = sign_in("olivia")
    visit(olivia, "/plans/demo/scorecard/")
    assert olivia.get_by_role("link", name="Download the scorecard for", exact=False).count() == 2
    follow(olivia, "Service areas and their managers")
    submit(olivia, "Add the manager", status=400)
    assert olivia.locator(".govuk-error-summary").is_visible()
    olivia.get_by_label("Service area", exact=True).select_option("Safeguarding")
    olivia.get_by_label("Manager").select_option(label="Lee (lee@council.example)")
    submit(olivia, "Add the manager")
    row = olivia.locator("tr", has_text="Safeguarding")
    assert "Lee (lee@council.example)" in row.inner_text()
    submit(olivia, "Remove Lee as a manager of Safeguarding")
    assert "Lee no longer manages Safeguarding." in olivia.locator("main").inner_text()
    assert "No manager" in olivia.locator("tr", has_text="Safeguarding").inner_text()

    vic = sign_in("vic")
    visit(vic, "/plans/demo/scorecard/service-areas/")
    assert vic.get_by_role("button", name="Add the manager").count() == 0
