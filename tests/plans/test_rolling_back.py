"""Imports and evidence are all or nothing: a save that fails part of the way through (the database
refuses its second write, then its third, and so on) leaves every table, the plan's revision and the
private files exactly as they were."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from oversight.audit.actors import Actor
from oversight.plans.models import Action, Evidence, Plan, StatusRecord
from oversight.plans.plan_import import import_plan
from oversight.plans.status_import import import_statuses
from tests.conftest import PLAN_ROWS
from tests.failures import DiskFull, fail_at_each_write_in_turn, writes_fail_from

pytestmark = pytest.mark.django_db

OLIVIA = Actor("Olivia")
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def test_a_plan_import_that_fails_part_way_changes_nothing(plan, write_csv) -> None:
    revision = plan.revision
    rows = [list(row) for row in PLAN_ROWS if row[1] != "2.3"]  # 2.3 leaves the plan
    rows[1][3] = "HOS CLA"  # 1.1 changes lead
    rows.append(["Priority 3 - Partnerships", "3.1", "Agree the partnership protocol.", "DCS", "", "Mar 17"])
    file = write_csv("plan-v2.csv", rows)

    writes = fail_at_each_write_in_turn(
        lambda: import_plan(file, "demo", OLIVIA, title="Improvement plan, second edition")
    )

    assert writes >= 5  # the import run, the plan, a priority, actions added and changed, their changes
    assert Plan.objects.get(pk=plan.pk).revision == revision + 1  # once, by the import that went through
    assert Action.objects.get(action_id="1.1").lead == "HOS CLA"
    assert not Action.objects.get(action_id="2.3").in_plan


def test_a_status_import_that_fails_part_way_changes_nothing(plan, write_csv) -> None:
    revision = plan.revision
    statuses = [
        ["Action ID", "RAG", "Commentary"],
        ["1.1", "A", "Protocol agreed in principle."],
        ["1.2", "G", "Done."],
        ["2.2", "R", "No trainer yet."],
    ]
    file = write_csv("status-feb.csv", statuses)

    writes = fail_at_each_write_in_turn(lambda: import_statuses(file, "demo", date(2017, 2, 28), OLIVIA))

    assert writes >= 4  # the import run, the statuses, their changes, the plan's revision
    assert Plan.objects.get(pk=plan.pk).revision > revision
    assert StatusRecord.objects.filter(as_at=date(2017, 2, 28)).count() == 3


def test_evidence_whose_saving_fails_part_way_leaves_no_record_and_no_file(signed_in, private_files) -> None:
    client = signed_in("lee")

    def add_evidence() -> None:
        upload = SimpleUploadedFile("protocol.pdf", PDF, content_type="application/pdf")
        response = client.post("/plans/demo/actions/1.1/evidence/", {"kind": "file", "file": upload})
        assert response.status_code == 302

    assert fail_at_each_write_in_turn(add_evidence) >= 2  # the evidence, its change, the revision
    evidence = Evidence.objects.get()
    assert [p.name for p in (private_files / "evidence").iterdir()] == [evidence.stored_name]


def test_link_evidence_whose_saving_fails_part_way_leaves_no_record(signed_in) -> None:
    client = signed_in("lee")

    def add_link() -> None:
        form = {"kind": "link", "url": "https://council.example/minutes", "title": "Minutes"}
        assert client.post("/plans/demo/actions/1.1/evidence/", form).status_code == 302

    assert fail_at_each_write_in_turn(add_link) >= 2
    assert Evidence.objects.get().url == "https://council.example/minutes"


def test_the_injected_failure_reaches_the_caller(plan, write_csv) -> None:
    """The failure injected is the database's own, and nothing in an import swallows it."""
    file = write_csv("status-feb.csv", [["Action ID", "RAG", "Commentary"], ["1.1", "A", "Agreed."]])
    with writes_fail_from(2) as made, pytest.raises(DiskFull):
        import_statuses(file, "demo", date(2017, 2, 28), OLIVIA)
    assert len(made) == 1
