"""An action's page: since when it has held its status, and what a board looks at beside a completion."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from oversight.audit.actors import Actor
from oversight.performance.models import Indicator
from oversight.performance.values import record_value
from oversight.plans.evidence import add_link
from oversight.plans.status_import import import_statuses
from tests import parsed

pytestmark = pytest.mark.django_db


def current_status(response) -> str:
    return parsed.texts(response, "//dt[.='Current status']/following-sibling::dd")[0]


def test_a_red_action_is_red_since_its_run_of_red_began_not_since_its_latest_return(
    signed_in, write_csv
) -> None:
    for as_at, rag in ((date(2016, 10, 31), "A"), (date(2016, 11, 30), "R"), (date(2016, 12, 31), "R")):
        rows = [["Action ID", "RAG", "Commentary"], ["1.1", rag, "Protocol drafted."]]
        import_statuses(write_csv(f"{as_at}.csv", rows), "demo", as_at, Actor("setup"))
    # 1.1 is Red as at 31 January 2017 in the plan fixture too
    assert current_status(signed_in("vic").get("/plans/demo/actions/1.1/")) == "Red since 30 November 2016"


def test_beside_a_completion_awaiting_verification_are_its_evidence_and_measures(signed_in, plan) -> None:
    action = plan.actions.get(action_id="1.2")
    evidence = add_link(action, "https://minutes.council.example/itb-12", "ITB minutes", Actor("Lee"))
    audits = Indicator.objects.create(
        plan=plan, name="Audits rated good or better", service_area="Quality assurance",
        polarity="higher", target=Decimal(75), tolerance=Decimal(5),
    )  # fmt: skip
    audits.actions.set([action])
    record_value(audits, date(2017, 1, 1), Decimal(40), Actor("Ana"), "test")
    page = signed_in("bob").get("/plans/demo/actions/1.2/")
    section = "//h2[@id='completion']/following-sibling::"
    assert parsed.texts(page, section + "ul[1]/li/a") == ["ITB minutes"]
    assert parsed.links(page)["ITB minutes"] == f"/plans/demo/actions/1.2/evidence/{evidence.pk}/"
    assert parsed.texts(page, section + "ul[2]/li") == [
        "Audits rated good or better: 40% in January 2017, target 75% Red"
    ]
    assert parsed.texts(page, "//strong[@class='govuk-warning-text__text']") == [
        "Warning Complete, but the measure it was meant to move is Red: Audits rated good or better."
    ]
