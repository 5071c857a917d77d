"""Every form checks the length of every field before the database: over-long input is refused with a
GOV.UK error on the field, and nothing is saved. PostgreSQL would refuse it with a server error, and
SQLite would keep it whole; the suite runs on both."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from html import unescape

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from oversight.accounts.models import Membership
from oversight.governance.models import Board, Inspection, Meeting, Recommendation
from tests.conftest import PASSWORD
from tests.posted import date_boxes

pytestmark = pytest.mark.django_db

LONG = 20_001  # one more than the longest text a person may write


@dataclass(frozen=True)
class Form:
    """A form, who fills it in, what else it needs, and the field made too long with its limit."""

    who: str
    url: str
    data: dict[str, str]
    field: str
    limit: int
    message: str
    saves: str  # the model a successful post would add to
    extra: dict[str, str] = field(default_factory=dict)


def value_of_length(name: str, length: int) -> str:
    """A value of exactly `length` characters, of the kind the field takes."""
    if name in {"url", "letter_url"}:
        prefix = "https://council.example/"
        return prefix + "p" * (length - len(prefix))
    if name == "email":
        return "p" * (length - len("@council.example")) + "@council.example"
    return "p" * length


VISITED = date_boxes("visited", date(2017, 3, 1))
DUE = date_boxes("due", date(2017, 4, 1))
UPDATED = date_boxes("as_at", date(2017, 3, 31))
HELD = date_boxes("held", date(2017, 3, 1))
FORMS = {
    "a person's name": Form(
        "olivia", "/plans/demo/people/", {"email": "new@council.example", "role": "viewer"}, "name", 150,
        "Full name must be 150 characters or less", "accounts.Membership",
    ),
    "a person's email": Form(
        "olivia", "/plans/demo/people/", {"role": "viewer"}, "email", 150,
        "Email address must be 150 characters or less", "accounts.Membership",
    ),
    "a lead's lead names": Form(
        "olivia", "/plans/demo/people/", {"email": "new@council.example", "role": "lead"}, "leads", 500,
        "Lead names must be 500 characters or less", "accounts.Membership",
    ),
    "evidence's title": Form(
        "lee", "/plans/demo/actions/1.1/evidence/", {"kind": "link", "url": "https://council.example/a"},
        "title", 300, "Title must be 300 characters or less", "plans.Evidence",
    ),
    "evidence's link": Form(
        "lee", "/plans/demo/actions/1.1/evidence/", {"kind": "link", "title": "Minutes"}, "url", 1000,
        "Link must be 1,000 characters or less", "plans.Evidence",
    ),
    "a status's commentary": Form(
        "lee", "/plans/demo/actions/1.1/update/", {"rag": "A", "revision": "{revision}", "seen": "{seen}"},
        "commentary", 20_000, "Commentary must be 20,000 characters or less", "plans.StatusRecord",
    ),
    "the reason a completion is sent back": Form(
        "bob", "/plans/demo/actions/1.2/send-back/", {}, "reason", 20_000,
        "The reason must be 20,000 characters or less", "plans.Verification",
    ),
    "a new plan's title": Form(
        "root", "/plans/new/", {"slug": "second", "council": "Demo"}, "title", 200,
        "Title must be 200 characters or less", "plans.Plan",
    ),
    "a new plan's council": Form(
        "root", "/plans/new/", {"slug": "second", "title": "Second plan"}, "council", 200,
        "Council must be 200 characters or less", "plans.Plan",
    ),
    "an import's sheet": Form(
        "olivia", "/plans/demo/import/", {"kind": "plan"}, "sheet", 200,
        "The sheet's name must be 200 characters or less", "plans.ImportRun",
    ),
    "a scorecard import's sheet": Form(
        "ana", "/plans/demo/scorecard/import/", {"kind": "values"}, "sheet", 200,
        "The sheet's name must be 200 characters or less", "plans.ImportRun",
    ),
    "a workforce team's name": Form(
        "ana", "/plans/demo/workforce/teams/", {"service": "Assessment", "kind": "social_work"}, "name", 200,
        "The team's name must be 200 characters or less", "workforce.Team",
    ),
    "a workforce team's service": Form(
        "ana", "/plans/demo/workforce/teams/", {"name": "Assessment 1", "kind": "social_work"}, "service",
        200, "The service must be 200 characters or less", "workforce.Team",
    ),
    "a course's name": Form(
        "olivia", "/plans/demo/workforce/courses/", {}, "name", 200,
        "The course's name must be 200 characters or less", "workforce.Course",
    ),
    "a funding line's name": Form(
        "olivia", "/plans/demo/funding/lines/new/", {"new_year": "2017/18", "new-budget": "750"}, "title",
        300, "The funding line must be 300 characters or less", "funding.FundingLine",
    ),
    "a funding line's comments": Form(
        "olivia", "/plans/demo/funding/lines/new/",
        {"title": "Phase one", "new_year": "2017/18", "new-budget": "1"}, "comment", 20_000,
        "The comments must be 20,000 characters or less", "funding.FundingLine",
    ),
    "a board's name": Form(
        "olivia", "/plans/demo/governance/", {"kind": "team"}, "name", 200,
        "The board's name must be 200 characters or less", "governance.Board",
    ),
    "a visit's inspectors": Form(
        "olivia", "/plans/demo/governance/visits/", {**VISITED, "focus": "Care leavers"},
        "inspectors", 300, "The inspectors' names must be 300 characters or less",
        "governance.MonitoringVisit",
    ),
    "a visit's focus": Form(
        "olivia", "/plans/demo/governance/visits/", {**VISITED, "inspectors": "A. Inspector"},
        "focus", 20_000, "What the visit looked at must be 20,000 characters or less",
        "governance.MonitoringVisit",
    ),
    "a visit's findings": Form(
        "olivia", "/plans/demo/governance/visits/",
        {**VISITED, "inspectors": "A. Inspector", "focus": "Care leavers"}, "findings", 20_000,
        "The findings must be 20,000 characters or less", "governance.MonitoringVisit",
    ),
    "a visit's letter": Form(
        "olivia", "/plans/demo/governance/visits/",
        {**VISITED, "inspectors": "A. Inspector", "focus": "Care leavers"}, "letter_url", 200,
        "The letter's address must be 200 characters or less", "governance.MonitoringVisit",
    ),
    "a recommendation's progress": Form(
        "olivia", "/plans/demo/governance/recommendations/{recommendation}/", UPDATED, "progress", 20_000,
        "The progress made must be 20,000 characters or less",
        "governance.ProgressUpdate",
    ),
    "a recommendation's impact": Form(
        "olivia", "/plans/demo/governance/recommendations/{recommendation}/",
        {**date_boxes("as_at", date(2017, 3, 31)), "progress": "Done"}, "impact", 20_000,
        "The impact seen must be 20,000 characters or less", "governance.ProgressUpdate",
    ),
    "an indicator's name": Form(
        "ana", "/plans/demo/scorecard/new/", {"service_area": "Safeguarding"}, "name", 300,
        "The name must be 300 characters or less", "performance.Indicator",
    ),
    "an indicator's service area": Form(
        "ana", "/plans/demo/scorecard/new/", {"name": "Visits in time"}, "service_area", 200,
        "The service area must be 200 characters or less", "performance.Indicator",
    ),
    "an indicator's definition": Form(
        "ana", "/plans/demo/scorecard/new/", {"name": "Visits in time", "service_area": "Safeguarding"},
        "definition", 20_000, "The definition must be 20,000 characters or less", "performance.Indicator",
    ),
    "a meeting's apologies": Form(
        "bob", "/plans/demo/governance/boards/{board}/meetings/", HELD, "apologies", 20_000,
        "Apologies must be 20,000 characters or less", "governance.Meeting",
    ),
    "a decision": Form(
        "bob", "/plans/demo/governance/meetings/{meeting}/decisions/", {}, "text", 20_000,
        "The decision must be 20,000 characters or less", "governance.Decision",
    ),
    "a remedial task": Form(
        "bob", "/plans/demo/governance/meetings/{meeting}/tasks/", {"owner": "HOS CLA", **DUE},
        "description", 20_000, "What is to be done must be 20,000 characters or less",
        "governance.RemedialTask",
    ),
    "a remedial task's owner": Form(
        "bob", "/plans/demo/governance/meetings/{meeting}/tasks/",
        {"description": "Audit again", **DUE}, "owner", 200,
        "The owner's name must be 200 characters or less", "governance.RemedialTask",
    ),
    "a revised timescale": Form(
        "lara", "/plans/demo/actions/2.1/timescale/", {"reason": "Delayed."}, "timescale", 100,
        "The timescale must be 100 characters or less", "plans.TimescaleChange",
    ),
    "why a timescale needs revising": Form(
        "lara", "/plans/demo/actions/2.1/timescale/", {"timescale": "Sep 17"}, "reason", 20_000,
        "The reason must be 20,000 characters or less", "plans.TimescaleChange",
    ),
    "why an action is withdrawn": Form(
        "lara", "/plans/demo/actions/2.1/withdraw/", {}, "reason", 20_000,
        "The reason must be 20,000 characters or less", "plans.TimescaleChange",
    ),
}  # fmt: skip


@pytest.fixture
def objects(plan) -> dict[str, str]:
    """What the forms' addresses name: a recommendation, a board and one of its meetings."""
    inspection = Inspection.objects.create(plan=plan, published=date(2016, 8, 1))
    recommendation = Recommendation.objects.create(
        inspection=inspection, number=1, text="Agree the protocol."
    )
    board = Board.objects.create(plan=plan, name="Improvement Team Board")
    meeting = Meeting.objects.create(board=board, held=date(2017, 2, 1))
    get_user_model().objects.create_superuser("root", "root@council.example", PASSWORD)
    return {"recommendation": str(recommendation.pk), "board": str(board.pk), "meeting": str(meeting.pk)}


def words(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def form_state(client, url: str) -> dict[str, str]:
    html = client.get(url).content.decode()
    return dict(re.findall(r'type="hidden" name="(revision|seen)" value="(\d+)"', html))


def post(client, form: Form, objects: dict[str, str], value: str, follow: bool = False):
    url = form.url.format(**objects)
    state = form_state(client, url)  # an update form's revision and the change it has seen
    data = {key: text.format(**state) for key, text in form.data.items()} | {form.field: value}
    return client.post(url, data, follow=follow)


@pytest.mark.parametrize("name", FORMS)
def test_an_over_long_field_is_refused_on_the_form_and_nothing_is_saved(
    signed_in, objects, name: str
) -> None:
    form = FORMS[name]
    model = apps.get_model(form.saves)
    before = model.objects.count()
    response = post(signed_in(form.who), form, objects, value_of_length(form.field, form.limit + 1))
    html = response.content.decode()
    assert model.objects.count() == before
    assert form.message in words(html)
    # every form says so at the field, with the error summary's link to it
    assert response.status_code == 400
    assert f'href="#{form.field}"' in html and f'id="{form.field}-error"' in html


@pytest.mark.parametrize("name", FORMS)
def test_a_field_at_its_limit_is_not_too_long(signed_in, objects, name: str) -> None:
    form = FORMS[name]
    response = post(signed_in(form.who), form, objects, value_of_length(form.field, form.limit), True)
    assert response.status_code in {200, 400}
    assert form.message not in words(response.content.decode())


def test_changing_a_leads_names_to_too_many_is_refused_on_its_row(signed_in, plan) -> None:
    lee = Membership.objects.get(plan=plan, user__username="lee")
    response = signed_in("olivia").post(f"/plans/demo/people/{lee.pk}/", {"role": "lead", "leads": "L" * 501})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Lead names must be 500 characters or less" in words(html)
    assert f'href="#leads-{lee.pk}"' in html and f'id="leads-{lee.pk}-error"' in html
    lee.refresh_from_db()
    assert lee.leads == "HOS LS"


def test_signing_in_with_an_over_long_name_is_refused_on_the_form_not_recorded(client, plan) -> None:
    from axes.models import AccessAttempt

    response = client.post("/sign-in/", {"username": "u" * 5000, "password": "p" * 5000})
    assert response.status_code == 200
    assert "Username must be 150 characters or less" in words(response.content.decode())
    assert not AccessAttempt.objects.exists()


def test_a_wrong_password_from_a_browser_with_over_long_headers_is_recorded(client, plan) -> None:
    from axes.models import AccessAttempt

    response = client.post(
        "/sign-in/?next=/" + "n" * 3000,
        {"username": "lee", "password": "not it"},
        HTTP_USER_AGENT="agent " * 500,
        HTTP_ACCEPT="text/html;q=0.9," * 200,
    )
    assert response.status_code == 200
    assert AccessAttempt.objects.get().username == "lee"


def test_a_password_reset_for_an_over_long_address_is_refused_on_the_form(client, plan) -> None:
    response = client.post("/password-reset/", {"email": "p" * 5000 + "@council.example"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in words(html) and 'id="email-error"' in html


def test_an_evidence_file_with_a_long_name_is_kept_with_its_name_cut_to_fit(signed_in, private_files) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from oversight.plans.models import Evidence

    pdf = SimpleUploadedFile("minutes " * 60 + ".pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    response = signed_in("lee").post("/plans/demo/actions/1.1/evidence/", {"kind": "file", "file": pdf})
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.file_name.startswith("minutes minutes") and evidence.file_name.endswith("….pdf")
    assert len(evidence.file_name.encode()) <= 200 and evidence.title == evidence.file_name


def test_an_upload_with_a_long_name_is_previewed_under_its_name_cut_to_fit(signed_in, private_files) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("statuses " * 60 + ".csv", b"Action ID,RAG,Commentary\n1.1,Red,Late.\n")
    client = signed_in("olivia")
    response = client.post(
        "/plans/demo/import/",
        {"kind": "status", **date_boxes("as_at", date(2017, 2, 28)), "sheet": "", "file": upload},
    )
    assert response.status_code == 302
    preview = words(client.get(response["Location"]).content.decode())
    assert "Check the changes in statuses statuses" in preview and "….csv" in preview
