"""The quality assurance pages as their people use them: a tool made, a cohort chosen, an audit done
after an error, the figures shown."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.quality.models import AuditTool, CaseAudit, Cohort
from tests.quality.test_programme import GOOD, RI, grade

pytestmark = pytest.mark.django_db


def test_a_tool_starts_on_ofsteds_scale_and_a_mistake_is_named(signed_in, plan) -> None:
    from tests.quality.conftest import person

    person(plan, "quinn", "qa_lead")
    page = signed_in("quinn").get("/plans/demo/quality/tools/").content.decode()
    assert "Outstanding\nGood\nRequires improvement\nInadequate" in page
    refused = signed_in("quinn").post(
        "/plans/demo/quality/tools/",
        {"name": "Case file audit", "grades": "Good", "good_or_better": "1", "domains": ""},
    )
    assert refused.status_code == 400
    text = refused.content.decode()
    assert "Enter at least two grades, one on each line, the best first" in text
    assert "Enter at least one domain" in text
    made = signed_in("quinn").post(
        "/plans/demo/quality/tools/",
        {
            "name": "Case file audit",
            "grades": "Good\nNot good",
            "good_or_better": "1",
            "domains": "Planning: Is it?",
        },
    )
    assert made.status_code == 302
    assert AuditTool.objects.get().latest.grades == ["Good", "Not good"]


def test_a_cohort_typed_in_is_shared_out_and_a_case_already_chosen_is_refused(signed_in, programme) -> None:
    form = {
        "kind": "deep_dive",
        "title": "Deep dive: neglect",
        "question": "Do we recognise neglect early?",
        "month-month": "11",
        "month-year": "2026",
        "tool": str(programme.version.tool_id),
        "due-day": "30",
        "due-month": "11",
        "due-year": "2026",
        "auditors": [str(programme.audit("C1002").auditor_id)],
        "source": "typed",
        "cases": "C1001, Safeguarding East\nC3001, Children in Care, Ali Khan",
    }
    refused = signed_in("quinn").post("/plans/demo/quality/cohorts/", form)
    assert refused.status_code == 400
    assert "Already in a cohort of November 2026: C1001" in refused.content.decode()
    made = signed_in("quinn").post(
        "/plans/demo/quality/cohorts/", form | {"cases": "C3001, Children in Care, Ali Khan"}
    )
    assert made.status_code == 302
    cohort = Cohort.objects.get(title="Deep dive: neglect")
    assert (cohort.kind, cohort.question, cohort.audits.get().auditor_name) == (
        "deep_dive", "Do we recognise neglect early?", "Lara"
    )  # fmt: skip


def test_an_audit_with_a_domain_ungraded_is_refused_with_every_error_named(signed_in, programme) -> None:
    audit = programme.audit("C1001")
    url = f"/plans/demo/quality/audits/{audit.pk}/grades/"
    refused = signed_in("audrey").post(url, {"domain_0": str(GOOD), "revision": "0", "strengths": "x" * 5001})
    assert refused.status_code == 400
    text = refused.content.decode()
    assert "Choose a grade for voice of the child" in text
    assert "Choose a grade for planning" in text
    assert "Choose a grade for overall grade" in text
    assert "Strengths must be 5,000 characters or less" in text
    assert 'href="#domain_1"' in text  # the error summary links to the question
    assert CaseAudit.objects.get(pk=audit.pk).overall_rank is None


def test_the_programme_page_shows_the_months_figures(signed_in, programme) -> None:
    grade(programme, "C1001", GOOD)
    grade(programme, "C2001", RI, domains=(RI, RI, RI))
    page = signed_in("vic").get("/plans/demo/quality/?month=2026-11").content.decode()
    assert "Graded good or better" in page and "50% (1 of 2)" in page
    assert "C1001" not in page  # figures only: no case is named
    assert "Audrey" not in page  # nor an auditor, to a viewer
    assert "Audrey" in signed_in("quinn").get("/plans/demo/quality/?month=2026-11").content.decode()


def test_an_audit_log_is_uploaded_previewed_and_imported(signed_in, programme, write_csv) -> None:
    from tests.quality.test_audit_log_import import GOOD_ROWS, HEADER

    quinn = signed_in("quinn")
    with write_csv("log.csv", [HEADER, *GOOD_ROWS]).open("rb") as upload:
        sent = quinn.post("/plans/demo/quality/import/", {"file": upload, "sheet": ""})
    assert sent.status_code == 302
    preview = quinn.get(sent["Location"])
    text = preview.content.decode()
    assert "Will import case audits into" in text and "case audits: 3 (2 completed, 1 moderated)" in text
    assert not CaseAudit.objects.filter(case_ref="C9001").exists()  # a preview saves nothing
    programme.plan.refresh_from_db()
    done = quinn.post(sent["Location"] + "confirm/", {"revision": str(programme.plan.revision)})
    assert done.status_code == 302 and done["Location"] == "/plans/demo/quality/"
    assert CaseAudit.objects.filter(case_ref__in=["C9001", "C9002", "C9003"]).count() == 3


def test_a_theme_is_shown_on_the_actions_and_the_recommendations_it_bears_on(signed_in, programme) -> None:
    from oversight.governance.models import Inspection, Recommendation

    inspection = Inspection.objects.create(plan=programme.plan, published=date(2016, 8, 1))
    Recommendation.objects.create(inspection=inspection, number=3, text="Improve management oversight.")
    theme = {"text": "Supervision does not challenge drift.", "cohort": str(programme.cohort.pk)}
    refused = signed_in("quinn").post("/plans/demo/quality/themes/", theme | {"actions": "2.1, 9.9"})
    assert refused.status_code == 400 and "Not in this plan: 9.9" in refused.content.decode()
    sent = signed_in("quinn").post(
        "/plans/demo/quality/themes/", theme | {"actions": "2.1", "recommendations": "3"}
    )
    assert sent.status_code == 302
    assert signed_in("vic").post("/plans/demo/quality/themes/", theme).status_code == 403
    rec = Recommendation.objects.get(number=3)
    for url in ("/plans/demo/actions/2.1/", f"/plans/demo/governance/recommendations/{rec.pk}/"):
        page = signed_in("vic").get(url).content.decode()
        assert "What case audits found" in page and "Supervision does not challenge drift." in page, url
    assert "What case audits found" not in signed_in("vic").get("/plans/demo/actions/1.1/").content.decode()


def test_the_open_case_actions_are_listed_for_the_lead_the_overdue_marked(signed_in, programme) -> None:
    from oversight.audit.actors import Actor
    from oversight.quality.case_actions import add_case_action
    from tests.quality.test_programme import user

    add_case_action(
        programme.audit("C1001"), "Convene a strategy discussion.", user("lee"), date(2026, 11, 1), Actor("Q")
    )
    page = signed_in("quinn").get("/plans/demo/quality/case-actions/").content.decode()
    assert "Convene a strategy discussion." in page and "Overdue" in page
    assert (
        "Convene a strategy discussion."
        in signed_in("lee").get("/plans/demo/quality/audits/").content.decode()
    )


def test_a_save_from_an_audit_page_opened_before_a_change_is_refused_keeping_what_was_typed(
    signed_in, programme
) -> None:
    audit = programme.audit("C1001")
    grade(programme, "C1001", GOOD)  # saved since the page was opened at revision 0
    typed = {f"domain_{n}": str(RI) for n in range(3)} | {"overall": str(RI), "revision": "0"}
    refused = signed_in("audrey").post(
        f"/plans/demo/quality/audits/{audit.pk}/grades/", typed | {"strengths": "Mine."}
    )
    assert refused.status_code == 409
    text = refused.content.decode()
    assert "Someone changed this audit after you opened it" in text and "Mine." in text
    assert 'name="revision" value="1"' in text  # the next save is made from the audit as it is now
    assert programme.audit("C1001").overall_grade == "Good"
